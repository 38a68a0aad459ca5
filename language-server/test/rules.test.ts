// The data-driven rule fixture test (CONTRIBUTING.md "Adding a rule"): for every rule the engine knows,
// each test/rules/<id>/invalid*.json must yield at least one finding of that rule and each valid*.json none;
// an optional marathon-lint.config.json beside them sets the profile. A rule without fixtures fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules, defaultProfile, lint, parseConfig, type Profile } from '../src/core/index';

const fixturesDir = join(import.meta.dirname, 'rules');
/** Engine findings no document can produce: config problems (core/config.test.ts) and rule crashes. */
const notDocumentRules = new Set(['config', 'internal-error']);

function profileFor(dir: string): Profile {
  const file = join(dir, 'marathon-lint.config.json');
  if (!existsSync(file)) return defaultProfile;
  const { profile, errors } = parseConfig(readFileSync(file, 'utf8'), file);
  assert.deepEqual(errors.map((e) => e.message), [], `${file} is not a valid configuration`);
  return profile;
}

for (const rule of allRules.filter((r) => !notDocumentRules.has(r.id))) {
  test(`rule ${rule.id}: fixtures`, () => {
    const dir = join(fixturesDir, rule.id);
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'marathon-lint.config.json').sort() : [];
    const invalid = files.filter((f) => f.startsWith('invalid'));
    const valid = files.filter((f) => f.startsWith('valid'));
    assert.ok(invalid.length > 0 && valid.length > 0, `rule ${rule.id} needs fixtures: test/rules/${rule.id}/invalid*.json and valid*.json`);
    const profile = profileFor(dir);
    for (const f of [...invalid, ...valid]) {
      const { diagnostics } = lint(readFileSync(join(dir, f), 'utf8'), { profile, uri: f });
      const own = diagnostics.filter((d) => d.ruleId === rule.id);
      const crashes = diagnostics.filter((d) => d.ruleId === 'internal-error');
      assert.deepEqual(crashes.map((d) => d.message), [], `${rule.id}/${f}: a rule crashed`);
      if (f.startsWith('invalid')) assert.ok(own.length > 0, `${rule.id}/${f} should yield ${rule.id}; got ${JSON.stringify(diagnostics.map((d) => d.ruleId))}`);
      else assert.deepEqual(own.map((d) => d.message), [], `${rule.id}/${f} should not yield ${rule.id}`);
    }
  });
}

test('every fixture folder belongs to a known rule', () => {
  const ids = new Set(allRules.map((r) => r.id));
  const orphans = readdirSync(fixturesDir).filter((d) => !ids.has(d));
  assert.deepEqual(orphans, [], 'fixture folders without a rule in rules/index.ts (or a misspelt folder name)');
});
