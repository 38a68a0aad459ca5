/**
 * The rule fixtures (CONTRIBUTING.md "Adding a rule"): test/rules/<id>/**\/{valid,invalid}*.json, with the nearest
 * marathon-lint.config.json upward from a file setting its profile. Shared by the fixture test (rules.test.ts)
 * and the pinned findings (rulePins.ts, refreshed by `npm run pins`).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { defaultProfile, parseConfig, type Profile } from '../src/index';

export const fixturesDir = join(import.meta.dirname, 'rules');
export const configName = 'marathon-lint.config.json';

export interface Fixture {
  /** Relative to fixturesDir with "/" separators, e.g. `app-cmd-length/marathon-1.4/valid-1-4-one-char.json`. */
  name: string;
  path: string;
  expect: 'invalid' | 'valid';
  /** The config file that sets the profile, or undefined for the default profile. */
  config: string | undefined;
}

/** Every *.json under dir except configs; other files (helper tests such as fix.test.ts, pins) are not fixtures. */
export function* jsonFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* jsonFiles(p);
    else if (name.endsWith('.json') && name !== configName) yield p;
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
    if (expect) fixtures.push({ name, path, expect, config: nearestConfig(path) });
    else misnamed.push(name);
  }
  return { fixtures, misnamed };
}
