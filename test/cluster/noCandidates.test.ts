// `dvdi-bridge dry-run --app` when no agent can take the app, against the stand-in Mesos master and Marathon over real
// HTTP: the line on stderr, the one a `--json` run prints too, says why (each agent's failed check, naming the
// constraint as the app writes it), and does not blame missing bridges, which only matter for agents that can take it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMesosMaster } from '../standins/mesos-master/server';
import { agent } from '../standins/mesos-master/agents';
import { infoFor, startStandinMarathon } from '../standins/marathon/standin';
import { setBridgeApp } from './bridgeApp';

const BRIDGE = join(import.meta.dirname, '../../agent-bridge/dist/bridge.cjs');
const cli = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((resolve) => execFile(process.execPath, [BRIDGE, ...args], { timeout: 60_000 }, (e, stdout, stderr) => resolve({ code: e ? ((e as { code?: number }).code ?? 1) : 0, stdout, stderr })));

const master = await startMesosMaster({
  agents: [
    agent({ hostname: '10.0.4.1', attributes: { rack: 'r1' }, region: 'eu', zone: 'a' }, 1),
    agent({ hostname: '10.0.4.2', attributes: { rack: 'r2' }, region: 'eu', zone: 'b' }, 2),
    agent({ hostname: '10.0.4.3', attributes: { rack: 'r9' }, region: 'eu', zone: 'b', active: false }, 3),
  ],
  domain: { region: 'eu', zone: 'a' },
});
const marathon = await startStandinMarathon({ info: infoFor('1.10.26', { mesos_role: '*' }) });
// The bridge app with no running task.
setBridgeApp(marathon, { id: '/dvdi-bridge', instances: 1, constraints: [['hostname', 'UNIQUE']] });
marathon.setTasks({ '/dvdi-bridge': [] });
const dir = mkdtempSync(join(tmpdir(), 'no-candidates-'));
const tokenFile = join(dir, 'tokens');
writeFileSync(tokenFile, 'default:0123456789abcdef0123456789abcdef\n', { mode: 0o600 });
after(async () => {
  await marathon.close();
  await master.close();
});

const appFile = (name: string, constraints: unknown[]) => {
  const f = join(dir, name);
  writeFileSync(f, JSON.stringify({ id: '/shop/db', cpus: 1, mem: 512, constraints, container: { type: 'MESOS', volumes: [{ containerPath: 'data', mode: 'RW', external: { name: 'data', provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }] } }));
  return f;
};
const run = (f: string, ...extra: string[]) => cli(['dry-run', '--app', f, '--marathon', marathon.url, '--mesos', master.url, '--token-file', tokenFile, ...extra]);

test('no agent passes the constraints: stderr names each agent with the constraint it fails, with and without --json', async () => {
  const f = appFile('none.json', [['rack', 'IS', 'r9']]);
  for (const extra of [[], ['--json']]) {
    const r = await run(f, ...extra);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /^dry-run: \/shop\/db: none of the 3 agents can take it, so nothing was tested: 10\.0\.4\.1: \["rack","IS","r9"\]: rack is "r1", not "r9"; 10\.0\.4\.2: \["rack","IS","r9"\]: rack is "r2", not "r9"; 10\.0\.4\.3: is not active \(disconnected, deactivated or draining\)$/m, extra.join(' '));
    assert.doesNotMatch(r.stderr, /runs a bridge/, 'no candidate lacks a bridge');
    if (extra.length > 0) assert.deepEqual(JSON.parse(r.stdout), []);
  }
});

test('candidates without a bridge are still said to lack one', async () => {
  const r = await run(appFile('some.json', [['rack', 'LIKE', 'r[12]']]));
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /^dry-run: \/shop\/db: no agent Marathon could place it on runs a bridge; nothing tested$/m);
  assert.doesNotMatch(r.stderr, /none of the/);
});

test('a LIKE/UNLIKE value Java refuses (JavaScript reads it as text) leaves no agent, saying Marathon refuses the app', async () => {
  // Java names index 3 for "r{1" (Pattern.closure stops past the digits: PatternSyntaxException.getIndex on OpenJDK 17).
  const r = await run(appFile('refused.json', [['rack', 'UNLIKE', 'r{1']]));
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /^dry-run: \/shop\/db: none of the 3 agents can take it, so nothing was tested: 10\.0\.4\.1: \["rack","UNLIKE","r\{1"\]: Marathon refuses the app: "r\{1" is not a valid regular expression \(Unclosed counted closure at index 3\); /m);
  assert.doesNotMatch(r.stdout + r.stderr, /no bridge on candidate/);
});

test('when the constraints cannot be evaluated, the line does not claim that no agent can take the app', async () => {
  // \p{Lower} is Java's class of lower-case letters; JavaScript without the `u` flag reads "p{Lower}" (javaPattern.ts).
  const r = await run(appFile('javaOnly.json', [['rack', 'LIKE', '\\p{Lower}+[0-9]']]));
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /^dry-run: \/shop\/db: warning: \["rack","LIKE","\\\\p\{Lower\}\+\[0-9\]"\]: .*not a regular expression this tool can evaluate/m);
  assert.match(r.stderr, /^dry-run: \/shop\/db: no agent of the 3 is known to take it \(see the warning above\), so nothing was tested: 10\.0\.4\.1: \["rack","LIKE",/m);
  assert.doesNotMatch(r.stderr, /none of the 3 agents can take it/);
});
