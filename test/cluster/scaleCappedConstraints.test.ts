// `dvdi-bridge scale` when a constraint of the bridge app caps how many instances Marathon can place, against the
// stand-in Mesos master and Marathon over real HTTP. Beside ["hostname","UNIQUE"], a UNIQUE or MAX_PER on another field
// allows fewer instances than there are matching agents (Constraints.scala checkUnique, checkMaxPer: they count the
// instances already placed, mesos-master-api.md §5); counting agents alone over-provisions, and the deployment never
// finishes (Marathon issue #846). GROUP_BY with a minimum over fewer values stops at one instance per value: the
// instances it counts are the placed ones only (TaskLauncherActor.scala: `reachableInstances` leaves out scheduled ones).
// A CLUSTER without a value pins every instance to the first one's value, so the count depends on which agent gets the
// first instance: no answer, unless every value has as many agents.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { startMesosMaster } from '../standins/mesos-master/server';
import { agent } from '../standins/mesos-master/agents';
import { infoFor, startStandinMarathon } from '../standins/marathon/standin';
import { setBridgeApp } from './bridgeApp';

const BRIDGE = join(import.meta.dirname, '../../agent-bridge/dist/bridge.cjs');
const cli = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((resolve) => execFile(process.execPath, [BRIDGE, ...args], { timeout: 60_000 }, (e, stdout, stderr) => resolve({ code: e ? ((e as { code?: number }).code ?? 1) : 0, stdout, stderr })));

// Zone a: three agents on racks r1, r1, r2; zone b: two agents on rack r3.
const agents = [
  agent({ id: 'cap-S1', hostname: '10.0.3.1', attributes: { dvdi: 'true', rack: 'r1' }, region: 'eu', zone: 'a' }, 1),
  agent({ id: 'cap-S2', hostname: '10.0.3.2', attributes: { dvdi: 'true', rack: 'r1' }, region: 'eu', zone: 'a' }, 2),
  agent({ id: 'cap-S3', hostname: '10.0.3.3', attributes: { dvdi: 'true', rack: 'r2' }, region: 'eu', zone: 'a' }, 3),
  agent({ id: 'cap-S4', hostname: '10.0.3.4', attributes: { dvdi: 'true', rack: 'r3' }, region: 'eu', zone: 'b' }, 4),
  agent({ id: 'cap-S5', hostname: '10.0.3.5', attributes: { dvdi: 'true', rack: 'r3' }, region: 'eu', zone: 'b' }, 5),
];
const master = await startMesosMaster({ agents, domain: { region: 'eu', zone: 'a' } });
// --mesos_role "*" (Marathon's default), not the example info.json's "slave_public" (see defaultRole.test.ts).
const marathon = await startStandinMarathon({ info: infoFor('1.10.26', { mesos_role: '*' }) });
after(async () => {
  await marathon.close();
  await master.close();
});

async function scale(constraints: unknown[]): Promise<{ code: number; stdout: string; stderr: string; after?: number }> {
  setBridgeApp(marathon, { id: '/dvdi-bridge', instances: 1, constraints: [['hostname', 'UNIQUE'], ...constraints] });
  const r = await cli(['scale', '--marathon', marathon.url, '--mesos', master.url, '--app', '/dvdi-bridge', '--dry-run', '--json']);
  return { ...r, after: r.code === 0 ? JSON.parse(r.stdout).instances.after : undefined };
}

for (const [constraint, count] of [
  [['rack', 'UNIQUE'], 3],
  [['@zone', 'MAX_PER', '2'], 4],
  [['rack', 'MAX_PER', '1'], 3],
  [['@zone', 'GROUP_BY'], 5],
  [['@zone', 'GROUP_BY', '3'], 2],
] as const) {
  test(`scale: ${JSON.stringify(constraint)} beside hostname:UNIQUE allows ${count} instances`, async () => {
    const r = await scale([constraint]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.after, count, r.stdout);
  });
}

// GROUP_BY places into a group only while it is one of the smallest placed groups, so where the offers come from
// decides how far a big group grows: zone a (3 agents) against zone b (1 agent, 10.0.3.5 left out). Offers from zone a
// first place 3 there and then 1 in b (4); offers from b first place 1 in b and 2 in a, and a's third agent is then
// declined for good (Constraints.scala checkGroupBy: a's 2 is above b's 1). Only 3 are placed whatever the order.
test('scale: GROUP_BY over groups whose sizes differ by more than one counts what every order of offers places', async () => {
  const r = await scale([['@zone', 'GROUP_BY'], ['hostname', 'UNLIKE', '10\\.0\\.3\\.5']]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.after, 3, r.stdout);
  // Zone a with r1 and r2 (3 agents), zone b with r3 (2 agents): within one of each other, every order places all 5.
  assert.equal((await scale([['@zone', 'GROUP_BY']])).after, 5);
});

test('scale: CLUSTER without a value over groups of different sizes changes nothing; with equal groups it counts one group', async () => {
  const r = await scale([['@zone', 'CLUSTER']]);
  assert.equal(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /^scale: cannot count the matching agents: .*\["@zone","CLUSTER"\].*the first instance/m);
  const racks = await scale([['rack', 'CLUSTER'], ['rack', 'UNLIKE', 'r2']]);
  assert.equal(racks.code, 0, racks.stdout + racks.stderr);
  assert.equal(racks.after, 2);
});

test('scale: two constraints that each cap the count make it depend on the order of offers: changes nothing', async () => {
  const r = await scale([['rack', 'UNIQUE'], ['@zone', 'MAX_PER', '1']]);
  assert.equal(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /^scale: cannot count the matching agents: .*\["rack","UNIQUE"\].*\["@zone","MAX_PER","1"\]/m);
});
