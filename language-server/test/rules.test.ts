// The data-driven rule fixture test (CONTRIBUTING.md "Adding a rule"): for every rule the engine knows,
// each test/rules/<id>/**/invalid*.json must yield at least one finding of that rule and each valid*.json none.
// Sub-folders hold per-version or per-profile cases (<id>/marathon-1.4/, <id>/dcos-profile/ …): the nearest
// marathon-lint.config.json upward from a file sets its profile. One test per file, so a failure names it.
// A rule without at least one invalid and one valid fixture fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { allRules } from '../src/index';
import { configName, type Fixture, fixturesDir, fixturesOf, lintFixture, profileFor } from './ruleFixtures';

/** Engine findings no document can produce: config problems (core/config.test.ts) and rule crashes. */
const notDocumentRules = new Set(['config', 'internal-error']);

function checkFixture(ruleId: string, f: Fixture): void {
  const profile = profileFor(f.config);
  const { diagnostics } = lintFixture(f, profile);
  const own = diagnostics.filter((d) => d.ruleId === ruleId);
  const crashes = diagnostics.filter((d) => d.ruleId === 'internal-error');
  const on = `Marathon ${profile.marathonVersion}, ${f.config ? relative(fixturesDir, f.config) : 'default profile'}${f.deployed ? `, deployed ${relative(fixturesDir, f.deployed)}` : ''}`;
  assert.deepEqual(crashes.map((d) => d.message), [], `${f.name}: a rule crashed`);
  if (f.expect === 'invalid') assert.ok(own.length > 0, `${f.name} should yield ${ruleId} (${on}); got ${JSON.stringify(diagnostics.map((d) => d.ruleId))}`);
  else assert.deepEqual(own.map((d) => d.message), [], `${f.name} should not yield ${ruleId} (${on})`);
}

for (const rule of allRules.filter((r) => !notDocumentRules.has(r.id))) {
  const { fixtures, misnamed } = fixturesOf(rule.id);
  test(`rule ${rule.id}: has fixtures`, () => {
    const has = (e: Fixture['expect']) => fixtures.some((f) => f.expect === e);
    assert.ok(has('invalid') && has('valid'), `rule ${rule.id} needs fixtures: test/rules/${rule.id}/**/invalid*.json and valid*.json`);
    assert.deepEqual(misnamed, [], 'fixture files must be named invalid*.json or valid*.json, or the test cannot tell what they expect');
  });
  for (const f of fixtures) test(`rule ${rule.id}: ${f.name}`, () => checkFixture(rule.id, f));
}

/**
 * Marathon named as anything but a contrast ("Marathon's form", "Marathon's provider name"): in a Chronos job the
 * system that reads, rejects or requires something is Chronos (chronos-job.md).
 */
const marathonAsReader = /\bMarathon\b(?!'s)/;

test('findings on a Chronos job name Chronos, not Marathon, as the system that reads it', () => {
  const wrong: string[] = [];
  for (const rule of allRules.filter((r) => !notDocumentRules.has(r.id))) {
    for (const f of fixturesOf(rule.id).fixtures) {
      const result = lintFixture(f, profileFor(f.config));
      if (result.kind !== 'chronos-job') continue;
      for (const d of result.diagnostics) if (marathonAsReader.test(d.message)) wrong.push(`${f.name} ${d.ruleId} ${d.pointer}: ${d.message}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('every fixture folder belongs to a known rule', () => {
  const ids = new Set(allRules.map((r) => r.id));
  const orphans = readdirSync(fixturesDir).filter((d) => statSync(join(fixturesDir, d)).isDirectory() && !ids.has(d));
  assert.deepEqual(orphans, [], 'fixture folders without a rule in rules/index.ts (or a misspelt folder name)');
});

test('the fixture walk reaches sub-folders and their configs', () => {
  // Guards the recursion itself: if it broke, every sub-folder case would silently stop being checked.
  const { fixtures } = fixturesOf('dvdi-upgrade-strategy');
  const nested = fixtures.find((f) => f.name === 'dvdi-upgrade-strategy/marathon-1.1/valid-half-on-1.1.json');
  assert.ok(nested, 'a fixture in a sub-folder is found');
  assert.equal(nested.config, join(fixturesDir, 'dvdi-upgrade-strategy', 'marathon-1.1', configName));
  assert.equal(profileFor(nested.config).marathonVersion, '1.1');
});
