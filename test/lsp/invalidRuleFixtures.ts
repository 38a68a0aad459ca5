// The rules' invalid fixtures that quick fixes can act on (language-server/test/rules/<id>/invalid*.json that
// JSON.parse accepts: a syntax fixture's one finding has no fix), with or without a marathon-lint.config.json beside
// them: quickFixes.test.ts opens those without one under the defaults, quickFixesUnderConfig.test.ts the others at
// their own path, so that the server reads that profile.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lspClient';

export const ruleFixturesDir = join(repoRoot, 'language-server/test/rules');

export interface InvalidRuleFixture {
  rule: string;
  dir: string;
  file: string;
  text: string;
}

export function invalidRuleFixtures(withConfig: boolean): InvalidRuleFixture[] {
  const out: InvalidRuleFixture[] = [];
  for (const rule of readdirSync(ruleFixturesDir)) {
    const dir = join(ruleFixturesDir, rule);
    if (existsSync(join(dir, 'marathon-lint.config.json')) !== withConfig) continue;
    for (const file of readdirSync(dir).filter((f) => /^invalid.*\.json$/.test(f))) {
      const text = readFileSync(join(dir, file), 'utf8');
      try {
        JSON.parse(text);
      } catch {
        continue;
      }
      out.push({ rule, dir, file, text });
    }
  }
  return out;
}
