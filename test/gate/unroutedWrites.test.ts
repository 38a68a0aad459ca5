// Writes on paths Marathon routes no such method to (marathon-api.md §6: pods take POST on the collection and PUT
// on an id, nothing else) are Marathon's 405 whatever the body: the gate must not answer them with its own 422.
// Real loopback HTTP through the gate to the stand-in Marathon.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { call, gateInFrontOfStandin } from './harness';

const lab = gateInFrontOfStandin();
// A partial pod, as a client that expects PATCH to merge would send it: not a whole pod, so the gate's linter
// would find it invalid (no containers).
const partialPod = JSON.stringify({ id: '/db', scaling: { kind: 'fixed', instances: 2 } });

for (const [method, path] of [['PATCH', '/v2/pods/db'], ['PUT', '/v2/pods'], ['PATCH', '/v2/pods']] as const) {
  test(`${method} ${path}: Marathon's 405 Method Not Allowed, not the gate's finding`, async () => {
    const a = await call(method, `${lab.gate.url}${path}`, partialPod);
    assert.deepEqual({ status: a.status, body: JSON.parse(a.body) }, { status: 405, body: { message: 'Method Not Allowed' } });
    assert.ok(lab.marathon.requests.some((r) => r.method === method && r.path === path), 'the request reached Marathon');
  });
}

// marathon-api.md §4: an app is restarted with POST /v2/apps/{id}/restart and its versions only read (GET). Jersey matches
// those paths before `{id}`, so a PUT or PATCH there is Marathon's 405 too, not an update of an app named `…/restart` or
// `…/versions` for the gate to refuse.
for (const [method, path] of [['PUT', '/v2/apps/x/restart'], ['PATCH', '/v2/apps/prod/x/restart'], ['PUT', '/v2/apps/x/versions'], ['PATCH', '/v2/apps/prod/x/versions/2015-09-29T15:59:51.164Z']] as const) {
  test(`${method} ${path}: Marathon's 405 Method Not Allowed, not the gate's finding`, async () => {
    const a = await call(method, `${lab.gate.url}${path}`, '{}');
    assert.deepEqual({ status: a.status, body: JSON.parse(a.body) }, { status: 405, body: { message: 'Method Not Allowed' } });
    assert.ok(lab.marathon.requests.some((r) => r.method === method && r.path === path), 'the request reached Marathon');
  });
}

test('POST /v2/apps/{id}/restart reaches Marathon unjudged: its deployment result', async () => {
  await call('POST', `${lab.marathon.url}/v2/apps`, JSON.stringify({ id: '/r/web', cmd: 'sleep 1000' }));
  const a = await call('POST', `${lab.gate.url}/v2/apps/r/web/restart`);
  assert.equal(a.status, 200, a.body);
  assert.ok(a.headers['marathon-deployment-id']);
});
