// Rules whose verdict depends on the Marathon version keep one fixture folder per extra version:
// <rule>/marathon-<version>/ with its own marathon-lint.config.json. This runs those folders the way
// the top-level fixture test runs <rule>/ itself: each invalid* file yields the rule, no valid* file does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../../../src/core/config';
import { detectKind } from '../../../src/core/kind';
import { runRules } from '../../../src/core/runRules';
import { volumeRules } from '../../../src/rules/volume/index';
import { dvdiRules } from '../../../src/rules/dvdi/index';
import { chronosRules } from '../../../src/rules/chronos/index';

const rulesDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const areaRules = [...volumeRules, ...dvdiRules, ...chronosRules];

for (const rule of areaRules) {
  const ruleDir = join(rulesDir, rule.id);
  if (!existsSync(ruleDir)) continue;
  for (const sub of readdirSync(ruleDir).filter((n) => n.startsWith('marathon-') && statSync(join(ruleDir, n)).isDirectory())) {
    const dir = join(ruleDir, sub);
    const configFile = join(dir, 'marathon-lint.config.json');
    const { profile, errors } = parseConfig(readFileSync(configFile, 'utf8'), configFile);
    for (const file of readdirSync(dir).filter((n) => /^(valid|invalid).*\.json$/.test(n))) {
      test(`${rule.id}/${sub}/${file}`, () => {
        assert.deepEqual(errors.filter((e) => e.severity === 'error'), []);
        const doc = JSON.parse(readFileSync(join(dir, file), 'utf8'));
        const found = runRules(doc, detectKind(doc), profile, areaRules).filter((f) => f.ruleId === rule.id);
        if (file.startsWith('invalid')) assert.ok(found.length > 0, `${rule.id} should report ${file} on ${profile.marathonVersion}`);
        else assert.deepEqual(found.map((f) => f.message), [], `${rule.id} should accept ${file} on ${profile.marathonVersion}`);
      });
    }
  }
}
