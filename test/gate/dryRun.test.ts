// `PUT /v2/groups?dryRun=true` computes the deployment steps without validating the new root group
// (marathon-api.md §5): the apps are still validated, the cross-app checks (volume names, dependency cycles, roles)
// are not, and nothing is deployed. Real loopback HTTP through the gate to the stand-in Marathon.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startStandinMarathon } from '../standins/marathon/standin';
import { call, gateDenial, gateInFrontOf, gateInFrontOfStandin } from './harness';

const lab = gateInFrontOfStandin();
const withVolume = (id: string, name: string) => ({ id, cmd: 'sleep 1000', instances: 1, upgradeStrategy: { minimumHealthCapacity: 0, maximumOverCapacity: 0 }, container: { type: 'MESOS', volumes: [{ containerPath: 'data', mode: 'RW', external: { name, provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }] } });

test('a dry run reusing a deployed volume name gets Marathon\'s steps; the same PUT without dryRun is refused', async () => {
  lab.marathon.setRootGroup({ id: '/', apps: [], pods: [], dependencies: [], groups: [{ id: '/db', apps: [withVolume('/db/pg', 'pgdata')], pods: [], groups: [], dependencies: [], version: 'v', enforceRole: false }] } as never);
  await lab.gate.clusterState.snapshot(true);
  const body = JSON.stringify({ apps: [withVolume('web', 'pgdata')] });
  const dry = await call('PUT', `${lab.gate.url}/v2/groups/shop?dryRun=true`, body);
  assert.equal(dry.status, 200, dry.body);
  assert.ok(Array.isArray(JSON.parse(dry.body).steps), dry.body);
  assert.match(gateDenial(await call('PUT', `${lab.gate.url}/v2/groups/shop`, body))?.details[0].errors[0] ?? '', /\(dvdi-name-unique-in-root-group\)$/);
});

test('a dry run is still refused for what is wrong with an app itself', async () => {
  const noName = { id: 'web', cmd: 'sleep 1000', container: { type: 'MESOS', volumes: [{ containerPath: 'var', mode: 'RW', external: { size: 10 } }] } };
  const a = await call('PUT', `${lab.gate.url}/v2/groups/shop?dryRun=true`, JSON.stringify({ apps: [noName] }));
  assert.ok(gateDenial(a)?.details.some((d) => d.errors.some((e) => e.endsWith('(external-volume-name-required)'))), a.body);
});

test('with the deployed apps unreadable (--fail closed), a dry run is not refused for checks it does not make', async () => {
  const marathon = await startStandinMarathon();
  const gate = await gateInFrontOf(marathon.url, { fail: 'closed', clusterState: { refreshMs: 60_000, maxAgeMs: 60_000, waitMs: 200 } });
  try {
    marathon.setFault({ kind: 'status', status: 503, body: { message: 'busy' } }, '/v2/groups', 'GET');
    await gate.clusterState.snapshot(true);
    const a = await call('PUT', `${gate.url}/v2/groups/shop?dryRun=true`, JSON.stringify({ apps: [withVolume('web', 'pgdata')] }));
    assert.equal(a.status, 200, a.body);
  } finally {
    await gate.close();
    await marathon.close();
  }
});

test('POST takes no dryRun, so Marathon deploys the group: the gate counts its apps at once like any write it let through', async () => {
  const created = await call('POST', `${lab.gate.url}/v2/groups?dryRun=true`, JSON.stringify({ id: 'cache', apps: [withVolume('redis', 'redisdata')] }));
  assert.equal(created.status, 201, created.body);
  const clash = await call('POST', `${lab.gate.url}/v2/apps`, JSON.stringify(withVolume('/other/redis', 'redisdata')));
  assert.match(gateDenial(clash)?.details[0].errors[0] ?? clash.body, /\(dvdi-name-unique-in-root-group\)$/);
});
