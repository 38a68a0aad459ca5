// How a write is merged before it is judged, route by route (marathon-api.md §4–§6), and which bodies name no
// new definition and go to Marathon unjudged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultProfile } from '@marathon-devtools/language-server';
import { DeployedState } from '../src/deployedState';
import { judge } from '../src/judge';
import { proposalFor } from '../src/proposal';
import { admissionRoute } from '../src/routes';

const deployed = DeployedState.fromRootGroup({
  id: '/', apps: [], groups: [{ id: '/prod', apps: [
    { id: '/prod/web', cmd: 'sleep 1000', instances: 2, version: '2020-01-01T00:00:00.000Z', tasksRunning: 2, deployments: [] },
    { id: '/prod/db', cmd: 'sleep 1000' },
  ], groups: [] }],
}, Date.now());
const propose = (method: string, url: string, body: unknown, state: DeployedState | undefined = deployed) =>
  proposalFor(admissionRoute(method, url)!, body, JSON.stringify(body), state);

test('PUT /v2/apps/{id} merges into the deployed definition (AppInfo fields dropped), the URL id wins', () => {
  const p = propose('PUT', '/v2/apps/prod/web', { id: '/elsewhere', mem: 128 });
  assert.deepEqual(p.targets[0].value, { id: '/prod/web', cmd: 'sleep 1000', instances: 2, mem: 128 });
  assert.deepEqual(p.replaces, ['/prod/web']);
});

test('partialUpdate=false replaces; PATCH always merges; PATCH of an app the copy lacks is judged on what it holds', () => {
  assert.deepEqual(propose('PUT', '/v2/apps/prod/web?partialUpdate=false', { mem: 128 }).targets[0].value, { mem: 128, id: '/prod/web' });
  assert.equal(propose('PATCH', '/v2/apps/prod/web', { mem: 128 }).targets[0].value.cmd, 'sleep 1000');
  // Created since the last read (or by nobody: then Marathon answers 404 itself).
  const unknown = propose('PATCH', '/v2/apps/prod/nope', { mem: 128 });
  assert.equal(unknown.pass, undefined);
  assert.deepEqual(unknown.targets[0].onlyPresentIn, { mem: 128 });
  assert.deepEqual(unknown.skipped, []);
});

test('a null in a partial update keeps the stored value, as Marathon reads null as absent (docs/json-layer.md)', () => {
  assert.deepEqual(propose('PUT', '/v2/apps/prod/web', { cmd: null, mem: 64 }).targets[0].value, { id: '/prod/web', cmd: 'sleep 1000', instances: 2, mem: 64 });
  assert.equal(propose('PATCH', '/v2/apps/prod/web', { cmd: null }).targets[0].value.cmd, 'sleep 1000');
  const v = judge(admissionRoute('PATCH', '/v2/apps/prod/web')!, JSON.stringify({ cmd: null, instances: 3 }), deployed, defaultProfile);
  assert.deepEqual(v.findings.filter((f) => f.severity === 'error'), []);
});

test('batch PUT /v2/apps: each element merged by its own id', () => {
  const p = propose('PUT', '/v2/apps', [{ id: '/prod/web', mem: 1 }, { id: '/prod/new', cmd: 'sleep 10' }, { mem: 3 }]);
  assert.deepEqual(p.targets.map((t) => [t.value.id, t.value.cmd, t.batchIndex]), [['/prod/web', 'sleep 1000', 0], ['/prod/new', 'sleep 10', 1]]);
});

test('without a deployed state a partial update is judged only on what it holds', () => {
  const v = judge(admissionRoute('PUT', '/v2/apps/prod/web')!, JSON.stringify({ instances: 'two' }), undefined, defaultProfile);
  assert.ok(v.skipped.includes('merge-with-deployed-app'));
  assert.ok(v.findings.every((f) => f.path === '/instances'), JSON.stringify(v.findings));
  assert.ok(v.findings.length > 0, 'the wrong type it holds is still found');
});

test('rollbacks, group scaling and pod id mismatches name no new definition', () => {
  assert.match(propose('PUT', '/v2/apps/prod/web', { version: '2020-01-01T00:00:00.000Z' }).pass ?? '', /rollback/);
  assert.match(propose('PUT', '/v2/groups/prod', { scaleBy: 2 }).pass ?? '', /scale/);
  assert.match(propose('PUT', '/v2/groups/prod', { version: '2020-01-01T00:00:00.000Z' }).pass ?? '', /rollback/);
  assert.match(propose('PUT', '/v2/pods/a', { id: '/b', containers: [] }).pass ?? '', /differs from the URL/);
});

test('a group body: relative ids resolved against the URL group; a PUT replaces the group\'s deployed apps', () => {
  const p = propose('PUT', '/v2/groups/prod', { apps: [{ id: 'api', cmd: 'sleep 1' }] });
  assert.deepEqual([...p.apps.keys()], ['/prod/api']);
  assert.deepEqual(p.replaces.sort(), ['/prod/db', '/prod/web']);
  const post = propose('POST', '/v2/groups/foo', { id: 'sub', apps: [{ id: 'x', cmd: 'sleep 1' }] });
  assert.equal(post.groupId, '/foo/sub');
  assert.deepEqual([...post.apps.keys()], ['/foo/sub/x']);
});

test("an app rollback (`version`, alone or with `id`) is not judged as an update, with or without the deployed state; Marathon restores the stored version (AppHelpers.updateOrCreate)", () => {
  const version = '2020-01-01T00:00:00.000Z';
  for (const [method, url, body] of [
    ['PUT', '/v2/apps/prod/web', { id: '/prod/web', version }],
    ['PUT', '/v2/apps/prod/web?partialUpdate=true', { id: 'web', version }],
    ['PATCH', '/v2/apps/prod/web', { id: '/prod/web', version }],
  ] as const) {
    for (const state of [deployed, undefined]) {
      const v = judge(admissionRoute(method, url)!, JSON.stringify(body), state, defaultProfile);
      assert.match(v.pass ?? '', /rollback/, `${method} ${url} ${JSON.stringify(body)}`);
      assert.deepEqual([v.findings, v.skipped], [[], []]);
    }
  }
  // With other fields Marathon refuses it itself ("The 'version' field may only be combined with the 'id' field.").
  assert.match(propose('PUT', '/v2/apps/prod/web', { version, instances: 3 }).pass ?? '', /only be combined with the 'id' field/);
  // partialUpdate=false throws the version away (AppsResource.canonicalAppUpdateFromJson): a whole definition, judged.
  assert.equal(propose('PUT', '/v2/apps/prod/web?partialUpdate=false', { id: '/prod/web', version }).pass, undefined);
  // A batch: its rollbacks are not judged, its updates are.
  const batch = propose('PATCH', '/v2/apps', [{ id: '/prod/web', version }, { id: '/prod/db', instances: 2 }]);
  assert.deepEqual(batch.targets.map((t) => t.value.id), ['/prod/db']);
  assert.match(propose('PUT', '/v2/apps', [{ id: '/prod/web', version }]).pass ?? '', /rollback/);
});

test("a rollback is still read by Marathon's JSON reader: a version that is no date-time is refused at /version", () => {
  const v = judge(admissionRoute('PUT', '/v2/apps/prod/web')!, JSON.stringify({ id: '/prod/web', version: '2021-01-01Z00:00:00' }), deployed, defaultProfile);
  assert.equal(v.pass, undefined);
  assert.deepEqual(v.findings.map((f) => [f.ruleId, f.path, f.jsonLayer]), [['schema', '/version', true]]);
  const batch = judge(admissionRoute('PUT', '/v2/apps')!, JSON.stringify([{ id: '/prod/web', version: 'yesterday' }]), deployed, defaultProfile);
  assert.deepEqual(batch.findings.map((f) => f.path), ['(0)/version']);
});
