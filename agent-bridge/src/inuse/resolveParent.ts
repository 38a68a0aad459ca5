/**
 * Resolves the symlinks on the way to a directory (/var/run → /run) without ever blocking the bridge. The walk
 * looks up every component in the filesystem that holds it, and a lookup in a FUSE mount whose daemon is stopped
 * or hung (or a network mount whose server is gone) blocks in the kernel until it answers, possibly forever. Done
 * with node's fs it would hold one of libuv's four threadpool threads for that long; four such calls and every
 * file operation of the bridge waits (journal writes, the mountinfo reads each request needs). So the walk is
 * `realpath -e` in a child process (libuv forks on the main thread, no pool thread), killed with SIGKILL after
 * the timeout and abandoned, as fsProbe.ts does for the mountpoint itself (agent-bridge/test/e2e/hungParent.test.ts).
 * It runs under coreutils' `timeout -s KILL`, a second clock outside the bridge: a bridge killed while a lookup
 * waits (systemd stop, OOM, a crash) leaves no realpath blocked in the mount for as long as the mount stays hung.
 *
 * Answers are kept for a moment: the parent is usually the plugin's base dir, shared by every volume, so a dry run
 * (the check before the mount, the look after the unmount) and a volume listing cost one child, not one per look.
 * A parent that does not answer is remembered as well, so a stopped mount costs at most one child per parent at a
 * time. "Missing" is never remembered: a base dir created a moment later must be seen.
 *
 * It resolves any existing path, not only a directory: plugin/endpoint.ts resolves a plugin's socket with it (the
 * per-volume lock's key), since a spec file may name a socket on any filesystem.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const REALPATH = ['/usr/bin/realpath', '/bin/realpath'].find((p) => existsSync(p)) ?? 'realpath';
/** coreutils, like realpath; without it the lookup still runs, only without the backstop. */
const TIMEOUT = ['/usr/bin/timeout', '/bin/timeout'].find((p) => existsSync(p));
/** The backstop fires this long after the bridge's own timer, which normally kills the child first. */
const BACKSTOP_GRACE_MS = 1_000;

/** How long a resolution may take before the path counts as not answering; a healthy one takes milliseconds. */
const RESOLVE_TIMEOUT_MS = 5_000;
/** How long an answer is reused. Short: a symlink changed on the way is seen again within this time. */
export const RESOLVE_CACHE_MS = 2_000;

export type ParentAnswer =
  | { kind: 'resolved'; path: string }
  /** A component does not exist (or is not a directory): nothing can be mounted below it. */
  | { kind: 'missing' }
  /** No answer in time (`timedOut`), or an error that says nothing about existence (EIO, ENOTCONN, ELOOP, EACCES). */
  | { kind: 'unanswered'; why: string; timedOut: boolean };

const cache = new Map<string, { until: number; answer: ParentAnswer }>();
const inFlight = new Map<string, Promise<ParentAnswer>>();

/**
 * `fresh`: a resolved answer from a moment ago is not reused (one in flight still is, and so is "does not answer"):
 * plugin/endpoint.ts keys the volume lock by a socket's realpath, and a symlink retargeted to another plugin a moment
 * ago must not be taken for the old one (agent-bridge/test/e2e/retargetedPlugin.test.ts).
 */
export function resolveParent(dir: string, timeoutMs = RESOLVE_TIMEOUT_MS, fresh = false): Promise<ParentAnswer> {
  const hit = cache.get(dir);
  if (hit && hit.until > Date.now() && !(fresh && hit.answer.kind === 'resolved')) return Promise.resolve(hit.answer);
  const running = inFlight.get(dir);
  if (running) return running;
  const p = runRealpath(dir, timeoutMs).then((answer) => {
    inFlight.delete(dir);
    if (answer.kind !== 'missing') {
      if (cache.size > 1000) cache.clear(); // bounded: base dirs are few; per-volume parents (REX-Ray) come and go
      cache.set(dir, { until: Date.now() + RESOLVE_CACHE_MS, answer });
    }
    return answer;
  });
  inFlight.set(dir, p);
  return p;
}

function runRealpath(dir: string, timeoutMs: number): Promise<ParentAnswer> {
  return new Promise((resolve) => {
    let settled = false;
    let out = '';
    let err = '';
    // -z: the answer ends in NUL, so a path with a newline in it comes back whole.
    const argv = [REALPATH, '-e', '-z', '--', dir];
    if (TIMEOUT) argv.unshift(TIMEOUT, '-s', 'KILL', `${(timeoutMs + BACKSTOP_GRACE_MS) / 1000}s`);
    // detached: a process group of its own (timeout and realpath), so the bridge's SIGKILL reaches both.
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: '/usr/bin:/bin', LC_ALL: 'C' }, detached: true });
    const finish = (a: ParentAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(a);
    };
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => {
      if (err.length < 4096) err += c.toString('utf8');
    });
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL'); // no group (spawn failed, or it is gone already)
      }
      // Abandoned: a child blocked in the kernel may not exit at once, and must not keep us (or the event loop) waiting.
      child.stdout.destroy();
      child.stderr.destroy();
      child.unref();
      finish({ kind: 'unanswered', why: `did not finish within ${timeoutMs} ms`, timedOut: true });
    }, timeoutMs);
    child.on('error', (e: NodeJS.ErrnoException) => finish({ kind: 'unanswered', why: `cannot run ${REALPATH} (${e.code ?? e.message})`, timedOut: false }));
    child.on('close', (code) => {
      if (code === 0 && out.endsWith('\0')) return finish({ kind: 'resolved', path: out.slice(0, -1) });
      const msg = err.trim().split('\n').slice(-1)[0]?.replace(/^realpath: /, '') ?? '';
      // timeout(1) fired (exit 124, or 137 for its KILL), in the moment before the bridge's own timer.
      if (TIMEOUT && (code === 124 || code === 137) && !msg) return finish({ kind: 'unanswered', why: `did not finish within ${timeoutMs} ms`, timedOut: true });
      // ENOENT / ENOTDIR: the path cannot exist, so no mount can be at or below it.
      if (/: (No such file or directory|Not a directory)$/.test(msg)) return finish({ kind: 'missing' });
      finish({ kind: 'unanswered', why: `failed (${msg || `realpath exited ${code}`})`, timedOut: false });
    });
  });
}
