// `dvdi-bridge scale` and `dvdi-bridge dry-run --app` end to end: the stand-in Mesos master and Marathon, real
// bridges on loopback for agents in zones a and b (one whose attach fails, one without the driver, one without
// the dvdi attribute and no bridge), driven through the built CLI as a user runs it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { startLab, type Lab } from './lab';
import { infoFor, startStandinMarathon, type StandinMarathon } from '../standins/marathon/standin';
import { setBridgeApp, setBridgeTasks } from './bridgeApp';
import { startMesosMaster } from '../standins/mesos-master/server';
import { agent } from '../standins/mesos-master/agents';

const BRIDGE = join(import.meta.dirname, '../../agent-bridge/dist/bridge.cjs');
let lab: Lab;
let marathon: StandinMarathon;
const BRIDGE_APP = { id: '/dvdi-bridge', instances: 2, constraints: [['hostname', 'UNIQUE'], ['dvdi', 'IS', 'true']], healthChecks: [{ protocol: 'MESOS_HTTP', path: '/healthz', portIndex: 0 }] };

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BRIDGE, ...args], { timeout: 60_000 }, (e, stdout, stderr) => resolve({ code: e ? ((e as { code?: number }).code ?? 1) : 0, stdout, stderr }));
  });
}

before(async () => {
  lab = await startLab([
    { zone: 'a', rexray: 'ok', attributes: { dvdi: 'true', rack: 'r1' } },
    { zone: 'a', rexray: 'ok', attributes: { dvdi: 'true', rack: 'r2' } },
    { zone: 'b', rexray: 'error500', attributes: { dvdi: 'true', rack: 'r3' } },
    { zone: 'b', rexray: 'none', attributes: { dvdi: 'true', rack: 'r4' } },
    { zone: 'b', rexray: 'ok', attributes: { rack: 'r5' }, bridge: false },
  ]);
  // A Marathon with --mesos_role "*" (its default). Marathon's example info.json says DC/OS's "slave_public", under which an
  // app without role runs as slave_public (RoleSettings.scala), and which unreserved resources it takes depends on a flag
  // /v2/info does not report (test/cluster/defaultRole.test.ts).
  marathon = await startStandinMarathon({ info: infoFor('1.10.26', { mesos_role: '*' }) });
  setBridgeApp(marathon, BRIDGE_APP);
  setBridgeTasks(marathon, lab);
});
after(async () => {
  await marathon?.close();
  await lab?.close();
});

const cluster = () => ['--marathon', marathon.url, '--mesos', lab.master.url];
const puts = () => marathon.requests.filter((r) => r.method === 'PUT').map((r) => [r.path + r.query, JSON.parse(r.body)]);

test('scale: says what it would do, sets instances to the matching agents, then is idempotent', async () => {
  const dry = await cli(['scale', ...cluster(), '--app', '/dvdi-bridge', '--dry-run']);
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, /^\/dvdi-bridge: would set instances 2 → 4 \(4 of 5 agents match\); --dry-run: nothing sent$/m);
  assert.match(dry.stdout, /left out 127\.0\.0\.15: \["dvdi","IS","true"\]: the agent has no attribute "dvdi"/);
  assert.equal(puts().length, 0);
  const set = await cli(['scale', ...cluster(), '--app', 'dvdi-bridge']);
  assert.equal(set.code, 0, set.stderr);
  assert.match(set.stdout, /^\/dvdi-bridge: set instances 2 → 4 \(4 of 5 agents match; deployment [0-9a-f-]{36}\)$/m);
  assert.deepEqual(puts(), [['/v2/apps/dvdi-bridge', { instances: 4 }]]);
  const again = await cli(['scale', ...cluster(), '--app', '/dvdi-bridge', '--json']);
  assert.equal(again.code, 0);
  const report = JSON.parse(again.stdout);
  assert.deepEqual([report.changed, report.instances, report.matching.length], [false, { before: 4, after: 4 }, 4]);
  assert.equal(puts().length, 1, 'nothing sent when the count is right');
});

test('scale: a deployment lock is a clear error; --force overrides it', async () => {
  setBridgeApp(marathon, { ...BRIDGE_APP, instances: 9 });
  // Marathon's answer while a deployment holds the app (marathon-api.md §12), on the PUT only.
  marathon.setFault({ kind: 'status', status: 409, body: { message: "App is locked by one or more deployments. Override with the option '?force=true'. View details at '/v2/deployments/<DEPLOYMENT_ID>'.", deployments: [{ id: '97c136bf-5a28-4821-9d94-480d9fbb01c8' }] } }, '/v2/apps/dvdi-bridge', 'PUT');
  const locked = await cli(['scale', ...cluster(), '--app', '/dvdi-bridge']);
  assert.equal(locked.code, 2);
  assert.match(locked.stderr, /^dvdi-bridge: http:\/\/127\.0\.0\.1:\d+\/v2\/apps\/dvdi-bridge\S*: .*409.*App is locked by one or more deployments.*use --force to override it/m);
  assert.doesNotMatch(locked.stderr, /\n\s+at /, 'no stack trace');
  marathon.setFault(undefined);
  const forced = await cli(['scale', ...cluster(), '--app', '/dvdi-bridge', '--force']);
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(forced.stdout, /set instances 9 → 4/);
  assert.match(String(puts().at(-1)![0]), /^\/v2\/apps\/dvdi-bridge\?(.*&)?force=true/);
  setBridgeApp(marathon, BRIDGE_APP);
});

test('scale: a constraint it cannot evaluate (a Java-only regex) changes nothing instead of scaling the bridges away', async () => {
  // `++` is a possessive quantifier: valid for Marathon's java.util.regex, which every lab agent matches.
  setBridgeApp(marathon, { ...BRIDGE_APP, instances: 4, constraints: [...BRIDGE_APP.constraints, ['hostname', 'LIKE', '127\\.0\\.0\\.1[0-9]++']] });
  const before = puts().length;
  for (const extra of [[], ['--dry-run']]) {
    const r = await cli(['scale', ...cluster(), '--app', '/dvdi-bridge', ...extra]);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /^scale: cannot count the matching agents: \["hostname","LIKE","127\\\\\.0\\\\\.0\\\\\.1\[0-9\]\+\+"\]: .*not a regular expression this tool can evaluate: it uses Java-only syntax.*; \/dvdi-bridge keeps 4 instances\./m);
  }
  assert.equal(puts().length, before, 'nothing sent to Marathon');
  setBridgeApp(marathon, BRIDGE_APP);
});

test('scale: a master whose /master/state does not answer in time, with agents in two regions, changes nothing', async () => {
  // One more dvdi agent, in another region than the master's: Marathon declines its offers (mesos-master-api.md §4).
  const far = agent({ id: 'lab-agent-S9', hostname: '127.0.0.19', attributes: { dvdi: 'true' }, region: 'us', zone: 'c' }, 9);
  const slow = await startMesosMaster({ agents: [...lab.agents.map((a) => a.mesos), far], domain: { region: 'eu', zone: 'a' }, stateDelayMs: 5_000 });
  try {
    setBridgeApp(marathon, { ...BRIDGE_APP, instances: 4 });
    const before = puts().length;
    const r = await cli(['scale', '--marathon', marathon.url, '--mesos', slow.url, '--marathon-timeout', '1', '--app', '/dvdi-bridge']);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /^scale: cannot count the matching agents: the Mesos master's region is unknown \(GET .*\/master\/state: no complete answer within 1 s\) while the agents are in regions eu, us: .*; \/dvdi-bridge keeps 4 instances\./m);
    assert.equal(puts().length, before, 'nothing sent to Marathon (5 instances would leave a deployment that never finishes)');
  } finally {
    await slow.close();
    setBridgeApp(marathon, BRIDGE_APP);
  }
});

test('scale: on DC/OS a public agent (resources reserved for slave_public) is not counted for an app without acceptedResourceRoles', async () => {
  // DC/OS runs Marathon with --mesos_role slave_public and --accepted_resource_roles_default_behavior unreserved, so a
  // root app has role slave_public yet accepts only unreserved resources; Marathon's own default would accept both.
  const pub = agent({ id: 'lab-agent-S8', hostname: '127.0.0.18', attributes: { dvdi: 'true' }, region: 'eu', zone: 'a', cpus: 4, mem: 0, reserved: { slave_public: 4 } }, 8);
  const master = await startMesosMaster({ agents: [...lab.agents.map((a) => a.mesos), pub], domain: { region: 'eu', zone: 'a' } });
  try {
    setBridgeApp(marathon, { ...BRIDGE_APP, instances: 4, role: 'slave_public' });
    const before = puts().length;
    const r = await cli(['scale', '--marathon', marathon.url, '--mesos', master.url, '--app', '/dvdi-bridge', '--dry-run']);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /^scale: cannot count the matching agents: .*127\.0\.0\.18 offers only resources reserved for its role "slave_public".*; \/dvdi-bridge keeps 4 instances\./m);
    assert.doesNotMatch(r.stdout, /→ 5/);
    // Told Marathon's --accepted_resource_roles_default_behavior (MarathonConf.defaultAcceptedResourceRolesSet), scale
    // counts as that Marathon places: unreserved (DC/OS) leaves the public agent out, reserved takes only it.
    const told = (b: string) => cli(['scale', '--marathon', marathon.url, '--mesos', master.url, '--app', '/dvdi-bridge', '--dry-run', '--accepted-resource-roles-default-behavior', b]);
    const unreserved = await told('unreserved');
    assert.equal(unreserved.code, 0, unreserved.stdout + unreserved.stderr);
    assert.match(unreserved.stdout, /^\/dvdi-bridge: 4 instances, one per matching agent \(4 of 6\); nothing changed$/m);
    const reserved = await told('reserved');
    assert.equal(reserved.code, 0, reserved.stdout + reserved.stderr);
    assert.match(reserved.stdout, /^\/dvdi-bridge: would set instances 4 → 1 \(1 of 6 agents match\); --dry-run: nothing sent$/m);
    const bad = await told('reserve');
    assert.equal(bad.code, 2, bad.stdout + bad.stderr);
    assert.match(bad.stderr, /--accepted-resource-roles-default-behavior: Setting reserve is invalid\. Valid settings are any, unreserved, reserved/);
    setBridgeApp(marathon, { ...BRIDGE_APP, instances: 4, role: 'slave_public', acceptedResourceRoles: ['*'] });
    const explicit = await cli(['scale', '--marathon', marathon.url, '--mesos', master.url, '--app', '/dvdi-bridge', '--dry-run']);
    assert.equal(explicit.code, 0, explicit.stdout + explicit.stderr);
    assert.match(explicit.stdout, /^\/dvdi-bridge: 4 instances, one per matching agent \(4 of 6\); nothing changed$/m);
    assert.equal(puts().length, before, 'nothing sent to Marathon');
  } finally {
    await master.close();
    setBridgeApp(marathon, BRIDGE_APP);
  }
});

test('scale: right after a master failover (agents not re-registered yet) it does not scale the bridges down', async () => {
  // A newly elected master: no agent has re-registered, the registry's agents are in recovered_slaves (mesos-master-api.md §1-§2).
  const fresh = await startMesosMaster({ agents: [], recovered: lab.agents.map((a) => a.mesos), domain: { region: 'eu', zone: 'a' } });
  try {
    setBridgeApp(marathon, { ...BRIDGE_APP, instances: 4 });
    const before = puts().length;
    const r = await cli(['scale', '--marathon', marathon.url, '--mesos', fresh.url, '--app', '/dvdi-bridge']);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /^scale: 5 agents known to the master have not re-registered yet \(recovered_slaves: 127\.0\.0\.11, .*\); scaling \/dvdi-bridge down from 4 to 0 now would kill bridges on agents about to return, so nothing changed/m);
    assert.equal(puts().length, before, 'nothing sent to Marathon');
  } finally {
    await fresh.close();
    setBridgeApp(marathon, BRIDGE_APP);
  }
});

test('scale: when no agent matches the constraints it refuses to scale the bridges to 0 and changes nothing', async () => {
  const constraints = [...BRIDGE_APP.constraints, ['rack', 'IS', 'r9']];
  setBridgeApp(marathon, { ...BRIDGE_APP, instances: 4, constraints });
  try {
    const before = puts().length;
    for (const extra of [[], ['--dry-run'], ['--json'], ['--force']]) {
      const r = await cli(['scale', ...cluster(), '--app', '/dvdi-bridge', ...extra]);
      assert.equal(r.code, 2, extra.join(' ') + r.stdout + r.stderr);
      assert.match(r.stderr, /^scale: no agent matches \/dvdi-bridge: 0 of 5 agents seen pass its constraints \[\["hostname","UNIQUE"\],\["dvdi","IS","true"\],\["rack","IS","r9"\]\] .*; scaling to 0 would remove every bridge, so \/dvdi-bridge keeps 4 instances/m);
      assert.match(r.stderr, /left out 127\.0\.0\.11: \["rack","IS","r9"\]: /);
      assert.doesNotMatch(r.stdout, /→ 0/);
    }
    assert.equal(puts().length, before, 'nothing sent to Marathon');
  } finally {
    setBridgeApp(marathon, BRIDGE_APP);
  }
});

test('scale: a fractional --marathon-timeout (1.001 s) times out as asked, not with Node\'s "delay" RangeError', async () => {
  // A server that accepts and never answers.
  const silent = createServer((s) => s.on('error', () => {}));
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  try {
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const r = await cli(['scale', '--marathon', url, '--mesos', url, '--marathon-timeout', '1.001', '--app', '/dvdi-bridge']);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /^dvdi-bridge: (http:\/\/127\.0\.0\.1:\d+\/v2\/apps\/dvdi-bridge: no answer within 1 s \(--marathon-timeout\)|GET http:\/\/127\.0\.0\.1:\d+\/master\/slaves: no complete answer within 1\.001 s)$/m);
    assert.doesNotMatch(r.stderr, /delay|RangeError|\d\.\d{6,}/);
  } finally {
    silent.close();
  }
});

const appFile = (name: string, app: object) => {
  const f = join(lab.dir, name);
  writeFileSync(f, JSON.stringify(app, null, 2));
  return f;
};
const dataApp = (constraints: unknown[]) => ({
  id: '/shop/db',
  cpus: 1,
  mem: 512,
  constraints,
  container: { type: 'MESOS', volumes: [{ containerPath: 'data', mode: 'RW', external: { name: 'data', provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }] },
});

test('dry-run --app: one candidate by default, found through Marathon and the master', async () => {
  const f = appFile('db.json', dataApp([['rack', 'LIKE', 'r[0-9]']]));
  const r = await cli(['dry-run', '--app', f, ...cluster(), '--token-file', lab.tokenFile]);
  assert.equal(r.code, 0, r.stderr + r.stdout);
  assert.match(r.stdout, /^\/shop\/db: 4 candidate agents with a bridge \(of 5 agents\)$/m);
  assert.match(r.stdout, /no bridge on candidate 127\.0\.0\.15 \(\/dvdi-bridge has no running task there; run dvdi-bridge scale\)/);
  assert.match(r.stdout, /^ {2}127\.0\.0\.11\s+zone a\s+rexray\/data\s+mounted-and-released\s+\d+ ms/m);
  assert.match(r.stdout, /^rexray\/data mounts on 127\.0\.0\.11 in zone a$/m);
});

test('dry-run --app --all --json: one object per candidate, and what differs between agents', async () => {
  const f = appFile('db.json', dataApp([['dvdi', 'IS', 'true']]));
  const r = await cli(['dry-run', '--app', f, ...cluster(), '--token-file', lab.tokenFile, '--all', '--json']);
  assert.equal(r.code, 1, 'a candidate where it does not mount is exit 1');
  const rows = JSON.parse(r.stdout) as { agent: string; hostname: string; zone: string; verdict: string; ms: number; volume: { driver: string; name: string } }[];
  assert.deepEqual(rows.map((x) => [x.hostname, x.zone, x.verdict, x.volume.name]), [
    ['127.0.0.11', 'a', 'mounted-and-released', 'data'],
    ['127.0.0.12', 'a', 'mounted-and-released', 'data'],
    ['127.0.0.13', 'b', 'failed', 'data'],
    ['127.0.0.14', 'b', 'failed', 'data'],
  ]);
  for (const x of rows) assert.ok(x.agent.startsWith('lab-agent-S') && typeof x.ms === 'number');
  const text = await cli(['dry-run', '--app', f, ...cluster(), '--token-file', lab.tokenFile, '--all']);
  assert.match(text.stdout, /^rexray\/data mounts on 2 of 4 candidates; 127\.0\.0\.13 in zone b: failed \(.*backend exploded.*\); 127\.0\.0\.14 in zone b: failed \(no socket or spec for driver "rexray"/m);
  assert.match(text.stdout, /not a candidate: 127\.0\.0\.15: \["dvdi","IS","true"\]: the agent has no attribute "dvdi"/);
});

test('dry-run --app: a zone constraint narrows the candidates to where it mounts', async () => {
  const f = appFile('db-a.json', dataApp([['@zone', 'CLUSTER', 'a']]));
  const r = await cli(['dry-run', '--app', f, ...cluster(), '--token-file', lab.tokenFile, '--all']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^rexray\/data mounts on 2 of 2 candidates$/m);
});

test('dry-run --app: bad input and an unreachable cluster are one clear line, exit 2', async () => {
  const notJson = join(lab.dir, 'broken.json');
  writeFileSync(notJson, '{"id": "/x", ');
  const cases: [string[], RegExp][] = [
    [['--app', notJson, ...cluster(), '--token-file', lab.tokenFile], /--app .*broken\.json is not JSON/],
    [['--app', join(lab.dir, 'nope.json'), ...cluster(), '--token-file', lab.tokenFile], /cannot read it \(ENOENT\)/],
    [['--app', appFile('db.json', dataApp([])), '--marathon', 'http://127.0.0.1:1', '--mesos', lab.master.url, '--token-file', lab.tokenFile], /http:\/\/127\.0\.0\.1:1\/v2\/apps\/dvdi-bridge: .*refused/],
    [['--app', appFile('db.json', dataApp([])), ...cluster(), '--token-file', lab.tokenFile, '--bridge-app', '/nothere'], /v2\/apps\/nothere: HTTP 404: App '\/nothere' does not exist/],
    [['--app', appFile('db.json', dataApp([])), ...cluster()], /--token-file FILE \(the bridges' token\) is required/],
    [['--app', appFile('db.json', dataApp([])), ...cluster(), '--token-file', lab.tokenFile, '--bridge-app', 'Bad App'], /--bridge-app "Bad App" is not a Marathon app id/],
    // The two URLs swapped: each client says the other server answered, and which URL belongs where.
    [['--app', appFile('db.json', dataApp([])), '--marathon', lab.master.url, '--mesos', marathon.url, '--token-file', lab.tokenFile], /HTTP 404 with no body: this is not Marathon's API .*give Marathon's URL/],
    // A URL that does not parse is shown without its user:password.
    [['--app', appFile('db.json', dataApp([])), '--marathon', 'http://ops:s3cret-9f@127.0.0.1:99999', '--mesos', lab.master.url, '--token-file', lab.tokenFile], /--marathon "http:\/\/127\.0\.0\.1:99999" is not a URL/],
  ];
  for (const [args, want] of cases) {
    const r = await cli(['dry-run', ...args]);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, want);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.ok(!r.stderr.includes('s3cret-9f'), r.stderr);
  }
  // Saved with a byte-order mark (Windows editors): Marathon and marathon-lint read it, so dry-run --app does too.
  const bom = join(lab.dir, 'bom.json');
  writeFileSync(bom, '\uFEFF' + JSON.stringify(dataApp([['rack', 'LIKE', 'r[0-9]']])));
  const withBom = await cli(['dry-run', '--app', bom, ...cluster(), '--token-file', lab.tokenFile]);
  assert.equal(withBom.code, 0, withBom.stderr + withBom.stdout);
  assert.match(withBom.stdout, /^rexray\/data mounts on 127\.0\.0\.11 in zone a$/m);
  const none = await cli(['dry-run', '--app', appFile('plain.json', { id: '/plain', cmd: 'sleep 1' }), ...cluster(), '--token-file', lab.tokenFile]);
  assert.equal(none.code, 0);
  assert.match(none.stderr, /has no external volumes/);
});
