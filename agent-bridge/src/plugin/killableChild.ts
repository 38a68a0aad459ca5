/**
 * Runs a short look at the filesystem in a child process that the bridge can abandon: the lesson of
 * inuse/resolveParent.ts. A `stat` or `read` on a path inside a FUSE mount whose daemon is stopped (or a network mount
 * whose server is gone) blocks in the kernel until it answers, possibly forever; done with node's fs it holds one of
 * libuv's four pool threads for that long, and four of them stall every file operation of the bridge (its journal,
 * mountinfo reads). A child is forked from the main thread, killed with SIGKILL (its whole process group: it runs
 * `detached`) when the timer fires, and left behind. It runs under coreutils' `timeout -s KILL`, a second clock outside
 * the bridge: a bridge killed while a look waits leaves nothing blocked in the mount for as long as the mount stays hung.
 *
 * What it gives back is whatever the child wrote before it ended or was killed, so a caller that frames its output
 * (plugin/discovery.ts) keeps the answers that came before the path that did not answer.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/** coreutils; without it the look still runs, only without the backstop. */
const TIMEOUT = ['/usr/bin/timeout', '/bin/timeout'].find((p) => existsSync(p));
/** The backstop fires this long after the bridge's own timer, which normally kills the child first. */
const BACKSTOP_GRACE_MS = 1_000;
/** More than any look here writes; past it the child is stopped and its answer counts as broken. */
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

export type ChildOutcome =
  /** It ended by itself: its exit code (null when a signal ended it, then `signal` names it) and everything it wrote. */
  | { kind: 'exited'; code: number | null; signal: NodeJS.Signals | null; stdout: Buffer; stderr: string }
  /** The timer (or the backstop) fired; `stdout` is what it wrote until then. */
  | { kind: 'timedOut'; stdout: Buffer }
  /** It could not be started (the program is missing), or wrote more than it ever should. */
  | { kind: 'failed'; why: string };

/**
 * How a child that ended by itself ended, for a message: "exited 2", or "was killed by SIGSEGV" when a signal the
 * bridge did not send ended it (the OOM killer, a crash), which "exited null" used to say.
 */
export function howItEnded(o: { code: number | null; signal: NodeJS.Signals | null }): string {
  return o.code === null ? `was killed by ${o.signal ?? 'a signal'}` : `exited ${o.code}`;
}

export function runKillable(argv: readonly string[], timeoutMs: number): Promise<ChildOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const out: Buffer[] = [];
    let size = 0;
    let err = '';
    const full = [...argv];
    if (TIMEOUT) full.unshift(TIMEOUT, '-s', 'KILL', `${(timeoutMs + BACKSTOP_GRACE_MS) / 1000}s`);
    // detached: a process group of its own (timeout and what it runs), so the bridge's SIGKILL reaches all of them.
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(full[0]!, full.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: '/usr/bin:/bin', LC_ALL: 'C' }, detached: true });
    } catch (e) {
      // spawn throws (not 'error') for some execve failures: E2BIG for an argument over 128 KiB, a driver name from
      // a task's record being any string (agent-bridge/test/engines/discovery.test.ts).
      return resolve({ kind: 'failed', why: `cannot run ${full[0]} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
    }
    const kill = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL'); // no group (spawn failed, or it is gone already)
      }
      // Abandoned: a child blocked in the kernel may not exit at once, and must not keep us (or the event loop) waiting.
      child.stdout?.destroy();
      child.stderr?.destroy();
      child.unref();
    };
    const finish = (o: ChildOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(o);
    };
    // Heard before anything else: at the fd limit (EMFILE) spawn returns a child without stdio streams, and an 'error'
    // nobody listens to kills the bridge (agent-bridge/test/e2e/spawnFailure.test.ts).
    child.on('error', (e: NodeJS.ErrnoException) => finish({ kind: 'failed', why: `cannot run ${full[0]} (${e.code ?? e.message})` }));
    child.stdout?.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_OUTPUT_BYTES) {
        kill();
        return finish({ kind: 'failed', why: `${argv[0]} wrote more than ${MAX_OUTPUT_BYTES} bytes` });
      }
      out.push(c);
    });
    child.stderr?.on('data', (c: Buffer) => {
      if (err.length < 4096) err += c.toString('utf8');
    });
    const timer = setTimeout(() => {
      kill();
      finish({ kind: 'timedOut', stdout: Buffer.concat(out) });
    }, timeoutMs);
    child.on('close', (code, signal) => {
      // timeout(1) fired (exit 124, or 137 / SIGKILL for its KILL), in the moment before the bridge's own timer.
      if (TIMEOUT && (code === 124 || code === 137 || signal === 'SIGKILL')) return finish({ kind: 'timedOut', stdout: Buffer.concat(out) });
      finish({ kind: 'exited', code, signal, stdout: Buffer.concat(out), stderr: err });
    });
  });
}
