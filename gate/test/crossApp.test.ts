// Cross-app verdicts in the gate are the engine's root-group rules on the write placed into the deployed root
// group: a partial update merged first (a PATCH that adds a dependency closing a cycle through a deployed app),
// a group update replacing its apps (the deployed owner of a volume name gone), a group deletion forgotten at
// once; and, without the deployed state, which checks count as undecided for --fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultProfile } from '@marathon-devtools/language-server';
import { ClusterState } from '../src/clusterState';
import { DeployedState } from '../src/deployedState';
import { judge } from '../src/judge';
import { admissionRoute } from '../src/routes';

const vol = (name: string) => ({ type: 'MESOS', volumes: [{ containerPath: 'data', mode: 'RW', external: { name, provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }] });
const root = {
  id: '/', apps: [], groups: [
    { id: '/jobs', apps: [{ id: '/jobs/a', cmd: 'sleep 1', dependencies: ['/jobs/b'] }, { id: '/jobs/b', cmd: 'sleep 1' }], groups: [] },
    { id: '/data', apps: [{ id: '/data/pg', cmd: 'sleep 1', container: vol('pgdata') }], groups: [] },
  ],
};
const verdict = (method: string, url: string, body: unknown, state: DeployedState | 'none' = DeployedState.fromRootGroup(root, Date.now())) =>
  judge(admissionRoute(method, url)!, JSON.stringify(body), state === 'none' ? undefined : state, defaultProfile);
const rules = (v: ReturnType<typeof verdict>) => v.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId);

test('a PATCH merged into the deployed app, then placed: the dependency it adds closes a cycle', () => {
  assert.deepEqual(rules(verdict('PATCH', '/v2/apps/jobs/b', { dependencies: ['/jobs/a'] })), ['group-cyclic-deps']);
  assert.deepEqual(rules(verdict('PATCH', '/v2/apps/jobs/b', { mem: 64 })), []);
});

test('a group update replaces its apps: reusing the volume name of the app it replaces is no clash', () => {
  assert.deepEqual(rules(verdict('PUT', '/v2/groups/data', { apps: [{ id: 'pg2', cmd: 'sleep 1', container: vol('pgdata') }] })), []);
  assert.deepEqual(rules(verdict('PUT', '/v2/groups/other', { apps: [{ id: 'pg2', cmd: 'sleep 1', container: vol('pgdata') }] })), ['dvdi-name-unique-in-root-group']);
});

test('a group deletion the gate let through: the group and its apps are gone from the copy at once', async () => {
  const state = new ClusterState(async () => root, { refreshMs: 60_000, maxAgeMs: 60_000, waitMs: 1_000 });
  const before = await state.snapshot();
  assert.deepEqual(rules(verdict('POST', '/v2/apps', { id: '/data', cmd: 'sleep 1' }, before.state!)), ['group-app-vs-group-id']);
  state.applyDelete('group', '/data');
  const after = await state.snapshot();
  assert.deepEqual(rules(verdict('POST', '/v2/apps', { id: '/data', cmd: 'sleep 1' }, after.state!)), []);
  assert.deepEqual(rules(verdict('POST', '/v2/apps', { id: '/new', cmd: 'sleep 1', container: vol('pgdata') }, after.state!)), []);
});

test('without the deployed state: volume names and dependencies are undecided, the rest is judged alone', () => {
  assert.deepEqual(verdict('POST', '/v2/apps', { id: '/x', cmd: 'sleep 1', container: vol('v') }, 'none').skipped, ['dvdi-name-unique-in-root-group']);
  assert.deepEqual(verdict('POST', '/v2/apps', { id: '/x', cmd: 'sleep 1', dependencies: ['/y'] }, 'none').skipped, ['group-cyclic-deps']);
  assert.deepEqual(verdict('POST', '/v2/apps', { id: '/x', cmd: 'sleep 1' }, 'none').skipped, []);
  assert.deepEqual(rules(verdict('PUT', '/v2/groups/g', { apps: [{ id: 'a', cmd: 'sleep 1', dependencies: ['b'] }, { id: 'b', cmd: 'sleep 1', dependencies: ['a'] }] }, 'none')), ['group-cyclic-deps']);
});

test('batch PUT /v2/apps: a JSON-reader error is at its path from the request root, "(1)/cpus" (marathon-api.md §12)', () => {
  const v = verdict('PUT', '/v2/apps', [{ id: '/data/pg', instances: 1 }, { id: '/batch2', cmd: 'sleep 1', cpus: 'abc' }]);
  const reader = v.findings.filter((f) => f.jsonLayer);
  assert.deepEqual(reader.map((f) => f.path), ['(1)/cpus']);
  const single = verdict('POST', '/v2/apps', { id: '/one', cmd: 'sleep 1', cpus: 'abc' });
  assert.deepEqual(single.findings.filter((f) => f.jsonLayer).map((f) => f.path), ['/cpus']);
});

test('a group update naming only sub-groups keeps the group\'s own apps, in the verdict and in the copy afterwards', async () => {
  const state = new ClusterState(async () => root, { refreshMs: 60_000, maxAgeMs: 60_000, waitMs: 1_000 });
  const update = verdict('PUT', '/v2/groups/data', { groups: [{ id: 'sub', apps: [{ id: 'x', cmd: 'sleep 1' }] }] }, (await state.snapshot()).state!);
  assert.deepEqual(rules(update), []);
  state.applyWrite(update.proposal!);
  const after = (await state.snapshot()).state!;
  assert.ok(after.apps.has('/data/pg'), 'Marathon keeps the apps of a group whose update has no "apps"');
  assert.deepEqual(rules(verdict('POST', '/v2/apps', { id: '/new', cmd: 'sleep 1', container: vol('pgdata') }, after)), ['dvdi-name-unique-in-root-group']);
});
