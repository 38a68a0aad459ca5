// `dvdi-bridge dry-run --app JOB` for a Chronos job (chronos-job.md): Chronos, not Marathon, places it, so the candidates
// are the agents Chronos could run it on: its own EQUALS/LIKE/UNLIKE semantics (a missing attribute passes no UNLIKE, a
// scalar reads as Java's Double.toString, other operators are dropped), and only agents of the master's region (Chronos
// is not region-aware, mesos-master-api.md §4). The stand-in Mesos master and Marathon, real bridges on loopback, the
// built CLI as a user runs it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLab, type Lab } from './lab';
import { infoFor, startStandinMarathon, type StandinMarathon } from '../standins/marathon/standin';
import { setBridgeApp, setBridgeTasks } from './bridgeApp';

const BRIDGE = join(import.meta.dirname, '../../agent-bridge/dist/bridge.cjs');
let lab: Lab;
let marathon: StandinMarathon;

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BRIDGE, ...args], { timeout: 60_000 }, (e, stdout, stderr) => resolve({ code: e ? ((e as { code?: number }).code ?? 1) : 0, stdout, stderr }));
  });
}

before(async () => {
  lab = await startLab([
    { zone: 'a', rexray: 'ok', attributes: { rack: 'r1', level: 10 } },
    { zone: 'a', rexray: 'ok', attributes: { rack: 'r2', dvdi: 'true' } },
    { zone: 'b', rexray: 'error500', attributes: { rack: 'r3', dvdi: 'true' } },
    { zone: 'a', region: 'us', rexray: 'ok', attributes: { rack: 'r1', dvdi: 'true' } },
  ]);
  marathon = await startStandinMarathon({ info: infoFor('1.10.26', { mesos_role: '*' }) });
  setBridgeApp(marathon, { id: '/dvdi-bridge', instances: 4, constraints: [['hostname', 'UNIQUE']] });
  setBridgeTasks(marathon, lab);
});
after(async () => {
  await marathon?.close();
  await lab?.close();
});

const jobFile = (name: string, constraints: unknown[]) => {
  const f = join(lab.dir, `${name}.json`);
  const job = { name, command: 'tar c /data', schedule: 'R/2026-12-01T00:00:00Z/PT24H', constraints, container: { type: 'MESOS', image: 'busybox', volumes: [{ containerPath: '/data', mode: 'RW', external: { name: 'data', provider: 'rexray', options: [] } }] } };
  writeFileSync(f, JSON.stringify(job, null, 2));
  return f;
};
const dryRun = (f: string, ...extra: string[]) => cli(['dry-run', '--app', f, '--marathon', marathon.url, '--mesos', lab.master.url, '--token-file', lab.tokenFile, '--all', ...extra]);
const rows = (stdout: string) => (JSON.parse(stdout) as { hostname: string; verdict: string; volume: { driver: string; name: string } }[]).map((r) => [r.hostname, `${r.volume.driver}/${r.volume.name}`, r.verdict]);

test('a Chronos job is dry-run on the agents Chronos could run it on: its LIKE, and the master\'s region only', async () => {
  const r = await dryRun(jobFile('nightly', [['rack', 'LIKE', 'r[12]']]), '--json');
  assert.equal(r.code, 0, r.stderr + r.stdout);
  // 127.0.0.14 (rack r1) is in region us, not the master's eu: the master never offers it to Chronos.
  assert.deepEqual(rows(r.stdout), [
    ['127.0.0.11', 'rexray/data', 'mounted-and-released'],
    ['127.0.0.12', 'rexray/data', 'mounted-and-released'],
  ]);
  assert.match(r.stderr, /^dry-run: nightly: a Chronos job: the candidates are the agents Chronos could run it on/m);
});

test('Chronos semantics, not Marathon\'s: UNLIKE fails on a missing attribute, other operators are dropped and said', async () => {
  const r = await dryRun(jobFile('unlike', [['dvdi', 'UNLIKE', 'false'], ['hostname', 'UNIQUE']]));
  assert.equal(r.code, 1, 'a candidate where it does not mount is exit 1');
  assert.match(r.stdout, /^unlike: 2 candidate agents with a bridge \(of 4 agents\)$/m);
  assert.match(r.stdout, /not a candidate: 127\.0\.0\.11: \["dvdi","UNLIKE","false"\]: the agent has no attribute "dvdi", which Chronos's UNLIKE never passes/);
  assert.match(r.stdout, /not a candidate: 127\.0\.0\.14: is in region "us", not the master's "eu"/);
  assert.match(r.stdout, /^rexray\/data mounts on 1 of 2 candidates; 127\.0\.0\.13 in zone b: failed \(.*backend exploded/m);
  assert.match(r.stderr, /Chronos drops the constraints \["hostname","UNIQUE"\] without a word/);
});

test('a scalar attribute reads as Java writes the double (10.0); EQUALS compares text only', async () => {
  const like = await dryRun(jobFile('level', [['level', 'LIKE', '10\\.0']]), '--json');
  assert.equal(like.code, 0, like.stderr + like.stdout);
  assert.deepEqual(rows(like.stdout), [['127.0.0.11', 'rexray/data', 'mounted-and-released']]);
  const equals = await dryRun(jobFile('level-equals', [['level', 'EQUALS', '10']]));
  assert.equal(equals.code, 1);
  assert.match(equals.stdout, /not a candidate: 127\.0\.0\.11: \["level","EQUALS","10"\]: level is 10 \(not text: Chronos compares ""\)/);
  assert.match(equals.stderr, /none of the 4 agents can take it, so nothing was tested/);
});
