/**
 * A bridge killed inside its state dir lock (journal/stateDirLock.ts: the record is written to
 * `.bridge.lock-<pid>-<uuid>` and linked into place) leaves that temp file behind. Before, nothing removed it, and
 * every kill during a start (systemd restarting a bridge that is killed again and again) added one. The next bridge
 * now removes each whose process is gone, and only those: a live pid may be another bridge between its write and
 * its link. Real processes: the bundled `serve` (agent-bridge/dist/bridge.cjs, `npm run build` first), killed with -9
 * inside its lock, on a state dir and ports of this test's own.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startServe } from '../serveProcess';
import { lockTestBed, needsBundle, stopProcess } from './lockTestBed';

const KILLS = 8;

describe('record temp files a bridge killed inside its state dir lock left', { skip: needsBundle }, () => {
  const { argv, fresh } = lockTestBed('dvdi-locktemps-');
  const temps = (stateDir: string) => readdirSync(stateDir).filter((n) => n.startsWith('.bridge.lock-'));

  it('are removed by the next bridge when their process is gone; one of a live process is kept', async () => {
    const stateDir = fresh('by-hand');
    const dead = spawnSync('true').pid; // exited and reaped: a bridge killed with -9
    const live = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      await new Promise((r) => live.once('spawn', r));
      const record = (pid: number) => JSON.stringify({ pid, start: '1', since: '2026-01-01T00:00:00.000Z' }) + '\n';
      writeFileSync(join(stateDir, `.bridge.lock-${dead}-0b4c6f1e-2d3a-4e5f-8a9b-1c2d3e4f5a6b`), record(dead));
      writeFileSync(join(stateDir, `.bridge.lock-${live.pid}-7e8f9a0b-1c2d-4e3f-9a8b-7c6d5e4f3a2b`), record(live.pid!));
      writeFileSync(join(stateDir, 'bridge.lock'), record(dead));
      const s = await startServe(argv(stateDir));
      try {
        assert.deepEqual(temps(stateDir), [`.bridge.lock-${live.pid}-7e8f9a0b-1c2d-4e3f-9a8b-7c6d5e4f3a2b`]);
        assert.equal((JSON.parse(readFileSync(join(stateDir, 'bridge.lock'), 'utf8')) as { pid: number }).pid, s.proc.pid);
      } finally {
        await stopProcess(s.proc);
      }
    } finally {
      live.kill();
    }
  });

  it(`after ${KILLS} bridges killed (-9) the moment their temp file appears, the next bridge leaves none of theirs`, async () => {
    const stateDir = fresh('killed');
    const left = new Set<string>();
    for (let k = 0; k < KILLS; k++) {
      const p = spawn(process.execPath, argv(stateDir), { stdio: 'ignore' });
      const exited = new Promise((r) => p.once('exit', r));
      // inotify tells us of the file as it is created: the kill lands between its write and its removal.
      const w = watch(stateDir, (_, f) => {
        if (f?.startsWith('.bridge.lock-')) p.kill('SIGKILL');
      });
      await exited;
      w.close();
      for (const t of temps(stateDir)) left.add(t);
    }
    assert.ok(left.size > 0, 'at least one kill landed inside the lock and left its temp file (else this test proves nothing)');
    const next = await startServe(argv(stateDir));
    try {
      assert.deepEqual(temps(stateDir), [], `left by the kills: ${[...left].join(', ')}`);
    } finally {
      await stopProcess(next.proc);
    }
  });
});
