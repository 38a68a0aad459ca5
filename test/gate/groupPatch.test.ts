// `PATCH /v2/groups/{id}` sets a top-level group's enforceRole and nothing else (marathon-api.md §5): a GroupInfo read
// with GET and sent back whole with enforceRole changed is judged on enforceRole alone, not on the apps it carries.
// Real loopback HTTP through the gate to the stand-in Marathon.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { call, gateDenial, gateInFrontOfStandin } from './harness';

const lab = gateInFrontOfStandin();
// Deployed before the gate: an external volume without a name, which the gate refuses in any new write.
const legacy = { id: '/prod/legacy', cmd: 'sleep 1000', instances: 1, container: { type: 'MESOS', volumes: [{ containerPath: 'var', mode: 'RW', external: { size: 10 } }] } };
async function deploy(): Promise<void> {
  lab.marathon.setRootGroup({ id: '/', apps: [], pods: [], dependencies: [], groups: [{ id: '/prod', apps: [legacy], pods: [], groups: [{ id: '/prod/db', apps: [], pods: [], groups: [], dependencies: [] }], dependencies: [], version: 'v', enforceRole: false }] } as never);
  await lab.gate.clusterState.snapshot(true);
}

test('a GroupInfo sent back whole with enforceRole set: Marathon sets enforceRole, the gate does not judge the apps in it', async () => {
  await deploy();
  const read = await call('GET', `${lab.gate.url}/v2/groups/prod`);
  const group = { ...JSON.parse(read.body), enforceRole: true };
  const a = await call('PATCH', `${lab.gate.url}/v2/groups/prod`, JSON.stringify(group));
  assert.equal(a.status, 200, a.body);
  assert.equal(lab.marathon.rootGroup().groups.find((g) => g.id === '/prod')?.enforceRole, true);
});

test('enforceRole on a group that is not top-level is still refused', async () => {
  const a = await call('PATCH', `${lab.gate.url}/v2/groups/prod/db`, JSON.stringify({ enforceRole: true, apps: [] }));
  assert.match(gateDenial(a)?.details[0].errors[0] ?? a.body, /\(group-enforce-role-toplevel\)$/);
});
