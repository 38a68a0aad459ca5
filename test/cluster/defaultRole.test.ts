// The role an app file without "role" runs under, as `dvdi-bridge dry-run --app` and `scale` place it, against the
// stand-in Marathon and Mesos master over real HTTP. From Marathon 1.9 an app without a role takes its top-level
// group's name when that group enforces its role, else --mesos_role (util/RoleSettings.scala forService; /v2/info's
// marathon_config.mesos_role, marathon-api.md §9; a group's enforceRole, marathon-api.md §5); before 1.9 there is no
// role. Its role decides which reserved resources it may use (mesos-master-api.md §5), so placing it as role "*"
// picks agents Marathon never uses for it, and misses the ones it does.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GroupInfo } from '@marathon-devtools/cluster/marathon/types';
import { startMesosMaster } from '../standins/mesos-master/server';
import { agent } from '../standins/mesos-master/agents';
import { infoFor, startStandinMarathon } from '../standins/marathon/standin';

const BRIDGE = join(import.meta.dirname, '../../agent-bridge/dist/bridge.cjs');
const cli = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((resolve) => execFile(process.execPath, [BRIDGE, ...args], { timeout: 60_000 }, (e, stdout, stderr) => resolve({ code: e ? ((e as { code?: number }).code ?? 1) : 0, stdout, stderr })));

// Three agents: unreserved resources only; resources reserved for "shop" only; reserved for "ops" only.
const master = await startMesosMaster({
  agents: [
    agent({ id: 'role-S1', hostname: '10.0.3.1', attributes: { dvdi: 'true' } }, 1),
    agent({ id: 'role-S2', hostname: '10.0.3.2', attributes: { dvdi: 'true' }, cpus: 4, mem: 0, reserved: { shop: 4 } }, 2),
    agent({ id: 'role-S3', hostname: '10.0.3.3', attributes: { dvdi: 'true' }, cpus: 4, mem: 0, reserved: { ops: 4 } }, 3),
  ],
});
const marathon = await startStandinMarathon();
const dir = mkdtempSync(join(tmpdir(), 'default-role-'));
const tokenFile = join(dir, 'tokens');
writeFileSync(tokenFile, 'default:0123456789abcdef0123456789abcdef\n', { mode: 0o600 });
after(async () => {
  await marathon.close();
  await master.close();
});

// The bridge app with no running task: every candidate is then listed as "no bridge on candidate", nothing mounts.
const BRIDGE_APP = { id: '/dvdi-bridge', instances: 1, role: '*', constraints: [['hostname', 'UNIQUE'], ['dvdi', 'IS', 'true']] };
const group = (id: string, enforceRole: boolean, apps: object[] = []): GroupInfo => ({ id, apps: apps as GroupInfo['apps'], pods: [], groups: [], dependencies: [], version: '2026-12-01T00:00:00.000Z', enforceRole });

function deploy(groups: GroupInfo[], apps: object[] = []): void {
  marathon.setRootGroup({ id: '/', apps: [BRIDGE_APP, ...apps] as GroupInfo['apps'], pods: [], groups, dependencies: [], version: '2026-12-01T00:00:00.000Z' });
}

let n = 0;
function appFile(app: Record<string, unknown>): string {
  const f = join(dir, `app-${n++}.json`);
  writeFileSync(f, JSON.stringify({ cpus: 0.1, mem: 64, constraints: [['dvdi', 'IS', 'true']], container: { type: 'MESOS', volumes: [{ containerPath: 'data', mode: 'RW', external: { name: 'data', provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }] }, ...app }));
  return f;
}

/** The candidates `dry-run --app` found (all without a bridge here), and its output. */
async function candidates(file: string, ...extra: string[]) {
  const r = await cli(['dry-run', '--app', file, '--marathon', marathon.url, '--mesos', master.url, '--token-file', tokenFile, ...extra]);
  const hosts = [...r.stdout.matchAll(/no bridge on candidate (\S+)/g)].map((m) => m[1]);
  return { ...r, hosts };
}

const vanilla = (version = '1.10.26', config: Record<string, unknown> = {}) => infoFor(version, { mesos_role: '*', new_group_enforce_role: 'Off', ...config });

test('dry-run --app: an app without role under a top-level group that enforces its role runs under the group\'s name', async () => {
  marathon.setInfo(vanilla());
  deploy([group('/shop', true)]);
  // Not deployed yet: its id names the top-level group, and the deployed /shop says it enforces its role.
  const f = appFile({ id: '/shop/db' });
  const reserved = await candidates(f, '--accepted-resource-roles-default-behavior', 'reserved');
  assert.deepEqual(reserved.hosts, ['10.0.3.2'], reserved.stdout + reserved.stderr);
  assert.match(reserved.stdout, /not a candidate: 10\.0\.3\.1: offers no resources for the accepted roles \["shop"\]/);
  // Said, since the file does not: which role, and why.
  assert.match(reserved.stderr, /^dry-run: \/shop\/db: no "role" in the definition: Marathon gives it role "shop" \(its top-level group \/shop enforces its role\)/m);
  const any = await candidates(f, '--accepted-resource-roles-default-behavior', 'any');
  assert.deepEqual(any.hosts, ['10.0.3.1', '10.0.3.2'], any.stdout + any.stderr);
  // Without the behaviour, the agents that depend on it are named as undecided for role "shop", not placed as "*".
  const unknown = await candidates(f);
  assert.match(unknown.stderr, /offers? only resources reserved for its role "shop"/);
  // The same group not enforcing: --mesos_role ("*"), whatever the behaviour.
  deploy([group('/shop', false)]);
  assert.deepEqual((await candidates(f, '--accepted-resource-roles-default-behavior', 'reserved')).hosts, ['10.0.3.1']);
});

test('dry-run --app: an app without role under a Marathon whose --mesos_role is not "*" runs under that role', async () => {
  marathon.setInfo(vanilla('1.10.26', { mesos_role: 'ops' }));
  deploy([group('/shop', false)]);
  for (const id of ['/db', '/shop/db']) {
    const r = await candidates(appFile({ id }), '--accepted-resource-roles-default-behavior', 'reserved');
    assert.deepEqual(r.hosts, ['10.0.3.3'], `${id}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, /no "role" in the definition: Marathon gives it role "ops" \(.*--mesos_role\)/);
  }
});

test('dry-run --app: before Marathon 1.9 an app has no role; --mesos_role and groups change nothing', async () => {
  marathon.setInfo(infoFor('1.8.232', { mesos_role: 'ops' }));
  deploy([group('/shop', false)]);
  const r = await candidates(appFile({ id: '/shop/db' }), '--accepted-resource-roles-default-behavior', 'reserved');
  assert.deepEqual(r.hosts, ['10.0.3.1'], r.stdout + r.stderr);
});

test('dry-run --app: a top-level group not deployed yet takes --new_group_enforce_role (1.9.100+)', async () => {
  marathon.setInfo(vanilla('1.10.26', { new_group_enforce_role: 'Top' }));
  deploy([]);
  const r = await candidates(appFile({ id: '/shop/db' }), '--accepted-resource-roles-default-behavior', 'reserved');
  assert.deepEqual(r.hosts, ['10.0.3.2'], r.stdout + r.stderr);
  marathon.setInfo(vanilla('1.10.26', { new_group_enforce_role: 'Off' }));
  assert.deepEqual((await candidates(appFile({ id: '/shop/db' }), '--accepted-resource-roles-default-behavior', 'reserved')).hosts, ['10.0.3.1']);
});

test('dry-run --app: a role the enforcing group does not allow is Marathon\'s refusal, said, and nothing is placed', async () => {
  marathon.setInfo(vanilla());
  deploy([group('/shop', true)]);
  const r = await candidates(appFile({ id: '/shop/db', role: 'ops' }), '--accepted-resource-roles-default-behavior', 'reserved');
  assert.deepEqual(r.hosts, [], r.stdout + r.stderr);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stderr, /\/shop\/db: Marathon refuses it: "role": got ops, expected one of: \[shop\]/);
  assert.match(r.stderr, /top-level group \/shop enforces its role/);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  // The role it is deployed with stays allowed (RoleSettings: maybeExistingRole).
  deploy([group('/shop', true, [{ id: '/shop/db', role: 'ops' }])]);
  assert.deepEqual((await candidates(appFile({ id: '/shop/db', role: 'ops' }), '--accepted-resource-roles-default-behavior', 'reserved')).hosts, ['10.0.3.3']);
});

test('dry-run --app: a group file places its apps as /v2/groups would: its own enforceRole decides', async () => {
  marathon.setInfo(vanilla());
  deploy([group('/shop', false)]);
  const f = join(dir, 'group.json');
  const app = { id: 'db', cpus: 0.1, mem: 64, container: { type: 'MESOS', volumes: [{ containerPath: 'data', mode: 'RW', external: { name: 'data', provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }] } };
  // PUT /v2/groups/shop with enforceRole: true (GroupNormalization.visitTopLevelGroup): the body's value, not the deployed one.
  writeFileSync(f, JSON.stringify({ id: '/shop', enforceRole: true, apps: [app] }));
  const r = await candidates(f, '--accepted-resource-roles-default-behavior', 'reserved');
  assert.deepEqual(r.hosts, ['10.0.3.2'], r.stdout + r.stderr);
});

test('dry-run --app: an app file for a deployed app without role keeps the role it is deployed with (PUT /v2/apps/{id})', async () => {
  // partialUpdate (PUT's default) merges the body into the stored app: no "role" keeps the stored one (AppConversion
  // `update.role.orElse(app.role)`; marathon-api.md §4), here "*" from before /shop enforced its role.
  marathon.setInfo(vanilla());
  deploy([group('/shop', true, [{ id: '/shop/db', role: '*' }])]);
  const r = await candidates(appFile({ id: '/shop/db' }), '--accepted-resource-roles-default-behavior', 'reserved');
  assert.deepEqual(r.hosts, ['10.0.3.1'], r.stdout + r.stderr);
  // Deployed with "shop" under a group that no longer enforces: still "shop", not --mesos_role.
  deploy([group('/shop', false, [{ id: '/shop/db', role: 'shop' }])]);
  const kept = await candidates(appFile({ id: '/shop/db' }), '--accepted-resource-roles-default-behavior', 'reserved');
  assert.deepEqual(kept.hosts, ['10.0.3.2'], kept.stdout + kept.stderr);
  assert.match(kept.stderr, /Marathon gives it role "shop" \(it is deployed with role "shop"/);
});

test('dry-run --app: Marathon 1.9.100 gives an app under a non-enforcing top-level group its name when --new_group_enforce_role is Top', async () => {
  // RoleSettings at v1.9.100 (`defaultRoleToUse = if (defaultForEnforceFromConfig) topLevelGroupRole else defaultRole`),
  // fixed in 1.9.109 (#7099).
  deploy([group('/shop', false)]);
  marathon.setInfo(vanilla('1.9.100', { new_group_enforce_role: 'Top' }));
  const r = await candidates(appFile({ id: '/shop/db' }), '--accepted-resource-roles-default-behavior', 'reserved');
  assert.deepEqual(r.hosts, ['10.0.3.2'], r.stdout + r.stderr);
  marathon.setInfo(vanilla('1.9.109', { new_group_enforce_role: 'Top' }));
  assert.deepEqual((await candidates(appFile({ id: '/shop/db' }), '--accepted-resource-roles-default-behavior', 'reserved')).hosts, ['10.0.3.1']);
});

test('dry-run --app: /v2/groups refused, too slow or too large: placed as before where the role does not depend on it, undecided where it does', async () => {
  marathon.setInfo(vanilla());
  deploy([group('/shop', true)]);
  const faults = [{ kind: 'status', status: 403, body: { message: 'Not Authorized to perform this action!' } }, { kind: 'slow', delayMs: 3000 }, { kind: 'huge', bytes: 40 * 1024 * 1024, declareLength: true }] as const;
  try {
    for (const fault of faults) {
      marathon.setFault(fault, '/v2/groups', 'GET');
      const started = Date.now();
      const direct = await candidates(appFile({ id: '/db' }), '--accepted-resource-roles-default-behavior', 'reserved', '--marathon-timeout', '1');
      assert.deepEqual(direct.hosts, ['10.0.3.1'], `${fault.kind}: ${direct.stdout}${direct.stderr}`);
      assert.ok(Date.now() - started < 20_000, `${fault.kind}: not waiting past the timeout`);
      const nested = await candidates(appFile({ id: '/shop/db' }), '--accepted-resource-roles-default-behavior', 'reserved', '--marathon-timeout', '1');
      assert.deepEqual(nested.hosts, [], `${fault.kind}: ${nested.stdout}${nested.stderr}`);
      assert.match(nested.stderr, /warning: 10\.0\.3\.1, 10\.0\.3\.2 are candidates under one of the roles Marathon may give the app only; it is not known whether \/shop\/db runs under its top-level group's name "shop" or --mesos_role "\*": the deployed groups could not be read \(http:\/\/127\.0\.0\.1:\d+\/v2\/groups/, `${fault.kind}: ${nested.stderr}`);
      assert.doesNotMatch(nested.stderr + direct.stderr, /\n\s+at |token=/, 'no stack trace, no token');
    }
  } finally {
    marathon.setFault(undefined);
  }
});

test('dry-run --app: acceptedResourceRoles beside the role Marathon gives: 1.10 refuses other roles, 1.9 drops them', async () => {
  deploy([group('/shop', true)]);
  const f = appFile({ id: '/shop/db', acceptedResourceRoles: ['ops', 'shop'] });
  // ResourceRole.validForRole (1.10): refused, nothing placed (not the "ops" agent 10.0.3.3).
  marathon.setInfo(vanilla('1.10.26'));
  const r = await candidates(f);
  assert.deepEqual(r.hosts, [], r.stdout + r.stderr);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stderr, /\/shop\/db: Marathon refuses it: "acceptedResourceRoles": acceptedResourceRoles can only contain \* and shop/);
  // 1.9: AppNormalization.sanitizeAcceptedResourceRoles keeps "*" and the app's role: "shop" only, said.
  marathon.setInfo(vanilla('1.9.109'));
  const kept = await candidates(f);
  assert.deepEqual(kept.hosts, ['10.0.3.2'], kept.stdout + kept.stderr);
  assert.match(kept.stderr, /drops "ops" from acceptedResourceRoles/);
});

test('scale: a deployed bridge app without a role reported is counted under --mesos_role', async () => {
  marathon.setInfo(vanilla('1.10.26', { mesos_role: 'ops' }));
  const { role: _role, ...noRole } = BRIDGE_APP;
  marathon.setRootGroup({ id: '/', apps: [noRole] as GroupInfo['apps'], pods: [], groups: [], dependencies: [], version: '2026-12-01T00:00:00.000Z' });
  const r = await cli(['scale', '--marathon', marathon.url, '--mesos', master.url, '--app', '/dvdi-bridge', '--dry-run', '--json', '--accepted-resource-roles-default-behavior', 'reserved']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).matching, ['10.0.3.3']);
});
