// A client Marathon would turn away gets Marathon's answer, not the gate's (docs/gate.md "Who may see what"): the
// gate judges with its own credentials, so its refusals could tell an unauthenticated client what is deployed.
// Real HTTP through the gate to the stand-in Marathon with basic auth, a DC/OS token, or every request forbidden
// (marathon-api.md §2).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultProfile } from '@marathon-devtools/language-server';
import { rootGroupReader } from '../../gate/src/cli/rootGroupReader';
import { startGate, type Mode, type RunningGate } from '../../gate/src/gate';
import { startStandinMarathon, type StandinMarathon } from '../standins/marathon/standin';
import { call } from './harness';

const basic = `Basic ${Buffer.from('ops:pw').toString('base64')}`;
let marathon: StandinMarathon;
const gates: Partial<Record<Mode | 'urlCredentials', RunningGate>> = {};

const withVolume = (id: string, name: string) => JSON.stringify({ id, cmd: 'sleep 1000', instances: 1, upgradeStrategy: { minimumHealthCapacity: 0, maximumOverCapacity: 0 }, container: { type: 'MESOS', volumes: [{ containerPath: 'data', mode: 'RW', external: { name, provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }] } });

before(async () => {
  marathon = await startStandinMarathon({ auth: { kind: 'basic', user: 'ops', password: 'pw' } });
  const deployed = JSON.parse(withVolume('/vol/secret-db', 'pgdata'));
  marathon.setRootGroup({ id: '/', apps: [], pods: [], dependencies: [], groups: [{ id: '/vol', apps: [deployed], pods: [], groups: [], dependencies: [], version: 'v', enforceRole: false }] } as never);
  for (const mode of ['deny', 'warn'] as const) {
    const url = new URL(marathon.url);
    gates[mode] = await startGate({ marathon: url, mode, fail: 'closed', profile: defaultProfile, readRootGroup: rootGroupReader(url, { auth: { kind: 'basic', user: 'ops', password: 'pw' } }, 2_000), clusterState: { refreshMs: 60_000, maxAgeMs: 60_000, waitMs: 2_000 } }, '127.0.0.1', 0);
  }
  // `--marathon http://ops:pw@host`: the gate's own reads take the credentials from the URL (main.ts passes it so).
  const withUser = new URL(marathon.url);
  [withUser.username, withUser.password] = ['ops', 'pw'];
  gates.urlCredentials = await startGate({ marathon: withUser, mode: 'deny', fail: 'closed', profile: defaultProfile, readRootGroup: rootGroupReader(withUser, {}, 2_000), clusterState: { refreshMs: 60_000, maxAgeMs: 60_000, waitMs: 2_000 } }, '127.0.0.1', 0);
});
after(async () => {
  for (const g of Object.values(gates)) await g?.close();
  await marathon?.close();
});

test('without credentials, a write that clashes with a deployed app gets Marathon\'s 401, which names no deployed app', async () => {
  const a = await call('POST', `${gates.deny!.url}/v2/apps`, withVolume('/mine/db', 'pgdata'));
  assert.equal(a.status, 401, a.body);
  assert.match(String(a.headers['www-authenticate']), /^basic /i);
  assert.doesNotMatch(a.body, /secret-db|pgdata/);
  const merged = await call('PUT', `${gates.deny!.url}/v2/apps/vol/secret-db`, '{"env":{"X":{"secret":"nope"}}}');
  assert.equal(merged.status, 401, merged.body);
});

test('credentials in --marathon\'s URL are the gate\'s own: a client without any still gets Marathon\'s 401, not the gate\'s 422', async () => {
  const a = await call('POST', `${gates.urlCredentials!.url}/v2/apps`, withVolume('/mine/db', 'pgdata'));
  assert.equal(a.status, 401, a.body);
  assert.doesNotMatch(a.body, /secret-db|pgdata/);
  const ok = await call('POST', `${gates.urlCredentials!.url}/v2/apps`, withVolume('/mine/db', 'pgdata'), { Authorization: basic });
  assert.equal(ok.status, 422, 'the gate did read the deployed apps with the URL\'s credentials');
});

test('with the credentials Marathon wants, the same write gets the gate\'s 422 naming the deployed app', async () => {
  const a = await call('POST', `${gates.deny!.url}/v2/apps`, withVolume('/mine/db', 'pgdata'), { Authorization: basic });
  assert.equal(a.status, 422, a.body);
  assert.match(a.body, /\/vol\/secret-db/);
});

test('the audit, which lists deployed apps, is Marathon\'s 401 without credentials', async () => {
  const a = await call('GET', `${gates.deny!.url}/_gate/audit`);
  assert.equal(a.status, 401, a.body);
  assert.doesNotMatch(a.body, /secret-db/);
  const ok = await call('GET', `${gates.deny!.url}/_gate/audit`, undefined, { Authorization: basic });
  assert.equal(ok.status, 200, ok.body);
});

test('warn mode: Marathon\'s 401 goes back without the findings\' Warning headers', async () => {
  const a = await call('POST', `${gates.warn!.url}/v2/apps`, withVolume('/mine/db2', 'pgdata'));
  assert.equal(a.status, 401, a.body);
  assert.equal(a.headers.warning, undefined, String(a.headers.warning));
});

test('a DC/OS token Admin Router refuses, and an identity without permission, get Marathon\'s 401 and 403', async () => {
  marathon.setAuth({ kind: 'token', token: 'good' });
  try {
    const a = await call('POST', `${gates.deny!.url}/v2/apps`, withVolume('/mine/db', 'pgdata'), { Authorization: 'token=bad' });
    assert.equal(a.status, 401, a.body);
    assert.equal(a.headers['www-authenticate'], 'oauthjwt');
    marathon.setAuth({ kind: 'forbidden' });
    const f = await call('POST', `${gates.deny!.url}/v2/apps`, withVolume('/mine/db', 'pgdata'), { Authorization: 'token=good' });
    assert.deepEqual([f.status, JSON.parse(f.body)], [403, { message: 'Not Authorized to perform this action!' }]);
  } finally {
    marathon.setAuth({ kind: 'basic', user: 'ops', password: 'pw' });
  }
});

test('a deployer Marathon lets in but refuses its config (/v2/info) gets the gate\'s findings about its own app, not a 403', async () => {
  marathon.setAuth({ kind: 'forbidden', only: '/v2/info' });
  try {
    const noName = JSON.stringify({ id: '/dev/web', cmd: 'sleep 1000', container: { type: 'MESOS', volumes: [{ containerPath: 'var', mode: 'RW', external: { size: 10 } }] } });
    const a = await call('POST', `${gates.deny!.url}/v2/apps`, noName, { Authorization: 'token=dev' });
    assert.equal(a.status, 422, a.body);
    assert.match(a.body, /\(external-volume-name-required\)/);
    // What names a deployed app still waits for the client to be let in on the probe.
    const clash = await call('POST', `${gates.deny!.url}/v2/apps`, withVolume('/dev/db', 'pgdata'), { Authorization: 'token=dev' });
    assert.equal(clash.status, 403, clash.body);
  } finally {
    marathon.setAuth({ kind: 'basic', user: 'ops', password: 'pw' });
  }
});

test('Marathon gone after the gate read the deployed apps: a mistake in the body alone is still the 422; a refusal naming deployed apps becomes 502', async () => {
  const own = await startStandinMarathon();
  const deployed = JSON.parse(withVolume('/vol/secret-db', 'pgdata'));
  const job = { id: '/vol/secret-job', cmd: 'sleep 1000', dependencies: ['/dev/etl'] };
  own.setRootGroup({ id: '/', apps: [], pods: [], dependencies: [], groups: [{ id: '/vol', apps: [deployed, job], pods: [], groups: [], dependencies: [], version: 'v', enforceRole: false }] } as never);
  const url = new URL(own.url);
  const gate = await startGate({ marathon: url, mode: 'deny', fail: 'closed', profile: defaultProfile, readRootGroup: rootGroupReader(url, {}, 2_000), clusterState: { refreshMs: 60_000, maxAgeMs: 60_000, waitMs: 2_000 } }, '127.0.0.1', 0);
  try {
    await gate.clusterState.snapshot(true);
    await own.close();
    const noName = JSON.stringify({ id: '/dev/web', cmd: 'sleep 1000', container: { type: 'MESOS', volumes: [{ containerPath: 'var', mode: 'RW', external: { size: 10 } }] } });
    const a = await call('POST', `${gate.url}/v2/apps`, noName);
    assert.equal(a.status, 422, a.body);
    assert.match(a.body, /\(external-volume-name-required\)/);
    const clash = await call('POST', `${gate.url}/v2/apps`, withVolume('/dev/db', 'pgdata'));
    assert.equal(clash.status, 502, clash.body);
    assert.doesNotMatch(clash.body, /secret-db/);
    const cycle = await call('POST', `${gate.url}/v2/apps`, JSON.stringify({ id: '/dev/etl', cmd: 'sleep 1000', dependencies: ['/vol/secret-job'] }));
    assert.equal(cycle.status, 502, cycle.body);
    assert.doesNotMatch(cycle.body, /secret-job/);
  } finally {
    await gate.close();
  }
});

test('a sign-in proxy in front of Marathon redirects a client without a session: the client gets that redirect, not a 422 naming deployed apps', async () => {
  const own = await startStandinMarathon({ auth: { kind: 'sign-in', token: 'gate' } });
  own.setRootGroup({ id: '/', apps: [], pods: [], dependencies: [], groups: [{ id: '/vol', apps: [JSON.parse(withVolume('/vol/secret-db', 'pgdata'))], pods: [], groups: [], dependencies: [], version: 'v', enforceRole: false }] } as never);
  const url = new URL(own.url);
  const start = (mode: Mode) => startGate({ marathon: url, mode, fail: 'closed', profile: defaultProfile, readRootGroup: rootGroupReader(url, { auth: { kind: 'token', token: 'gate' } }, 2_000), clusterState: { refreshMs: 60_000, maxAgeMs: 60_000, waitMs: 2_000 } }, '127.0.0.1', 0);
  const [gate, warn] = [await start('deny'), await start('warn')];
  try {
    const a = await call('POST', `${gate.url}/v2/apps`, withVolume('/dev/db', 'pgdata'));
    assert.equal(a.status, 302, a.body);
    assert.match(String(a.headers.location), /^https:\/\/sso\.example\.com\/login/);
    assert.doesNotMatch(a.body, /secret-db/);
    const signedIn = await call('POST', `${gate.url}/v2/apps`, withVolume('/dev/db', 'pgdata'), { Authorization: 'token=gate' });
    assert.equal(signedIn.status, 422, signedIn.body);
    const warned = await call('POST', `${warn.url}/v2/apps`, withVolume('/dev/db', 'pgdata'));
    assert.deepEqual([warned.status, warned.headers.warning], [302, undefined], String(warned.headers.warning));
  } finally {
    await gate.close();
    await warn.close();
    await own.close();
  }
});

test('a batch partial update by a deployer refused /v2/info is judged like its single-app updates: each app probed, the gate\'s 422, not a 403', async () => {
  marathon.setAuth({ kind: 'forbidden', only: '/v2/info' });
  try {
    for (const method of ['PATCH', 'PUT'] as const) {
      const a = await call(method, `${gates.deny!.url}/v2/apps${method === 'PUT' ? '?partialUpdate=true' : ''}`, JSON.stringify([{ id: '/vol/secret-db', instances: 3 }]), { Authorization: 'token=dev' });
      assert.equal(a.status, 422, a.body);
      assert.match(a.body, /\(dvdi-single-instance\)/);
    }
    // An app the client may not see still turns it away with Marathon's 403.
    marathon.setAuth({ kind: 'forbidden', only: '/v2/apps/vol' });
    const hidden = await call('PATCH', `${gates.deny!.url}/v2/apps`, JSON.stringify([{ id: '/vol/secret-db', instances: 3 }]), { Authorization: 'token=dev' });
    assert.equal(hidden.status, 403, hidden.body);
  } finally {
    marathon.setAuth({ kind: 'basic', user: 'ops', password: 'pw' });
  }
});

test('the decision log tells what the client got: Marathon\'s 401 is "turned-away", as the metrics count it, not the gate\'s "denied"', async () => {
  const logs: Record<string, unknown>[] = [];
  const url = new URL(marathon.url);
  const gate = await startGate({ marathon: url, mode: 'deny', fail: 'closed', profile: defaultProfile, log: (e) => logs.push(e), readRootGroup: rootGroupReader(url, { auth: { kind: 'basic', user: 'ops', password: 'pw' } }, 2_000), clusterState: { refreshMs: 60_000, maxAgeMs: 60_000, waitMs: 2_000 } }, '127.0.0.1', 0);
  try {
    const away = await call('POST', `${gate.url}/v2/apps`, withVolume('/mine/db', 'pgdata'));
    assert.equal(away.status, 401, away.body);
    const refused = await call('POST', `${gate.url}/v2/apps`, withVolume('/mine/db', 'pgdata'), { Authorization: basic });
    assert.equal(refused.status, 422, refused.body);
    assert.deepEqual(logs.filter((e) => e.msg === 'judged').map((e) => e.decision), ['turned-away', 'denied']);
    const metrics = (await call('GET', `${gate.url}/_gate/metrics`)).body;
    assert.match(metrics, /marathon_gate_requests_total\{route="POST \/v2\/apps",decision="turned-away"\} 1/);
    assert.match(metrics, /marathon_gate_requests_total\{route="POST \/v2\/apps",decision="denied"\} 1/);
  } finally {
    await gate.close();
  }
});
