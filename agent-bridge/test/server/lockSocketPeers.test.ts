/**
 * Whoever connects to a running bridge's state dir lock socket (journal/stateDirSocket.ts), and a holder that stops
 * answering or dies while it is asked. Real processes throughout: the bundled `serve` (agent-bridge/dist/bridge.cjs,
 * `npm run build` first), stopped with SIGSTOP and killed with SIGKILL as an agent's supervisor or an operator would,
 * and plain clients of the abstract socket, each on a state dir and ports of this test's own.
 * - A peer that connects and keeps its end open (a `socat`/`nc -U` an operator left running, a Python probe, a second
 *   bridge stopped mid-question): the bridge answered SIGTERM with "shutting-down" and then never exited, because
 *   closing the lock socket waited for that connection to end.
 * - A second bridge that asks a holder which is killed before it answers (its question still in the holder's
 *   backlog): it refused with "locked by a process that does not answer as a dvdi-bridge" although the name was
 *   free by then and no other process held the state dir; it must take the state dir.
 * - A holder bridge that is frozen (SIGSTOP, a cgroup freezer, `docker pause`): the second bridge said "a process
 *   that does not answer as a dvdi-bridge" of a bridge whose live record is in bridge.lock; it must name that bridge.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { stateDirSocketName } from '../../src/journal/stateDirSocket';
import { startServe } from '../serveProcess';
import { lockTestBed, needsBundle, processOutcome, stopProcess } from './lockTestBed';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('peers of the state dir lock socket', { skip: needsBundle }, () => {
  const { argv, fresh } = lockTestBed('dvdi-lockpeers-');

  it('a connection left open does not keep the bridge from exiting on SIGTERM', async () => {
    const stateDir = fresh('open-peer');
    const s = await startServe(argv(stateDir));
    // allowHalfOpen: like a peer that does not close when the bridge ends its side (Python, socat, nc -U).
    const peer = createConnection({ path: await stateDirSocketName(stateDir), allowHalfOpen: true });
    try {
      const answer = await new Promise<string>((res, rej) => {
        let text = '';
        peer.on('data', (d) => (text += d.toString()));
        peer.once('end', () => res(text));
        peer.once('error', rej);
      });
      assert.equal((JSON.parse(answer) as { pid: number }).pid, s.proc.pid);
      s.proc.kill('SIGTERM');
      const code = await Promise.race([s.exited, new Promise((r) => setTimeout(() => r('still running 10 s after SIGTERM'), 10_000))]);
      assert.equal(code, 0, JSON.stringify(s.logs.slice(-3)));
      assert.equal(existsSync(join(stateDir, 'bridge.lock')), false);
    } finally {
      peer.destroy();
      await stopProcess(s.proc, 'SIGKILL');
    }
  });

  it('a holder killed while a second bridge waits for its answer leaves the state dir to that bridge', async () => {
    const stateDir = fresh('killed-holder');
    const first = await startServe(argv(stateDir));
    first.proc.kill('SIGSTOP'); // its lock socket still listens; the second bridge's question waits in its backlog
    const second = spawn(process.execPath, argv(stateDir), { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const ended = processOutcome(second, 15_000);
      await new Promise((r) => setTimeout(r, 1_500)); // well inside the second one's 5 s wait for the answer
      first.proc.kill('SIGKILL');
      const o = await ended;
      assert.ok(o.running && /^dvdi-bridge listening on /m.test(o.stdout), `the second bridge serves; ${JSON.stringify(o)}`);
      assert.equal((JSON.parse(readFileSync(join(stateDir, 'bridge.lock'), 'utf8')) as { pid: number }).pid, second.pid);
    } finally {
      await stopProcess(first.proc, 'SIGKILL');
      await stopProcess(second);
    }
  });

  it('a frozen holder bridge is named from its bridge.lock record, not taken for a stranger', async () => {
    const stateDir = fresh('frozen-holder');
    const first = await startServe(argv(stateDir));
    first.proc.kill('SIGSTOP');
    try {
      const second = spawn(process.execPath, argv(stateDir), { stdio: ['ignore', 'pipe', 'pipe'] });
      const o = await processOutcome(second, 15_000);
      await stopProcess(second, 'SIGKILL');
      assert.equal(o.status, 2, JSON.stringify(o));
      const lines = o.stderr.trim().split('\n').filter((l) => !l.startsWith('{'));
      assert.equal(lines.length, 1, o.stderr);
      assert.match(lines[0]!, new RegExp(`^dvdi-bridge: --state-dir ${esc(stateDir)} is in use by another dvdi-bridge \\(pid ${first.proc.pid}, running since \\d{4}-`));
    } finally {
      first.proc.kill('SIGCONT');
      await stopProcess(first.proc);
    }
  });
});
