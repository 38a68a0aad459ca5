// One answer for a batch of apps (`PUT /v2/apps`, a JSON array: marathon-api.md §4), whoever is asked: marathon-lint
// (the built CLI, `--format json`) on a batch file and marathon-gate's judgement of the same body as `PUT /v2/apps`
// without the deployed state (judge(), the gate's pure decision) find the same rules, severities and messages at
// the same places, each CLI pointer /<i>/… rendered as the gate renders it (marathon-api.md §12, §13: a JSON-reader
// error from the request root `(i)/cpus`, any other relative to its app, with the app's id). Both read an element
// as a partial update and keep only findings about values it holds.
// Batches: Marathon's own apps_create.json and apps_patch.json, every batch among the rule fixtures, and every app
// rule fixture put second in a batch behind a clean element. With the deployed state (the batches among the rule
// fixtures beside a deployed-root-group.json): the gate judging `PUT /v2/apps` on that state and
// `marathon-lint --marathon` against a stand-in Marathon serving it agree on rule, severity and app, root-group
// rules included (an element whose id is not deployed creates its app and is judged whole by both). Compared: the elements Marathon reads as apps with an id;
// the others (no id, not an object, a pod or a group) are Marathon's own 422 before validation, which the gate
// forwards for Marathon to answer and marathon-lint reports (app-batch, schema). Root-group rules are left out: the
// gate checks them only with the deployed state, marathon-lint across the batch's elements. Last, batches fast-check
// draws from the app fixtures (whole apps, partial updates, repeated ids): the same findings without the deployed
// state; with it, every finding of marathon-lint --marathon is the gate's too (the gate judges the whole merged app).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import fc from 'fast-check';
import { allRules, defaultProfile, detectKind, lintTogether, parseConfig, type Profile } from '@marathon-devtools/language-server';
import { crossAppRuleIds } from '../../gate/src/crossApp';
import { judge } from '../../gate/src/judge';
import { marathonPath } from '../../gate/src/marathonPath';
import { DeployedState } from '../../gate/src/deployedState';
import { admissionRoute } from '../../gate/src/routes';
import type { GroupInfo } from '@marathon-devtools/cluster/marathon/types';
import { infoFor, startStandinMarathon, type StandinMarathon } from '../standins/marathon/standin';
import { sharedPath } from '../sharedReference';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'language-server/bin/marathon-lint.cjs');
const fixturesDir = join(root, 'language-server/test/rules');
const jsonLayerIds = new Set(allRules.filter((r) => r.id === 'schema' || r.layer === 'json').map((r) => r.id));

interface CliResult {
  file: string;
  kind: string;
  diagnostics: { ruleId: string; severity: string; message: string; pointer: string }[];
}

function lintFiles(files: string[], cwd = root): CliResult[] {
  const r = spawnSync(process.execPath, [bin, '--format', 'json', ...files], { cwd, encoding: 'utf8', maxBuffer: 1 << 28, timeout: 120_000 });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return JSON.parse(r.stdout) as CliResult[];
}

function nearestConfig(file: string): string | undefined {
  for (let dir = dirname(file); dir.startsWith(fixturesDir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'marathon-lint.config.json'))) return join(dir, 'marathon-lint.config.json');
  }
  return undefined;
}

const profileOf = (config: string | undefined): Profile => (config ? parseConfig(readFileSync(config, 'utf8'), config).profile : defaultProfile);

/** The elements both judge: objects Marathon reads as an app with an id. */
const judged = (el: unknown): el is Record<string, unknown> => typeof el === 'object' && el !== null && !Array.isArray(el) && typeof (el as { id?: unknown }).id === 'string' && detectKind(el) === 'app';

/** A CLI finding as the gate reports it, or undefined when it is not about an element both judge. */
function asGateFinding(d: CliResult['diagnostics'][number], batch: unknown[]): string | undefined {
  const m = /^\/(0|[1-9]\d*)(\/.*)?$/.exec(d.pointer);
  if (!m || crossAppRuleIds.includes(d.ruleId)) return undefined;
  const i = Number(m[1]);
  const el = batch[i];
  if (!judged(el)) return undefined;
  const path = marathonPath(m[2] ?? '', el, d.ruleId, d.message);
  const shown = jsonLayerIds.has(d.ruleId) ? `(${i})${path === '/' ? '' : path}` : path;
  return `${d.ruleId} ${d.severity} ${shown} ${el.id as string}: ${d.message}`;
}

function viaGate(text: string, batch: unknown[], profile: Profile): string[] | undefined {
  const v = judge(admissionRoute('PUT', '/v2/apps')!, text, undefined, profile);
  if (v.pass !== undefined) return undefined; // Marathon answers it unjudged (a rollback with other fields)
  // A pod or a group with an id among the apps: the gate judges it as an app, marathon-lint says what it is.
  const notApps = new Set(batch.filter((el) => !judged(el)).map((el) => (el as { id?: unknown } | null)?.id));
  return v.findings.filter((f) => !crossAppRuleIds.includes(f.ruleId) && !notApps.has(f.appId)).map((f) => `${f.ruleId} ${f.severity} ${f.path} ${f.appId}: ${f.message}`).sort();
}

/** Asserts the two agree; returns how many findings they share. */
function compare(name: string, text: string, result: CliResult, profile: Profile): number {
  assert.equal(result.kind, 'apps', `${name} is linted as a batch`);
  const batch = JSON.parse(text) as unknown[];
  const gate = viaGate(text, batch, profile);
  if (gate === undefined) return 0;
  const cli = result.diagnostics.flatMap((d) => asGateFinding(d, batch) ?? []).sort();
  assert.deepEqual(cli, gate, name);
  return cli.length;
}

// One CLI run for many files: linted together they form one root group, which changes only the root-group rules'
// findings, left out here.
test("Marathon's example batches and the batches among the rule fixtures: the CLI's findings are the gate's", () => {
  const examples = ['apps_create.json', 'apps_patch.json'].map((f) => sharedPath(`marathon-api/examples/${f}`));
  const arrays = [...fixtureFiles(fixturesDir)].filter((f) => !f.includes('/with-cluster') && readFileSync(f, 'utf8').trimStart().startsWith('['));
  const batches = [...examples, ...arrays].filter((f) => detectKind(JSON.parse(readFileSync(f, 'utf8'))) === 'apps');
  assert.ok(batches.length >= 12, `${batches.length} batches`);
  const results = lintFiles(batches);
  assert.equal(results.length, batches.length);
  const shared = batches.reduce((n, file, i) => n + compare(relative(root, file), readFileSync(file, 'utf8'), results[i], profileOf(nearestConfig(file))), 0);
  assert.ok(shared >= 3, `${shared} findings compared`);
});

test('every app rule fixture as the second element of a batch: the CLI and the gate find the same', () => {
  // The CLI once over the fixtures tells which are apps under the default profile.
  const apps = lintFiles([relative(root, fixturesDir)]).filter((r) => r.kind === 'app' && !r.file.includes('/with-cluster') && nearestConfig(join(root, r.file)) === undefined);
  assert.ok(apps.length > 150, `${apps.length} app fixtures`);
  const dir = mkdtempSync(join(tmpdir(), 'batch-parity-'));
  try {
    const texts = new Map<string, { name: string; text: string }>();
    apps.forEach((r, n) => {
      let app: Record<string, unknown>;
      try {
        app = JSON.parse(readFileSync(join(root, r.file), 'utf8')) as Record<string, unknown>;
      } catch {
        return; // what only Jackson reads (a syntax fixture): its text is the finding, not a value to put in a batch
      }
      if (typeof app.id !== 'string') return;
      const text = JSON.stringify([{ id: '/parity/first', cpus: 0.5 }, app], null, 2);
      const file = `batch-${n}.json`;
      writeFileSync(join(dir, file), text);
      texts.set(file, { name: r.file, text });
    });
    const results = new Map(lintFiles(['.'], dir).map((r) => [r.file, r]));
    let shared = 0;
    for (const [file, { name, text }] of texts) shared += compare(`${name} in a batch`, text, results.get(file)!, defaultProfile);
    assert.ok(texts.size > 150 && shared > 100, `${texts.size} batches, ${shared} findings compared`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

function* fixtureFiles(dir: string): Generator<string> {
  const r = spawnSync('find', [dir, '-name', '*.json', '-not', '-name', 'marathon-lint.config.json', '-not', '-name', 'deployed-root-group.json'], { encoding: 'utf8' });
  yield* r.stdout.split('\n').filter(Boolean).sort();
}

let marathon: StandinMarathon;
before(async () => {
  marathon = await startStandinMarathon();
});
after(async () => {
  await marathon.close();
});

test('with the deployed state: the gate and marathon-lint --marathon find the same rules on the same apps', async () => {
  const batches = [...fixtureFiles(fixturesDir)].filter((f) => f.includes('/with-cluster') && readFileSync(f, 'utf8').trimStart().startsWith('['));
  assert.ok(batches.length >= 4, `${batches.length} batches`);
  let shared = 0;
  for (const file of batches) {
    const deployed = JSON.parse(readFileSync(join(dirname(file), 'deployed-root-group.json'), 'utf8')) as GroupInfo;
    const profile = profileOf(nearestConfig(file));
    marathon.setRootGroup(structuredClone(deployed));
    marathon.setInfo(infoFor(profile.marathonVersion, { features: profile.features, mesos_role: profile.mesosRole, default_network_name: profile.defaultNetworkName }));
    // Asynchronously: the stand-in answers from this process.
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [bin, '--format', 'json', '--marathon', marathon.url, file], { cwd: root, encoding: 'utf8', timeout: 60_000 }, (e, out, err) =>
        e && e.code !== 1 ? reject(new Error(err)) : resolve(out),
      ),
    );
    const [result] = JSON.parse(stdout) as CliResult[];
    const batch = JSON.parse(readFileSync(file, 'utf8')) as unknown[];
    const v = judge(admissionRoute('PUT', '/v2/apps')!, readFileSync(file, 'utf8'), DeployedState.fromRootGroup(deployed, Date.now()), profile);
    const appIdOf = (pointer: string) => (batch[Number(pointer.split('/')[1])] as { id?: unknown } | undefined)?.id;
    const cli = result.diagnostics.filter((d) => judged(batch[Number(d.pointer.split('/')[1])])).map((d) => `${d.ruleId} ${d.severity} ${appIdOf(d.pointer) as string}`).sort();
    const gate = v.findings.map((f) => `${f.ruleId} ${f.severity} ${f.appId}`).sort();
    assert.deepEqual(cli, gate, relative(root, file));
    shared += cli.length;
  }
  assert.ok(shared >= 2, `${shared} findings compared`);
});

// fast-check: batches drawn from the app rule fixtures (default profile), each element the whole app or a partial
// update of some of its fields, some elements naming another's id (Marathon applies them in turn). Drawn with a fixed
// seed, written out and linted by one CLI run, as above.
function fixtureApps(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const f of fixtureFiles(fixturesDir)) {
    if (f.includes('/with-cluster') || nearestConfig(f) !== undefined) continue;
    let v: unknown;
    try {
      v = JSON.parse(readFileSync(f, 'utf8'));
    } catch {
      continue;
    }
    if (judged(v) && v.version === undefined) out.push(v); // a rollback is not judged by the gate (docs/gate.md)
  }
  return out;
}

function batchesOf(apps: Record<string, unknown>[], ids: string[], numRuns: number, seed: number): Record<string, unknown>[][] {
  const element = fc.record({ app: fc.constantFrom(...apps), keep: fc.option(fc.integer({ min: 1, max: 2 ** 20 }), { nil: undefined }), id: fc.option(fc.constantFrom(...ids), { freq: 2, nil: undefined }) }).map(({ app, keep, id }) => {
    const out: Record<string, unknown> = keep === undefined ? { ...app } : { id: app.id };
    if (keep !== undefined) Object.keys(app).forEach((k, j) => void (k !== 'id' && (keep >> j % 20) & 1 && (out[k] = app[k])));
    if (id !== undefined) out.id = id;
    return out;
  });
  return fc.sample(fc.array(element, { minLength: 1, maxLength: 4 }), { numRuns, seed });
}

test('fast-check, batches of the app rule fixtures whole and in part, ids repeated: the CLI\'s findings are the gate\'s', () => {
  const apps = fixtureApps();
  assert.ok(apps.length > 150, `${apps.length} app fixtures`);
  const batches = batchesOf(apps, ['/fc/a', '/fc/b'], 150, 20261208);
  const dir = mkdtempSync(join(tmpdir(), 'batch-parity-fc-'));
  try {
    batches.forEach((b, n) => writeFileSync(join(dir, `batch-${n}.json`), JSON.stringify(b, null, 2)));
    const results = new Map(lintFiles(['.'], dir).map((r) => [r.file, r]));
    let shared = 0;
    batches.forEach((b, n) => (shared += compare(`fast-check batch ${n}: ${JSON.stringify(b)}`, JSON.stringify(b, null, 2), results.get(`batch-${n}.json`)!, defaultProfile)));
    assert.ok(shared > 100, `${shared} findings compared`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// With the deployed state the gate judges an update merged into the whole app, marathon-lint only on the values the
// element holds (docs/rules/app-batch.md): what marathon-lint --marathon finds, the gate finds too. In process, as
// marathon-lint --marathon lints (lintTogether with the deployed root group), to spare a process per batch; the
// deployed apps are fixtures that lint clean together, each under /g.
test('fast-check, with the deployed state: every finding of marathon-lint --marathon is the gate\'s too', () => {
  const apps = fixtureApps();
  const deployed: Record<string, unknown>[] = [];
  for (const a of apps) {
    const next = [...deployed, { ...a, id: `/g/d${deployed.length}` }];
    if (lintTogether([{ text: JSON.stringify({ id: '/g', apps: next }) }], { deployed: { id: '/', apps: [], groups: [] } })[0].diagnostics.length === 0) deployed.push(next.at(-1)!);
    if (deployed.length === 12) break;
  }
  assert.equal(deployed.length, 12);
  const root = { id: '/', apps: [], pods: [], dependencies: [], groups: [{ id: '/g', apps: deployed, pods: [], groups: [], dependencies: [] }] } as unknown as GroupInfo;
  const state = DeployedState.fromRootGroup(root, Date.now());
  let compared = 0;
  for (const batch of batchesOf(apps, deployed.map((a) => a.id as string), 150, 20261209)) {
    const text = JSON.stringify(batch, null, 2);
    const v = judge(admissionRoute('PUT', '/v2/apps')!, text, state, defaultProfile);
    if (v.pass !== undefined) continue;
    const [result] = lintTogether([{ text }], { deployed: root });
    const appIdOf = (pointer: string) => (batch[Number(pointer.split('/')[1])] as { id?: unknown } | undefined)?.id;
    const gate = v.findings.map((f) => `${f.ruleId} ${f.severity} ${f.appId}`);
    for (const d of result.diagnostics.filter((d) => judged(batch[Number(d.pointer.split('/')[1])]))) {
      const key = `${d.ruleId} ${d.severity} ${appIdOf(d.pointer) as string}`;
      const i = gate.indexOf(key);
      assert.ok(i >= 0, `${JSON.stringify(batch)}: marathon-lint --marathon finds ${key} at ${d.pointer}, the gate does not (it finds ${JSON.stringify(gate)})`);
      gate.splice(i, 1);
      compared++;
    }
  }
  assert.ok(compared > 100, `${compared} findings compared`);
});
