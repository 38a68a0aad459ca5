/**
 * The state dir lock (journal/stateDirLock.ts) left by a bridge killed with -9 must never keep the restarted bridge
 * from starting: that start is what releases the killed one's mounts (recover()). Two such leftovers whose pid and
 * start time still read as a live process: the restarted bridge itself (a reboot or a fresh pid namespace gave it the
 * killed one's pid, and /proc's start tick is as coarse as 10 ms), and a killed bridge its parent has not reaped yet (a
 * zombie keeps its /proc entry and start time). Real files, real processes, /proc as the kernel writes it.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { lockStateDir } from '../../src/dryrun/index';
import { processIdentity } from '../../src/engines/runProcess';
import { stateDirSocketName } from '../../src/journal/stateDirSocket';

const dir = mkdtempSync(join(tmpdir(), 'dvdi-statelock-'));
after(() => rm(dir, { recursive: true, force: true }));

const leftover = (stateDir: string, pid: number, start: string) =>
  writeFileSync(join(stateDir, 'bridge.lock'), JSON.stringify({ pid, start, since: '2026-01-01T00:00:00.000Z' }) + '\n');
const ownLock = (stateDir: string) => JSON.parse(readFileSync(join(stateDir, 'bridge.lock'), 'utf8')) as { pid: number };

describe('a state dir lock left by a killed bridge', () => {
  it('naming this very process (its pid and start time, reused after a reboot or in a new container) is taken over', async () => {
    const stateDir = mkdtempSync(join(dir, 'self-'));
    leftover(stateDir, process.pid, processIdentity(process.pid)!.startTime);
    const lock = await lockStateDir(stateDir);
    assert.equal(ownLock(stateDir).pid, process.pid);
    await lock.release();
  });

  it('naming a killed process its parent has not reaped yet (a zombie) is taken over', async () => {
    // `sh` starts a short `sleep` in the background and execs a long one, which never waits: the short one, ending
    // after the exec, stays a zombie.
    const parent = spawn('sh', ['-c', 'sleep 0.2 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const pid = Number(await new Promise<string>((r) => parent.stdout.once('data', (d: Buffer) => r(d.toString()))));
      let state = '';
      for (let i = 0; i < 200 && state !== 'Z'; i++) {
        await new Promise((r) => setTimeout(r, 20));
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
      }
      assert.equal(state, 'Z', 'the background child became a zombie');
      const stateDir = mkdtempSync(join(dir, 'zombie-'));
      leftover(stateDir, pid, processIdentity(pid)!.startTime);
      const lock = await lockStateDir(stateDir);
      assert.equal(ownLock(stateDir).pid, process.pid);
      await lock.release();
    } finally {
      parent.kill();
    }
  });

  it('naming a live process with that start time still holds the state dir', async () => {
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      await new Promise((r) => other.once('spawn', r));
      const stateDir = mkdtempSync(join(dir, 'live-'));
      leftover(stateDir, other.pid!, processIdentity(other.pid!)!.startTime);
      await assert.rejects(lockStateDir(stateDir), new RegExp(`is in use by another dvdi-bridge \\(pid ${other.pid}\\b`));
    } finally {
      other.kill();
    }
  });
});

// The lock's socket lives in the abstract namespace (journal/stateDirSocket.ts), where any process may bind any name.
describe('a state dir whose lock socket a process that is no bridge holds', () => {
  it('is refused naming the socket and how to find its holder, after a bounded wait', async () => {
    const stateDir = mkdtempSync(join(dir, 'squat-'));
    const name = (await stateDirSocketName(stateDir)).slice(1); // without its NUL: argv cannot carry one
    // Accepts and never answers; an environment variable cannot hold the NUL either, so the child adds it.
    const squatter = spawn(process.execPath, ['-e', `require('net').createServer(() => {}).listen('\\0' + process.argv[1], () => console.log('up'))`, name], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise((r) => squatter.stdout!.once('data', r));
      const t0 = Date.now();
      await assert.rejects(lockStateDir(stateDir), (e: Error) => {
        assert.match(e.message, new RegExp(`^--state-dir ${stateDir} is locked by a process that does not answer as a dvdi-bridge \\(it holds the unix socket @${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}; \`ss -xlp`));
        return true;
      });
      assert.ok(Date.now() - t0 < 10_000, 'no hang');
    } finally {
      squatter.kill();
    }
  });
});
