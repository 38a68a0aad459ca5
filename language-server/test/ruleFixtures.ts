/**
 * The rule fixtures (CONTRIBUTING.md "Adding a rule"): test/rules/<id>/**\/{valid,invalid}*.json, with the nearest
 * marathon-lint.config.json upward from a file setting its profile. Shared by the fixture test (rules.test.ts)
 * and the pinned findings (rulePins.ts, refreshed by `npm run pins`).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { defaultProfile, lintTogether, parseConfig, type LintResult, type Profile } from '../src/index';

export const fixturesDir = join(import.meta.dirname, 'rules');
export const configName = 'marathon-lint.config.json';
/**
 * A folder holding this file lints its fixtures against a cluster: the file is the deployed root group
 * (GroupInfo as `GET /v2/groups` answers it), and each fixture is placed into it as marathon-lint --marathon does.
 */
export const deployedName = 'deployed-root-group.json';

export interface Fixture {
  /** Relative to fixturesDir with "/" separators, e.g. `app-cmd-length/marathon-1.4/valid-1-4-one-char.json`. */
  name: string;
  path: string;
  expect: 'invalid' | 'valid';
  /** The config file that sets the profile, or undefined for the default profile. */
  config: string | undefined;
  /** The deployed root group the fixture is placed into (`deployed-root-group.json` in its folder), if any. */
  deployed: string | undefined;
}

/** Lint one fixture as the user would: alone, or placed into its folder's deployed root group. */
export function lintFixture(f: Fixture, profile: Profile): LintResult {
  const text = readFileSync(f.path, 'utf8');
  const deployed = f.deployed ? (JSON.parse(readFileSync(f.deployed, 'utf8')) as unknown) : undefined;
  return lintTogether([{ text }], { profile, deployed })[0];
}

/** Every *.json under dir except configs; other files (helper tests such as fix.test.ts, pins) are not fixtures. */
export function* jsonFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* jsonFiles(p);
    else if (name.endsWith('.json') && name !== configName && name !== deployedName) yield p;
  }
}

/** The nearest config from the file's folder up to fixturesDir itself: a sub-folder's config wins over its parent's. */
export function nearestConfig(file: string): string | undefined {
  for (let dir = dirname(file); dir.startsWith(fixturesDir); dir = dirname(dir)) {
    const c = join(dir, configName);
    if (existsSync(c)) return c;
    if (dir === fixturesDir) break;
  }
  return undefined;
}

const profiles = new Map<string, Profile>();
export function profileFor(config: string | undefined): Profile {
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

export function fixturesOf(ruleId: string): { fixtures: Fixture[]; misnamed: string[] } {
  const dir = join(fixturesDir, ruleId);
  const fixtures: Fixture[] = [];
  const misnamed: string[] = [];
  if (!existsSync(dir)) return { fixtures, misnamed };
  for (const path of jsonFiles(dir)) {
    const name = relative(fixturesDir, path).split(sep).join('/');
    const base = name.slice(name.lastIndexOf('/') + 1);
    const expect = base.startsWith('invalid') ? 'invalid' : base.startsWith('valid') ? 'valid' : undefined;
    const deployed = join(dirname(path), deployedName);
    if (expect) fixtures.push({ name, path, expect, config: nearestConfig(path), deployed: existsSync(deployed) ? deployed : undefined });
    else misnamed.push(name);
  }
  return { fixtures, misnamed };
}
