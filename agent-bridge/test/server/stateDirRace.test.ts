/**
 * Two `dvdi-bridge serve` started at the same instant on one state dir whose lock was left by a bridge killed with -9
 * (systemd restarting the unit while an operator starts one by hand, or two restart scripts): exactly one may take
 * the state dir, the other must stop at once with the one line twoBridges.test.ts pins, naming the one that runs.
 * Before, both judged the left lock stale and took it over: the slower one's unlink removed the faster one's fresh
 * lock and both ran, on one local driver socket and one journal (journal/stateDirLock.ts). The race is timing, so
 * it runs many rounds. Real processes: the bundled `serve` (agent-bridge/dist/bridge.cjs, `npm run build` first),
 * each pair on a state dir of its own with ports the OS picks, so other bridge tests may run beside it.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lockTestBed, needsBundle } from './lockTestBed';

const ROUNDS = 40;

/** How one `serve` ended up: listening (still running) or exited, with what it printed. */
interface Outcome {
  pid: number;
  listening: boolean;
  status: number | null;
  stdout: string;
  stderr: string;
  stop(): Promise<void>;
}

function serveOnce(argv: string[]): Promise<Outcome> {
  const p = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((r) => p.once('exit', () => r()));
  const stop = async () => {
    if (p.exitCode === null && p.signalCode === null) p.kill('SIGTERM');
    await exited;
  };
  return new Promise((res) => {
    const timer = setTimeout(() => res({ pid: p.pid!, listening: false, status: null, stdout, stderr: `${stderr}\n(neither listening nor exited within 20 s)`, stop }), 20_000);
    p.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (/^dvdi-bridge listening on /m.test(stdout)) {
        clearTimeout(timer);
        res({ pid: p.pid!, listening: true, status: null, stdout, stderr, stop });
      }
    });
    p.once('exit', (code) => {
      clearTimeout(timer);
      res({ pid: p.pid!, listening: false, status: code, stdout, stderr, stop });
    });
  });
}

describe('two bridges started at the same instant on a state dir whose lock a killed bridge left', { skip: needsBundle }, () => {
  const { dir, argv: serveArgv } = lockTestBed('dvdi-lockrace-');
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  it(`exactly one runs, the other exits 2 naming it (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const stateDir = mkdtempSync(join(dir, `state-${round}-`));
      // The killed bridge's record: a pid that has exited (spawnSync has reaped it), as a -9 leaves it.
      const dead = spawnSync('true').pid;
      writeFileSync(join(stateDir, 'bridge.lock'), JSON.stringify({ pid: dead, start: '1', since: '2026-01-01T00:00:00.000Z' }) + '\n');
      const argv = serveArgv(stateDir);
      const both = await Promise.all([serveOnce(argv), serveOnce(argv)]);
      try {
        const running = both.filter((o) => o.listening);
        const shown = `round ${round}: ${JSON.stringify(both.map(({ pid, listening, status, stdout, stderr }) => ({ pid, listening, status, stdout, stderr })), null, 1)}`;
        assert.equal(running.length, 1, `exactly one bridge runs on the state dir; ${shown}`);
        const [winner] = running;
        const loser = both.find((o) => o !== winner)!;
        assert.equal(loser.status, 2, shown);
        assert.equal(loser.stdout, '', shown);
        const lines = loser.stderr.trim().split('\n').filter((l) => !l.startsWith('{'));
        assert.equal(lines.length, 1, shown);
        assert.match(lines[0]!, new RegExp(`^dvdi-bridge: --state-dir ${esc(stateDir)} is in use by another dvdi-bridge \\(pid ${winner!.pid}, running since \\d{4}-`), shown);
        assert.equal((JSON.parse(readFileSync(join(stateDir, 'bridge.lock'), 'utf8')) as { pid: number }).pid, winner!.pid, shown);
      } finally {
        await Promise.all(both.map((o) => o.stop()));
      }
    }
  });
});
