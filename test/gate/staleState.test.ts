// Several gates behind one address (docs/gate.md: "the gate is stateless; put as many as you like"): each
// learns of an app another one let through only at its next read of the root group. A PATCH reaching a gate
// in that window must still be judged on what it holds, not forwarded unjudged as "Marathon answers 404".
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startStandinMarathon, type StandinMarathon } from '../standins/marathon/standin';
import type { RunningGate } from '../../gate/src/gate';
import { call, gateDenial, gateInFrontOf } from './harness';

let marathon: StandinMarathon;
let gateA: RunningGate;
let gateB: RunningGate;
before(async () => {
  marathon = await startStandinMarathon();
  gateA = await gateInFrontOf(marathon.url);
  gateB = await gateInFrontOf(marathon.url);
  await Promise.all([gateA.clusterState.snapshot(), gateB.clusterState.snapshot()]);
});
after(async () => {
  await gateA.close();
  await gateB.close();
  await marathon.close();
});

const env = (opts: string) => ({ DVDI_VOLUME_NAME: 'legacy-db', DVDI_VOLUME_DRIVER: 'rexray', DVDI_VOLUME_OPTS: opts, DVDI_VOLUME_CONTAINERPATH: '/tmp/db' });

test('a PATCH through the gate that has not yet seen the app is judged on what it holds', async () => {
  const app = { id: '/stale/legacy-db', cmd: 'run-db /tmp/db', cpus: 0.5, mem: 512, instances: 1, env: env('size=10') };
  assert.equal((await call('POST', `${gateA.url}/v2/apps`, JSON.stringify(app))).status, 201);
  const before = marathon.requests.length;
  // DVDI_VOLUME_OPTS items must be key=value (dvdi-env-opts-format): Marathon itself accepts this.
  const a = await call('PATCH', `${gateB.url}/v2/apps/stale/legacy-db`, JSON.stringify({ env: env('size=10,encrypted') }));
  const d = gateDenial(a);
  assert.ok(d, `${a.status} ${a.body}`);
  assert.ok(d.details.some((x) => x.errors.some((e) => e.endsWith('(dvdi-env-opts-format)'))), a.body);
  assert.equal(marathon.requests.slice(before).filter((r) => r.method === 'PATCH').length, 0);
});

test('a PATCH of an app nobody has is still Marathon\'s 404 when it holds nothing wrong', async () => {
  const a = await call('PATCH', `${gateB.url}/v2/apps/stale/nobody`, JSON.stringify({ mem: 64 }));
  assert.equal(a.status, 404, a.body);
});

test('a partial PUT through the gate that has not yet seen the app is merged into the app Marathon has, not judged as a new app', async () => {
  const app = { id: '/stale/web1', cmd: 'sleep 100', cpus: 0.1, mem: 32, instances: 1 };
  assert.equal((await call('POST', `${gateA.url}/v2/apps`, JSON.stringify(app))).status, 201);
  // Scaling: the body alone has nothing to run, which Marathon would refuse for a new app (app-cmd-args-container).
  const a = await call('PUT', `${gateB.url}/v2/apps/stale/web1`, JSON.stringify({ instances: 3 }));
  assert.equal(a.status, 200, a.body);
  const wrong = await call('PUT', `${gateB.url}/v2/apps/stale/web1`, JSON.stringify({ instances: 3, cpus: -1 }));
  assert.ok(gateDenial(wrong), `${wrong.status} ${wrong.body}`);
});

test('a partial PUT of an app nobody has is judged as the new app Marathon would create', async () => {
  const a = await call('PUT', `${gateB.url}/v2/apps/stale/brand-new`, JSON.stringify({ instances: 3 }));
  const d = gateDenial(a);
  assert.ok(d, `${a.status} ${a.body}`);
  assert.ok(d.details.some((x) => x.errors.some((e) => e.endsWith('(app-cmd-args-container)'))), a.body);
});

test('a batch partial PUT (PUT /v2/apps, an array) naming an app the gate has not yet seen is merged into the app Marathon has, as its single-app update is', async () => {
  const app = { id: '/stale/web2', cmd: 'sleep 100', cpus: 0.1, mem: 32, instances: 1 };
  assert.equal((await call('POST', `${gateA.url}/v2/apps`, JSON.stringify(app))).status, 201);
  // Scaling two apps at once (marathon-python's update_apps): one the gate knows, one created through gate A.
  const a = await call('PUT', `${gateB.url}/v2/apps`, JSON.stringify([{ id: '/stale/web1', instances: 2 }, { id: '/stale/web2', instances: 3 }]));
  assert.equal(a.status, 200, a.body);
  const wrong = await call('PUT', `${gateB.url}/v2/apps`, JSON.stringify([{ id: '/stale/web2', instances: 3, cpus: -1 }]));
  assert.ok(gateDenial(wrong), `${wrong.status} ${wrong.body}`);
});
