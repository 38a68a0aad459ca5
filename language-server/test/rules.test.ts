// The data-driven rule fixture test (CONTRIBUTING.md "Adding a rule"): for every rule the engine knows,
// each test/rules/<id>/**/invalid*.json must yield at least one finding of that rule and each valid*.json none.
// Sub-folders hold per-version or per-profile cases (<id>/marathon-1.4/, <id>/dcos-profile/ …): the nearest
// marathon-lint.config.json upward from a file sets its profile. One test per file, so a failure names it.
// A rule without at least one invalid and one valid fixture fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { allRules, defaultProfile, lint, parseConfig, type Profile } from '../src/index';

const fixturesDir = join(import.meta.dirname, 'rules');
const configName = 'marathon-lint.config.json';
/** Engine findings no document can produce: config problems (core/config.test.ts) and rule crashes. */
const notDocumentRules = new Set(['config', 'internal-error']);

interface Fixture {
  /** Relative to fixturesDir with "/" separators, e.g. `app-cmd-length/marathon-1.4/valid-1-4-one-char.json`. */
  name: string;
  path: string;
  expect: 'invalid' | 'valid';
  /** The config file that sets the profile, or undefined for the default profile. */
  config: string | undefined;
}

/** Every *.json under dir except configs; other files (helper tests such as fix.test.ts) are not fixtures. */
function* jsonFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* jsonFiles(p);
    else if (name.endsWith('.json') && name !== configName) yield p;
  }
}

/** The nearest config from the file's folder up to fixturesDir itself: a sub-folder's config wins over its parent's. */
function nearestConfig(file: string): string | undefined {
  for (let dir = dirname(file); dir.startsWith(fixturesDir); dir = dirname(dir)) {
    const c = join(dir, configName);
    if (existsSync(c)) return c;
    if (dir === fixturesDir) break;
  }
  return undefined;
}

const profiles = new Map<string, Profile>();
function profileFor(config: string | undefined): Profile {
  if (config === undefined) return defaultProfile;
  let p = profiles.get(config);
  if (!p) {
    const { profile, errors } = parseConfig(readFileSync(config, 'utf8'), config);
    // Warnings count too: an unknown setting in a fixture config means the profile is not the one intended.
    assert.deepEqual(errors.map((e) => e.message), [], `${relative(fixturesDir, config)} is not a valid configuration`);
    profiles.set(config, (p = profile));
  }
  return p;
}

function fixturesOf(ruleId: string): { fixtures: Fixture[]; misnamed: string[] } {
  const dir = join(fixturesDir, ruleId);
  const fixtures: Fixture[] = [];
  const misnamed: string[] = [];
  if (!existsSync(dir)) return { fixtures, misnamed };
  for (const path of jsonFiles(dir)) {
    const name = relative(fixturesDir, path).split(sep).join('/');
    const base = name.slice(name.lastIndexOf('/') + 1);
    const expect = base.startsWith('invalid') ? 'invalid' : base.startsWith('valid') ? 'valid' : undefined;
    if (expect) fixtures.push({ name, path, expect, config: nearestConfig(path) });
    else misnamed.push(name);
  }
  return { fixtures, misnamed };
}

function checkFixture(ruleId: string, f: Fixture): void {
  const profile = profileFor(f.config);
  const { diagnostics } = lint(readFileSync(f.path, 'utf8'), { profile, uri: f.name });
  const own = diagnostics.filter((d) => d.ruleId === ruleId);
  const crashes = diagnostics.filter((d) => d.ruleId === 'internal-error');
  const on = `Marathon ${profile.marathonVersion}, ${f.config ? relative(fixturesDir, f.config) : 'default profile'}`;
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
