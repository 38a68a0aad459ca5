// Agents with GPUs, from the stand-in Mesos master and Marathon over real HTTP. Marathon gets offers from such an agent
// only with --enable_features gpu_resources (the GPU_RESOURCES capability, MESOS-5634: MarathonSchedulerDriver.scala),
// and then declines the offers that carry GPUs for an app that needs none (--gpu_scheduling_behavior restricted, the
// default, or the app's GPU_SCHEDULING_BEHAVIOR label: ResourceMatcher.scala checkGpuSchedulingBehaviour). An app that
// needs GPUs never fits an agent without any. `scale` counting GPU agents for the bridge app leaves a deployment that
// never finishes; Test mount on one tests an agent the app never lands on.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { MesosMasterClient } from '@marathon-devtools/cluster/mesos/client';
import { placeApp } from '@marathon-devtools/cluster/placement/candidates';
import { startMesosMaster } from '../standins/mesos-master/server';
import { agent } from '../standins/mesos-master/agents';
import { infoFor, startStandinMarathon } from '../standins/marathon/standin';
import { setBridgeApp } from './bridgeApp';

const BRIDGE = join(import.meta.dirname, '../../agent-bridge/dist/bridge.cjs');
const cli = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((resolve) => execFile(process.execPath, [BRIDGE, ...args], { timeout: 60_000 }, (e, stdout, stderr) => resolve({ code: e ? ((e as { code?: number }).code ?? 1) : 0, stdout, stderr })));

const agents = [
  agent({ id: 'gpu-S1', hostname: '10.0.2.1', attributes: { dvdi: 'true' }, region: 'eu', zone: 'a' }, 1),
  // Two GPUs anyone's role may take: offered to Marathon, so declined for an app without gpus.
  agent({ id: 'gpu-S2', hostname: '10.0.2.2', attributes: { dvdi: 'true' }, region: 'eu', zone: 'a', gpus: 2 }, 2),
  // GPUs reserved for the "ml" role: never in an offer to "*", so restricted scheduling lets a "*" app in.
  agent({ id: 'gpu-S3', hostname: '10.0.2.3', attributes: { dvdi: 'true' }, region: 'eu', zone: 'b', reservedGpus: { ml: 2 } }, 3),
];

const master = await startMesosMaster({ agents, domain: { region: 'eu', zone: 'a' } });
const marathon = await startStandinMarathon();
after(async () => {
  await marathon.close();
  await master.close();
});
const BRIDGE_APP = { id: '/dvdi-bridge', instances: 1, constraints: [['hostname', 'UNIQUE'], ['dvdi', 'IS', 'true']] };

async function scaleJson(): Promise<{ matching: string[]; code: number; stderr: string }> {
  const r = await cli(['scale', '--marathon', marathon.url, '--mesos', master.url, '--app', '/dvdi-bridge', '--dry-run', '--json']);
  return { code: r.code, stderr: r.stderr, matching: r.code === 0 ? JSON.parse(r.stdout).matching : [] };
}

test('scale: with gpu_resources, the agent whose GPUs Marathon is offered is not counted for the bridges (restricted)', async () => {
  // --mesos_role "*" (Marathon's default) here and below, not the example info.json's "slave_public" (defaultRole.test.ts).
  marathon.setInfo(infoFor('1.10.26', { mesos_role: '*', features: ['gpu_resources'] }));
  setBridgeApp(marathon, BRIDGE_APP);
  const r = await scaleJson();
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.matching, ['10.0.2.1', '10.0.2.3']);
  // The app's label lifts the restriction.
  setBridgeApp(marathon, { ...BRIDGE_APP, labels: { GPU_SCHEDULING_BEHAVIOR: 'unrestricted' } });
  assert.deepEqual((await scaleJson()).matching, ['10.0.2.1', '10.0.2.2', '10.0.2.3']);
});

// --gpu_scheduling_behavior defaults to restricted only from Marathon 1.8 (MarathonConf.scala); 1.5 to 1.7 default to
// undefined, which takes offers with GPUs for any app (a warning in its log), and 1.4 has no such check at all
// (ResourceMatcher.scala checkGpuSchedulingBehaviour at each tag). /v2/info says the version.
test('scale: Marathon 1.5 to 1.7 (--gpu_scheduling_behavior undefined by default) and 1.4 use the agents whose GPUs they are offered', async () => {
  for (const version of ['1.6.590', '1.7.216', '1.5.15', '1.4.13']) {
    marathon.setInfo(infoFor(version, { features: ['gpu_resources'] }));
    setBridgeApp(marathon, BRIDGE_APP);
    const r = await scaleJson();
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.matching, ['10.0.2.1', '10.0.2.2', '10.0.2.3'], version);
  }
  // 1.5 to 1.7 read the app's label GPU_SCHEDULING_BEHAVIOR=restricted; 1.4 reads no such label.
  setBridgeApp(marathon, { ...BRIDGE_APP, labels: { GPU_SCHEDULING_BEHAVIOR: 'restricted' } });
  marathon.setInfo(infoFor('1.6.590', { features: ['gpu_resources'] }));
  assert.deepEqual((await scaleJson()).matching, ['10.0.2.1', '10.0.2.3']);
  marathon.setInfo(infoFor('1.4.13', { features: ['gpu_resources'] }));
  assert.deepEqual((await scaleJson()).matching, ['10.0.2.1', '10.0.2.2', '10.0.2.3']);
  // From 1.8 the label "undefined" is no behaviour (GpuSchedulingBehavior.all): the default, restricted, holds.
  setBridgeApp(marathon, { ...BRIDGE_APP, labels: { GPU_SCHEDULING_BEHAVIOR: 'undefined' } });
  marathon.setInfo(infoFor('1.8.232', { features: ['gpu_resources'] }));
  assert.deepEqual((await scaleJson()).matching, ['10.0.2.1', '10.0.2.3']);
});

test('scale: without gpu_resources Marathon gets no offers from any agent with GPUs', async () => {
  marathon.setInfo(infoFor('1.10.26', { mesos_role: '*', features: [] }));
  setBridgeApp(marathon, { ...BRIDGE_APP, labels: { GPU_SCHEDULING_BEHAVIOR: 'unrestricted' } });
  const r = await scaleJson();
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.matching, ['10.0.2.1']);
});

test('placement: the reasons name the GPUs; an app that needs GPUs fits only agents that offer them', async () => {
  const { slaves } = await new MesosMasterClient({ url: master.url }).getAgents();
  const p = placeApp({ constraints: [['dvdi', 'IS', 'true']] }, slaves, { masterRegion: 'eu', marathonFeatures: ['gpu_resources'] });
  assert.deepEqual(p.candidates.map((a) => a.hostname), ['10.0.2.1', '10.0.2.3']);
  assert.match(p.agents[1].reasons.join('; '), /has 2 GPUs.*--gpu_scheduling_behavior.*GPU_SCHEDULING_BEHAVIOR/);
  const gpuApp = placeApp({ gpus: 1, constraints: [['dvdi', 'IS', 'true']] }, slaves, { masterRegion: 'eu', marathonFeatures: ['gpu_resources'] });
  assert.deepEqual(gpuApp.candidates.map((a) => a.hostname), ['10.0.2.2']);
  assert.match(gpuApp.agents[0].reasons.join('; '), /no GPUs/);
  // Role "ml" accepts its reserved GPUs.
  const mlApp = placeApp({ gpus: 1, role: 'ml', acceptedResourceRoles: ['*', 'ml'] }, slaves, { masterRegion: 'eu', marathonFeatures: ['gpu_resources'] });
  assert.deepEqual(mlApp.candidates.map((a) => a.hostname), ['10.0.2.2', '10.0.2.3']);
});

test('scale: /v2/info refused (DC/OS Enterprise), an agent whose GPUs are reserved for another role makes the count no answer', async () => {
  const refusing = await startStandinMarathon({ auth: { kind: 'forbidden', only: '/v2/info' } });
  try {
    setBridgeApp(refusing, BRIDGE_APP);
    const r = await cli(['scale', '--marathon', refusing.url, '--mesos', master.url, '--app', '/dvdi-bridge', '--dry-run']);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /^scale: cannot count the matching agents: 10\.0\.2\.3 has GPUs, which Marathon gets offers from only with --enable_features gpu_resources; its \/v2\/info \(features\) could not be read/m);
  } finally {
    await refusing.close();
  }
});
