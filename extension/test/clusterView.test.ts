// The cluster view Test mount picks bridges from, read from the stand-in Mesos master and Marathon over real HTTP:
// a master whose /master/state (its region) cannot be read is named with what failed, in the placement's
// `undecided` (which Test mount shows before it runs), instead of placing as if there were no region rule.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { MarathonTask } from '@marathon-devtools/cluster/marathon/types';
import { candidatesAt, clusterCandidates, fetchClusterView } from '../src/clusterView';
import { noCandidateWarning } from '../src/noCandidateWarning';
import { startMesosMaster, type MesosMasterStandIn } from '../../test/standins/mesos-master/server';
import { agent } from '../../test/standins/mesos-master/agents';
import { infoFor, startStandinMarathon } from '../../test/standins/marathon/standin';

const masters: MesosMasterStandIn[] = [];
after(async () => {
  for (const m of masters) await m.close();
});

const agents = (regions: string[]) => regions.map((region, i) => agent({ id: `view-S${i}`, hostname: `10.0.0.${i + 1}`, attributes: { dvdi: 'true' }, region, zone: 'a' }, i));

async function cluster(regions: string[], stateDelayMs = 0) {
  const m = await startMesosMaster({ agents: agents(regions), domain: { region: 'eu', zone: 'a' }, stateDelayMs });
  masters.push(m);
  // A Marathon with --mesos_role "*" (its default): Marathon's example info.json says DC/OS's "slave_public", under which an
  // app without role runs as slave_public and which unreserved resources it takes depends on a flag /v2/info omits.
  const marathon = await startStandinMarathon({ info: infoFor('1.10.26', { mesos_role: '*' }) });
  const root = marathon.rootGroup();
  root.apps = [{ id: '/dvdi-bridge', instances: regions.length, constraints: [['hostname', 'UNIQUE']] } as (typeof root.apps)[number]];
  marathon.setRootGroup(root);
  const now = new Date().toISOString();
  const tasks: MarathonTask[] = regions.map((_, i) => ({ id: `dvdi-bridge.instance-${i}`, appId: '/dvdi-bridge', host: `10.0.0.${i + 1}`, slaveId: `view-S${i}`, state: 'TASK_RUNNING', ports: [8474], servicePorts: [], ipAddresses: [], healthCheckResults: [], localVolumes: [], stagedAt: now, startedAt: now, version: now, role: '*' }) as MarathonTask);
  marathon.setTasks({ '/dvdi-bridge': tasks });
  masters.push({ close: () => marathon.close() } as MesosMasterStandIn);
  return { settings: { marathonUrl: marathon.url, mesosUrl: m.url, bridgeApp: '/dvdi-bridge' }, master: m };
}

const spec = { constraints: [['dvdi', 'IS', 'true']] };

test('the master region read: the agent outside it is no candidate', async () => {
  const { settings } = await cluster(['eu', 'eu', 'us']);
  const view = await fetchClusterView(settings, undefined, 2000);
  assert.equal(view.masterRegion, 'eu');
  const c = clusterCandidates(view, spec);
  assert.deepEqual(c.candidates.map((b) => b.hostname), ['10.0.0.1', '10.0.0.2']);
  assert.deepEqual(c.undecided, []);
});

for (const regions of [['eu', 'eu', 'us'], ['us', 'us']]) {
  test(`the master region not read (agents in ${regions.join(', ')}): undecided names the master and what failed`, async () => {
    const { settings, master } = await cluster(regions, 4000);
    const view = await fetchClusterView(settings, undefined, 1000);
    assert.equal(view.masterRegion, undefined);
    const why = new RegExp(`GET ${master.url.replace(/[.]/g, '\\.')}/master/state: no complete answer within 1 s`);
    assert.match(view.masterRegionUnknown ?? '', why);
    const c = clusterCandidates(view, spec);
    assert.equal(c.undecided.length, 1, JSON.stringify(c.undecided));
    assert.match(c.undecided[0], /the Mesos master's region is unknown/);
    assert.match(c.undecided[0], why);
    // An app that places by region itself does not depend on the master's.
    assert.deepEqual(clusterCandidates(view, { constraints: [['@region', 'CLUSTER', 'us']] }).undecided, []);
  });
}

// An app with a role of its own and no acceptedResourceRoles: which agents Marathon uses depends on its
// --accepted_resource_roles_default_behavior, which /v2/info does not report; the setting
// marathon.cluster.acceptedResourceRolesDefaultBehavior says it (MarathonConf.defaultAcceptedResourceRolesSet).
test('the accepted-roles behaviour from the settings decides what placement could not', async () => {
  const m = await startMesosMaster({
    agents: [
      agent({ id: 'view-S0', hostname: '10.0.0.1', attributes: { dvdi: 'true' } }, 0), // unreserved only
      agent({ id: 'view-S1', hostname: '10.0.0.2', attributes: { dvdi: 'true' }, cpus: 2, mem: 0, reserved: { ops: 2 } }, 1), // only reserved for "ops"
    ],
  });
  masters.push(m);
  const marathon = await startStandinMarathon();
  const root = marathon.rootGroup();
  root.apps = [{ id: '/dvdi-bridge', instances: 2, constraints: [['hostname', 'UNIQUE']] } as (typeof root.apps)[number]];
  marathon.setRootGroup(root);
  const now = new Date().toISOString();
  marathon.setTasks({ '/dvdi-bridge': [0, 1].map((i) => ({ id: `dvdi-bridge.instance-${i}`, appId: '/dvdi-bridge', host: `10.0.0.${i + 1}`, slaveId: `view-S${i}`, state: 'TASK_RUNNING', ports: [8474], servicePorts: [], ipAddresses: [], healthCheckResults: [], localVolumes: [], stagedAt: now, startedAt: now, version: now, role: '*' }) as MarathonTask) });
  masters.push({ close: () => marathon.close() } as MesosMasterStandIn);
  const view = await fetchClusterView({ marathonUrl: marathon.url, mesosUrl: m.url, bridgeApp: '/dvdi-bridge' }, undefined, 2000);
  const app = { role: 'ops', constraints: [['dvdi', 'IS', 'true']] };
  const hosts = (c: ReturnType<typeof clusterCandidates>) => c.candidates.map((b) => b.hostname);
  const unknown = clusterCandidates(view, app);
  assert.equal(unknown.undecided.length > 0, true, 'without the setting both agents depend on the behaviour');
  assert.match(unknown.undecided.join('\n'), /acceptedResourceRolesDefaultBehavior/, 'and the warning names the setting that decides it');
  for (const [behaviour, expected] of [['any', ['10.0.0.1', '10.0.0.2']], ['unreserved', ['10.0.0.1']], ['reserved', ['10.0.0.2']]] as const) {
    const c = clusterCandidates(view, app, behaviour);
    assert.deepEqual([hosts(c), c.undecided], [expected, []], behaviour);
  }
});

// Test mount places the app in the editor under the role Marathon gives it (cluster/placement/marathonRole.ts): without
// "role", from Marathon 1.9 its top-level group's name when that group enforces its role, else --mesos_role
// (util/RoleSettings.scala forService; /v2/info's mesos_role, marathon-api.md §9; a group's enforceRole, §5).
test('an app without role under a top-level group that enforces its role is placed under the group\'s name', async () => {
  const m = await startMesosMaster({
    agents: [
      agent({ id: 'view-S0', hostname: '10.0.0.1', attributes: { dvdi: 'true' } }, 0), // unreserved only
      agent({ id: 'view-S1', hostname: '10.0.0.2', attributes: { dvdi: 'true' }, cpus: 2, mem: 0, reserved: { shop: 2 } }, 1), // only reserved for "shop"
      agent({ id: 'view-S2', hostname: '10.0.0.3', attributes: { dvdi: 'true' }, cpus: 2, mem: 0, reserved: { ops: 2 } }, 2), // only reserved for "ops"
    ],
  });
  masters.push(m);
  const marathon = await startStandinMarathon({ info: infoFor('1.10.26', { mesos_role: '*', new_group_enforce_role: 'Off' }) });
  masters.push({ close: () => marathon.close() } as MesosMasterStandIn);
  const root = marathon.rootGroup();
  root.apps = [{ id: '/dvdi-bridge', instances: 3, role: '*', constraints: [['hostname', 'UNIQUE']] } as (typeof root.apps)[number]];
  root.groups = [{ id: '/shop', apps: [], pods: [], groups: [], dependencies: [], version: '2026-12-01T00:00:00.000Z', enforceRole: true }];
  marathon.setRootGroup(root);
  const now = new Date().toISOString();
  marathon.setTasks({ '/dvdi-bridge': [0, 1, 2].map((i) => ({ id: `dvdi-bridge.instance-${i}`, appId: '/dvdi-bridge', host: `10.0.0.${i + 1}`, slaveId: `view-S${i}`, state: 'TASK_RUNNING', ports: [8474], servicePorts: [], ipAddresses: [], healthCheckResults: [], localVolumes: [], stagedAt: now, startedAt: now, version: now, role: '*' }) as MarathonTask) });
  const view = await fetchClusterView({ marathonUrl: marathon.url, mesosUrl: m.url, bridgeApp: '/dvdi-bridge' }, undefined, 2000);
  const hosts = (c: ReturnType<typeof clusterCandidates>) => c.candidates.map((b) => b.hostname);
  const app = { id: '/shop/db', constraints: [['dvdi', 'IS', 'true']] };
  const shop = clusterCandidates(view, app, 'reserved', { absoluteId: '/shop/db' });
  assert.deepEqual(hosts(shop), ['10.0.0.2']);
  assert.match(shop.roleNote ?? '', /Marathon gives it role "shop" \(its top-level group \/shop enforces its role\)/);
  assert.deepEqual(hosts(clusterCandidates(view, app, 'any', { absoluteId: '/shop/db' })), ['10.0.0.1', '10.0.0.2']);
  // An app directly in / runs under --mesos_role ("*" here).
  assert.deepEqual(hosts(clusterCandidates(view, app, 'reserved', { absoluteId: '/db' })), ['10.0.0.1']);
  // A role /shop does not allow is Marathon's refusal: no candidate, the refusal said.
  const refused = clusterCandidates(view, { ...app, role: 'ops' }, 'reserved', { absoluteId: '/shop/db' });
  assert.deepEqual(hosts(refused), []);
  assert.match(refused.problems.join('\n'), /Marathon refuses it: "role": got ops, expected one of: \[shop\]/);
});

// A Chronos job's volume (a "Test mount" lens too): Chronos, not Marathon, places the job, with its own role and its own
// constraint operators (EQUALS, LIKE, UNLIKE; chronos-job.md §2). Placed as a Marathon app under Marathon's
// --mesos_role (DC/OS: slave_public), it got Marathon's refusal of EQUALS and only the public agent as candidate. Its
// constraints are Chronos's (cluster/src/placement/chronosPlacement.ts), as `dvdi-bridge dry-run --app` reads them.
test('a Chronos job is not placed by Marathon\'s rules: its candidates are the bridges Chronos\'s constraints allow', async () => {
  const m = await startMesosMaster({
    agents: [
      agent({ id: 'view-S0', hostname: '10.0.0.1', attributes: { dvdi: 'true' } }, 0),
      agent({ id: 'view-S1', hostname: '10.0.0.2', attributes: { dvdi: 'true' }, cpus: 2, mem: 0, reserved: { slave_public: 2 } }, 1),
    ],
  });
  masters.push(m);
  const marathon = await startStandinMarathon({ info: infoFor('1.10.26', { mesos_role: 'slave_public' }) });
  masters.push({ close: () => marathon.close() } as MesosMasterStandIn);
  const root = marathon.rootGroup();
  root.apps = [{ id: '/dvdi-bridge', instances: 2, role: '*', constraints: [['hostname', 'UNIQUE']] } as (typeof root.apps)[number]];
  marathon.setRootGroup(root);
  const now = new Date().toISOString();
  marathon.setTasks({ '/dvdi-bridge': [0, 1].map((i) => ({ id: `dvdi-bridge.instance-${i}`, appId: '/dvdi-bridge', host: `10.0.0.${i + 1}`, slaveId: `view-S${i}`, state: 'TASK_RUNNING', ports: [8474], servicePorts: [], ipAddresses: [], healthCheckResults: [], localVolumes: [], stagedAt: now, startedAt: now, version: now, role: '*' }) as MarathonTask) });
  const view = await fetchClusterView({ marathonUrl: marathon.url, mesosUrl: m.url, bridgeApp: '/dvdi-bridge' }, undefined, 2000);
  const job = (constraints?: unknown) => JSON.stringify({ name: 'backup', command: 'tar c /data', schedule: 'R/2026-12-01T00:00:00Z/PT24H', ...(constraints ? { constraints } : {}), container: { type: 'DOCKER', image: 'busybox', volumes: [{ containerPath: '/data', mode: 'RW', external: { name: 'backup', provider: 'rexray', options: [] } }] } }, null, 2);
  const at = '/container/volumes/0/external';
  const free = candidatesAt(view, job(), at, 'reserved');
  assert.deepEqual([free?.id, free?.candidates.candidates.map((b) => b.hostname), free?.candidates.problems, free?.candidates.undecided], ['backup', ['10.0.0.1', '10.0.0.2'], [], []]);
  const pinned = candidatesAt(view, job([['hostname', 'EQUALS', '10.0.0.2']]), at, 'reserved');
  assert.deepEqual([pinned?.candidates.candidates.map((b) => b.hostname), pinned?.candidates.problems, pinned?.candidates.undecided], [['10.0.0.2'], [], []]);
  assert.deepEqual(pinned?.candidates.excluded, [{ hostname: '10.0.0.1', reasons: ['["hostname","EQUALS","10.0.0.2"]: hostname is "10.0.0.1"'] }]);
  // An operator Chronos does not understand is dropped, as Chronos drops it, and said.
  const dropped = candidatesAt(view, job([['hostname', 'UNIQUE']]), at, 'reserved');
  assert.deepEqual(dropped?.candidates.candidates.map((b) => b.hostname), ['10.0.0.1', '10.0.0.2']);
  assert.match(dropped?.candidates.notes?.join('\n') ?? '', /Chronos drops the constraints \["hostname","UNIQUE"\]/);
  // No agent matches: the warning is in Chronos's terms (Chronos places the job; it has no Marathon role).
  const nowhere = candidatesAt(view, job([['hostname', 'EQUALS', '10.9.9.9']]), at, 'reserved');
  assert.deepEqual(nowhere?.candidates.candidates, []);
  const said = noCandidateWarning(nowhere!);
  assert.match(said, /^No agent Chronos could run the job backup on runs a bridge \(2 agents excluded by its EQUALS, LIKE or UNLIKE constraints or the Mesos master's region; 0 candidates/);
  assert.doesNotMatch(said, /Marathon could place|this app|roles/);
  // The same volume in a Marathon app is still placed by Marathon's rules (here: slave_public, reserved only).
  const app = JSON.stringify({ id: '/backup', cmd: 'sleep 1', container: { type: 'DOCKER', docker: { image: 'busybox' }, volumes: [{ containerPath: '/data', mode: 'RW', external: { name: 'backup', provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }] } });
  assert.deepEqual(candidatesAt(view, app, at, 'reserved')?.candidates.candidates.map((b) => b.hostname), ['10.0.0.2']);
  assert.equal(candidatesAt(view, app, '/no/volume', 'reserved'), undefined);
  const appNowhere = candidatesAt(view, JSON.stringify({ ...JSON.parse(app), constraints: [['hostname', 'CLUSTER', '10.9.9.9']] }), at, 'reserved');
  assert.match(noCandidateWarning(appNowhere!), /^No agent Marathon could place this app on runs a bridge \(2 agents excluded by its constraints, roles or region/);
});
