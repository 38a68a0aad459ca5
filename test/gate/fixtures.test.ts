// Every valid and invalid rule fixture (language-server/test/rules) posted through the gate to each of its
// kind's routes gets the same verdict as marathon-lint run on the file: refused iff the CLI reports an error.
// A body that is not JSON is Marathon's to answer (its own 400), never a gate refusal. One gate per fixture
// config (the profile), all in front of one stand-in Marathon that is emptied after every accepted write.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defaultProfile, lint, parseConfig, type Profile } from '@marathon-devtools/language-server';
import { startStandinMarathon, type StandinMarathon } from '../standins/marathon/standin';
import type { RunningGate } from '../../gate/src/gate';
import { admissionRoute } from '../../gate/src/routes';
import { call, gateDenial, gateInFrontOf } from './harness';

const root = join(import.meta.dirname, '..', '..');
const fixturesDir = 'language-server/test/rules';

interface CliResult {
  file: string;
  kind: string;
  diagnostics: { ruleId: string; severity: string }[];
}

function nearestConfig(file: string): string | undefined {
  for (let dir = dirname(join(root, file)); dir.startsWith(join(root, fixturesDir)); dir = dirname(dir)) {
    if (existsSync(join(dir, 'marathon-lint.config.json'))) return join(dir, 'marathon-lint.config.json');
  }
  return undefined;
}

const canonicalId = /^(\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?)+$/;
const collection: Record<string, string> = { app: '/v2/apps', group: '/v2/groups', pod: '/v2/pods' };

let marathon: StandinMarathon;
const gates = new Map<string, Promise<RunningGate>>();
before(async () => {
  marathon = await startStandinMarathon();
});
after(async () => {
  for (const g of gates.values()) await (await g).close();
  await marathon.close();
});

function gateFor(config: string | undefined): Promise<RunningGate> {
  const key = config ?? '';
  let g = gates.get(key);
  if (!g) {
    const profile: Profile = config ? parseConfig(readFileSync(config, 'utf8'), config).profile : defaultProfile;
    g = gateInFrontOf(marathon.url, { profile, fail: 'closed' });
    gates.set(key, g);
  }
  return g;
}

// The CLI once over every fixture (it finds each file's config itself, as a user's run would).
const cli = spawnSync(process.execPath, [join(root, 'language-server/bin/marathon-lint.cjs'), '--format', 'json', fixturesDir], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, timeout: 120_000 });
const results: CliResult[] = cli.status === 1 || cli.status === 0 ? JSON.parse(cli.stdout) : [];

test('marathon-lint ran over the fixtures', () => {
  assert.equal(cli.status, 1, cli.stderr);
  assert.ok(results.filter((r) => collection[r.kind]).length > 300, 'most fixtures are Marathon apps, groups and pods');
});

/** `marathon-lint --marathon <the stand-in>` on one file (async: the stand-in answers from this process). */
async function lintAgainstStandin(file: string): Promise<{ diagnostics: { ruleId: string; severity: string }[] }> {
  const bin = join(root, 'language-server/bin/marathon-lint.cjs');
  const run = await promisify(execFile)(process.execPath, [bin, '--format', 'json', '--marathon', marathon.url, file], { cwd: root, encoding: 'utf8' }).catch((e: { code?: number; stdout?: string; stderr?: string }) => {
    assert.equal(e.code, 1, e.stderr);
    return { stdout: e.stdout ?? '' };
  });
  return (JSON.parse(run.stdout) as CliResult[])[0];
}

// Fixtures under with-cluster*/ are judged against a deployed root group beside them, not alone.
for (const r of results.filter((x) => collection[x.kind] && !/\/with-cluster/.test(x.file))) {
  test(`${r.file} (${r.kind})`, async () => {
    const text = readFileSync(join(root, r.file), 'utf8');
    const config = nearestConfig(r.file);
    const g = await gateFor(config);
    // The file alone, as marathon-lint lints one file: a run over the whole folder now also checks the files
    // against each other as one change (cross-file rules), which is not what one request to Marathon is.
    const profile = config ? parseConfig(readFileSync(config, 'utf8'), config).profile : defaultProfile;
    // A fixture named *-unknown-cluster holds a verdict only the deployed state decides (role-valid: the role a nested
    // service is deployed with): the file alone is silent, while the gate always has a deployed state, here the
    // stand-in's empty one. Its verdict is then marathon-lint's against that same Marathon (--marathon).
    const alone = /-unknown-cluster\.json$/.test(r.file) ? await lintAgainstStandin(r.file) : lint(text, { profile });
    const lintRefuses = alone.diagnostics.some((d) => d.severity === 'error');
    let id: unknown;
    let parses = true;
    try {
      id = (JSON.parse(text) as { id?: unknown })?.id;
    } catch {
      parses = false;
    }
    const routes: [string, string][] = [['POST', collection[r.kind]]];
    // An app id ending in a sub-resource (`/prod/tasks`) makes that PUT Marathon's 405, which the gate leaves to it.
    if (typeof id === 'string' && canonicalId.test(id) && admissionRoute('PUT', collection[r.kind] + id)) routes.push(['PUT', collection[r.kind] + id]);
    for (const [method, path] of routes) {
      const a = await call(method, g.url + path, text);
      const refused = gateDenial(a) !== undefined;
      const errors = alone.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId);
      if (!parses) assert.equal(refused, false, `${method} ${path}: a body that is not JSON is Marathon's to answer, got ${a.status} ${a.body}`);
      else assert.equal(refused, lintRefuses, `${method} ${path}: marathon-lint errors [${errors}], gate answered ${a.status} ${a.body.slice(0, 400)}`);
      if (a.status < 300) assert.equal((await call('DELETE', `${g.url}/v2/groups?force=true`)).status, 200);
    }
  });
}
