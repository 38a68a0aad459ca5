// An app deployed before the gate (or before a rule) may break one of its rules. A partial update must not be
// refused for what the app already is, or the app could not even be scaled down in an emergency; what the update
// itself gets wrong is still refused. Real HTTP through the gate to the stand-in Marathon.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { call, gateDenial, gateInFrontOfStandin } from './harness';

const lab = gateInFrontOfStandin();

// docs/rules/dvdi-env-duplicate.md's invalid example: one volume declared twice, a rule only the gate enforces.
const legacy = {
  id: '/ratchet/legacy-db', cmd: 'run-db /tmp/db', cpus: 0.5, mem: 512, instances: 1,
  env: { DVDI_VOLUME_NAME: 'legacy-db', DVDI_VOLUME_DRIVER: 'rexray', DVDI_VOLUME_OPTS: 'size=10,volumetype=gp2', DVDI_VOLUME_CONTAINERPATH: '/tmp/db', DVDI_VOLUME_NAME1: 'Legacy-DB', DVDI_VOLUME_CONTAINERPATH1: '/tmp/db2' },
};

test('scaling an app that already breaks a rule goes through, with the finding as a Warning; a new mistake is still refused', async () => {
  lab.marathon.setRootGroup({ id: '/', apps: [], pods: [], dependencies: [], groups: [{ id: '/ratchet', apps: [legacy], pods: [], groups: [], dependencies: [], version: 'v', enforceRole: false }] } as never);
  await lab.gate.clusterState.snapshot(true);
  const fresh = await call('POST', `${lab.gate.url}/v2/apps`, JSON.stringify({ ...legacy, id: '/ratchet/copy' }));
  assert.ok(gateDenial(fresh), `the same definition as a new app is refused: ${fresh.status} ${fresh.body}`);

  for (const [method, path] of [['PUT', '/v2/apps/ratchet/legacy-db'], ['PATCH', '/v2/apps/ratchet/legacy-db']] as const) {
    const scaled = await call(method, `${lab.gate.url}${path}`, JSON.stringify({ instances: 0 }));
    assert.equal(scaled.status, 200, `${method}: ${scaled.body}`);
    assert.match(String(scaled.headers.warning), /"warning \/env\/DVDI_VOLUME_NAME1 .*asks again for volume/);
  }
  const worse = await call('PUT', `${lab.gate.url}/v2/apps/ratchet/legacy-db`, JSON.stringify({ instances: 0, cpus: -1 }));
  const d = gateDenial(worse);
  assert.ok(d, `${worse.status} ${worse.body}`);
  assert.deepEqual(d.details.map((x) => x.path), ['/cpus'], 'only the update\'s own mistake is held against it');
});
