// Paths exactly as Marathon writes them per route: the real cases of marathon-api.md §13 (each cites the
// Marathon test it comes from), compared as sets of paths like Marathon's own tests do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultProfile } from '@marathon-devtools/language-server';
import { DeployedState } from '../src/deployedState';
import { judge } from '../src/judge';
import { notValid } from '../src/marathonErrors';
import { marathonPath } from '../src/marathonPath';
import { admissionRoute } from '../src/routes';

function denial(method: string, url: string, body: unknown, deployed?: DeployedState) {
  const v = judge(admissionRoute(method, url)!, JSON.stringify(body), deployed, defaultProfile);
  const { status, body: text } = notValid(v.findings);
  return { status, body: JSON.parse(text) as { message: string; details: { path: string; errors: string[] }[] } };
}
const paths = (d: { details: { path: string }[] }) => d.details.map((x) => x.path).sort();
const dvdiVolume = (name: string) => ({ containerPath: 'data', mode: 'RW', external: { name, provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } });
const dvdiApp = (id: string, name: string) => ({
  id, cmd: 'sleep 1000', instances: 1, upgradeStrategy: { minimumHealthCapacity: 0, maximumOverCapacity: 0 },
  container: { type: 'MESOS', volumes: [dvdiVolume(name)] },
});

test('case 1 (AppsResourceTest L1393): external volume without name and provider', () => {
  const d = denial('POST', '/v2/apps', { id: '/foo', cmd: 'sleep 1', container: { type: 'MESOS', volumes: [{ containerPath: 'var', external: { size: 10 }, mode: 'RW' }] } });
  assert.equal(d.body.message, 'Object is not valid');
  assert.deepEqual(paths(d.body), ['/container/volumes(0)/external/name', '/container/volumes(0)/external/provider']);
  for (const x of d.body.details) for (const e of x.errors) assert.match(e, / \([a-z0-9.-]+\)$/, 'every message ends with its rule id');
});

test('case 2 (GroupsResourceTest L358): a nested app that is not a child of its group, paths from the group body', () => {
  const d = denial('POST', '/v2/groups/foo', { id: 'sub', apps: [{ id: 'lol/bibi', cmd: 'sleep 1200' }] });
  assert.deepEqual(paths(d.body), ['/apps(0)/id']);
  assert.match(d.body.details[0].errors[0], /Identifier is not child of '\/foo\/sub'.* \(group-app-child\)$/);
});

test('case 3 (AppDefinitionTest L132): a rule on the whole app renders as /', () => {
  const d = denial('POST', '/v2/apps', { id: '/foo' });
  assert.ok(paths(d.body).includes('/'), JSON.stringify(d.body));
  assert.ok(d.body.details.find((x) => x.path === '/')!.errors.some((e) => e.endsWith('(app-cmd-args-container)')));
});

test('an app inside a group body is validated alone first: paths relative to that app, its id named', () => {
  const bad = { id: 'web', cmd: 'sleep 1', container: { type: 'MESOS', volumes: [{ containerPath: 'var', external: { size: 10 }, mode: 'RW' }] } };
  const d = denial('PUT', '/v2/groups/prod', { apps: [{ id: 'ok', cmd: 'sleep 100' }, bad] });
  assert.deepEqual(paths(d.body), ['/container/volumes(0)/external/name', '/container/volumes(0)/external/provider']);
  assert.ok(d.body.details[0].errors[0].startsWith('/prod/web: '));
});

test('root-group form (DVDIProviderRootGroupValidationTest L43): /groups(0)/apps(1)/externalVolumes(0)', () => {
  const d = denial('PUT', '/v2/groups', { id: '/', groups: [{ id: '/nested', apps: [dvdiApp('app1', 'vol'), dvdiApp('app2', 'vol')] }] });
  assert.deepEqual(paths(d.body), ['/groups(0)/apps(0)/externalVolumes(0)', '/groups(0)/apps(1)/externalVolumes(0)']);
  assert.ok(d.body.details[1].errors[0].includes("Volume name 'vol' in /nested/app2 conflicts with volume(s) of same name in app(s): /nested/app1"));
});

test('a single-app POST clashing with a deployed app: the root group form, naming the deployed app', () => {
  const deployed = DeployedState.fromRootGroup({ id: '/', apps: [], groups: [{ id: '/a', apps: [dvdiApp('/a/db', 'pg')], groups: [] }] }, Date.now());
  const d = denial('POST', '/v2/apps', dvdiApp('/b/db', 'pg'), deployed);
  assert.deepEqual(paths(d.body), ['/groups(1)/apps(0)/externalVolumes(0)']);
  assert.ok(d.body.details[0].errors[0].includes("Volume name 'pg' in /b/db conflicts with volume(s) of same name in app(s): /a/db"));
  // Replacing the owner itself is no clash.
  assert.deepEqual(judge(admissionRoute('PUT', '/v2/apps/a/db')!, JSON.stringify({ instances: 1 }), deployed, defaultProfile).findings, []);
});

test('option keys: the driver check, the other dvdi options, and an invalid key by position', () => {
  const doc = { external: { options: { 'dvdi/driver': 'x', 'dvdi/volumetype': 'GP2', size: '1' } } };
  assert.equal(marathonPath('/external/options/dvdi~1driver', doc, 'dvdi-driver-required'), '/external/options("dvdi/driver")');
  assert.equal(marathonPath('/external/options/dvdi~1volumetype', doc, 'rexray-option-volumetype'), '/external/options/"dvdi/volumetype"');
  assert.equal(marathonPath('/external/options/size', doc, 'external-volume-option-key'), '/external/options/keys(2)');
  assert.equal(marathonPath('/external', doc, 'dvdi-driver-required'), '/external/options("dvdi/driver")');
  assert.equal(marathonPath('', doc), '/');
  assert.equal(marathonPath('/a/0', { a: { 0: 1 } }), '/a/0', 'a numeric key of an object is a key, not an index');
});

test("a shape error stops at Marathon's JSON reader: 422 Invalid JSON with play-json paths from the body's root", () => {
  const d = denial('PUT', '/v2/groups/prod', { apps: [{ id: 'web', cmd: 'sleep 100', cpus: 'two' }] });
  assert.equal(d.body.message, 'Invalid JSON');
  assert.deepEqual(paths(d.body), ['/apps(0)/cpus']);
  const single = denial('POST', '/v2/apps', { id: '/web', cmd: 'sleep 100', cpus: 'two', container: { type: 'MESOS', volumes: [{ containerPath: 'v', mode: 'RW', external: { size: 1 } }] } });
  assert.equal(single.body.message, 'Invalid JSON');
  assert.deepEqual(paths(single.body), ['/cpus']);
});

test('a missing object Marathon names itself: /container/docker (marathon-rules.md), /containers(0)/resources (the JSON reader)', () => {
  const app = denial('POST', '/v2/apps', { id: '/web', cmd: 'sleep 1000', container: { volumes: [{ containerPath: '/tmp/x', hostPath: '/tmp', mode: 'RW' }] } });
  assert.deepEqual(paths(app.body), ['/container/docker']);
  const inGroup = denial('PUT', '/v2/groups/prod', { apps: [{ id: 'web', cmd: 'sleep 1000', container: { type: 'DOCKER' } }] });
  assert.deepEqual(paths(inGroup.body), ['/container/docker']);
  const pod = denial('POST', '/v2/pods', { id: '/pod', containers: [{ name: 'main', exec: { command: { shell: 'sleep 1000' } } }] });
  assert.deepEqual([pod.body.message, paths(pod.body)], ['Invalid JSON', ['/containers(0)/resources']]);
});

test("a missing required field is named by Marathon's JSON reader (marathon-rules.md §1: `'id' is undefined on object`, path the field's own)", () => {
  const empty = denial('POST', '/v2/apps', {});
  assert.deepEqual([empty.status, empty.body.message, paths(empty.body)], [422, 'Invalid JSON', ['/id']]);
  const strategy = denial('POST', '/v2/apps', { id: '/web', cmd: 'sleep 1000', upgradeStrategy: { minimumHealthCapacity: 1 } });
  assert.deepEqual(paths(strategy.body), ['/upgradeStrategy/maximumOverCapacity']);
  const batch = denial('PUT', '/v2/apps?partialUpdate=false', [{ id: '/a', cmd: 'sleep 1000' }, { id: '/b', cmd: 'sleep 1000', container: { type: 'DOCKER', docker: {} } }]);
  assert.deepEqual(paths(batch.body), ['(1)/container/docker/image']);
});

test("a pod container name is checked by Marathon's JSON reader (podContainer.raml's pattern: error.pattern, marathon-rules.md §7): 422 Invalid JSON", () => {
  const pod = denial('POST', '/v2/pods', { id: '/pod', containers: [{ name: 'Bad_Name', resources: { cpus: 0.1, mem: 32 } }] });
  assert.deepEqual([pod.status, pod.body.message, paths(pod.body)], [422, 'Invalid JSON', ['/containers(0)/name']]);
});
