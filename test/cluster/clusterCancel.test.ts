// Ctrl-C during `dvdi-bridge dry-run --app --all`, at a random instant: every bridge is asked to cancel, the CLI
// exits 130 after they answer, and nothing stays mounted on any agent (/proc/self/mountinfo).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLab, type Lab } from './lab';
import { infoFor, startStandinMarathon, type StandinMarathon } from '../standins/marathon/standin';
import { setBridgeApp, setBridgeTasks } from './bridgeApp';

const BRIDGE = join(import.meta.dirname, '../../agent-bridge/dist/bridge.cjs');
let lab: Lab;
let marathon: StandinMarathon;

before(async () => {
  lab = await startLab([0, 1, 2].map((i) => ({ zone: i ? 'b' : 'a', rexray: 'slow' as const, delayMs: 1500, attributes: { dvdi: 'true' } })));
  // --mesos_role "*" (Marathon's default), not the example info.json's "slave_public" (see defaultRole.test.ts).
  marathon = await startStandinMarathon({ info: infoFor('1.10.26', { mesos_role: '*' }) });
  setBridgeApp(marathon, { id: '/dvdi-bridge', constraints: [['hostname', 'UNIQUE'], ['dvdi', 'IS', 'true']] });
  setBridgeTasks(marathon, lab);
});
after(async () => {
  await marathon?.close();
  await lab?.close();
});

const mountsUnder = (dir: string) => readFileSync('/proc/self/mountinfo', 'utf8').split('\n').filter((l) => l.split(' ')[4]?.startsWith(dir));

for (let round = 0; round < 3; round++) {
  test(`interrupted at a random instant (round ${round + 1}): exit 130, bridges cancel, nothing left mounted`, async () => {
    const app = join(lab.dir, 'slow.json');
    writeFileSync(app, JSON.stringify({ id: '/slow', cmd: 'x', container: { type: 'MESOS', volumes: [{ containerPath: 'd', mode: 'RW', external: { name: `v${round}`, provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }] } }));
    const p = spawn(process.execPath, [BRIDGE, 'dry-run', '--app', app, '--marathon', marathon.url, '--mesos', lab.master.url, '--token-file', lab.tokenFile, '--all', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    const exited = new Promise<number | null>((r) => p.on('exit', (c) => r(c)));
    await new Promise((r) => setTimeout(r, 400 + Math.floor(Math.random() * 900)));
    p.kill('SIGINT');
    const code = await exited;
    assert.deepEqual(mountsUnder(lab.dir), [], 'nothing stays mounted');
    // Before node has loaded the CLI the default action ends it (no output); after the runs it has finished (0).
    if (code === null && err === '') return;
    if (code === 0) return;
    assert.equal(code, 130, err);
    if (/before any dry run started/.test(err)) return;
    assert.match(err, /interrupted; asking the bridges to cancel/);
    const rows = JSON.parse(out) as { verdict: string }[];
    assert.equal(rows.length, 3);
    for (const r of rows) assert.ok(['cancelled', 'mounted-and-released'].includes(r.verdict), JSON.stringify(r));
    assert.deepEqual(mountsUnder(lab.dir), [], 'nothing stays mounted');
  });
}
