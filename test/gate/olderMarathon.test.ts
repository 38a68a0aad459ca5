// A gate configured for Marathon 1.3 (`"marathonVersion": "1.3"`) judges writes as that Marathon reads them:
// `partialUpdate` and both PATCH routes exist from 1.4 on (../shared/reference/marathon-api.md §4), so at 1.3 every
// PUT of an app is merged into the deployed one whatever its query says, a PATCH is Marathon's own 405, and pods (1.4+, marathon-api.md §6)
// are not there to write.
// Real loopback HTTP through in-process gates to the stand-in Marathon.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultProfile } from '@marathon-devtools/language-server';
import type { RunningGate } from '../../gate/src/gate';
import { startStandinMarathon, type StandinMarathon } from '../standins/marathon/standin';
import { call, gateDenial, gateInFrontOf } from './harness';

let marathon: StandinMarathon;
let at13: RunningGate;
let at110: RunningGate;

before(async () => {
  marathon = await startStandinMarathon();
  const web = { id: '/old/web', cmd: 'sleep 1000', instances: 1, cpus: 0.1, mem: 32 };
  marathon.setRootGroup({ id: '/', apps: [], pods: [], dependencies: [], groups: [{ id: '/old', apps: [web], pods: [], groups: [], dependencies: [], version: 'v', enforceRole: false }] } as never);
  at13 = await gateInFrontOf(marathon.url, { profile: { ...defaultProfile, marathonVersion: '1.3' } });
  at110 = await gateInFrontOf(marathon.url);
});
after(async () => {
  await at13?.close();
  await at110?.close();
  await marathon?.close();
});

const reached = (method: string, marker: string) => marathon.requests.filter((r) => r.method === method && r.path === '/v2/apps/old/web' && r.body.includes(marker)).length;

test('1.10: PUT ?partialUpdate=false replaces the app, so a body of only "instances" is judged as a whole app and refused', async () => {
  const a = await call('PUT', `${at110.url}/v2/apps/old/web?partialUpdate=false`, JSON.stringify({ instances: 2 }));
  assert.ok(gateDenial(a), `${a.status} ${a.body}`);
  assert.match(a.body, /\(app-cmd-args-container\)/);
});

test('1.3: the same PUT is merged into the deployed app, as Marathon 1.3 merges every PUT: it reaches Marathon', async () => {
  const a = await call('PUT', `${at13.url}/v2/apps/old/web?partialUpdate=false`, JSON.stringify({ instances: 3 }));
  assert.equal(gateDenial(a), undefined, `${a.status} ${a.body}`);
  assert.equal(reached('PUT', '"instances":3'), 1);
});

test('1.3: a PATCH of an app is left to Marathon, which has no such route, not answered with the gate\'s findings', async () => {
  const a = await call('PATCH', `${at13.url}/v2/apps/old/web`, JSON.stringify({ instances: -4 }));
  assert.equal(gateDenial(a), undefined, `${a.status} ${a.body}`);
  assert.equal(reached('PATCH', '"instances":-4'), 1);
  const batch = await call('PATCH', `${at13.url}/v2/apps`, JSON.stringify([{ id: '/old/web', instances: -5 }]));
  assert.equal(gateDenial(batch), undefined, `${batch.status} ${batch.body}`);
});

test('1.3: pods came with 1.4 (marathon-api.md §6), so a pod write is left to Marathon\'s own answer, not judged', async () => {
  const a = await call('POST', `${at13.url}/v2/pods`, JSON.stringify({ id: '/old/pod', containers: [] }));
  assert.equal(gateDenial(a), undefined, `${a.status} ${a.body}`);
  assert.equal(marathon.requests.filter((r) => r.method === 'POST' && r.path === '/v2/pods').length, 1);
  const now = await call('POST', `${at110.url}/v2/pods`, JSON.stringify({ id: '/old/pod', containers: [] }));
  assert.match(now.body, /\(pod-containers-nonempty\)/);
});
