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
import { existsSync } from 'node:fs';
import { howItEnded, runKillable } from '../plugin/killableChild';

const REALPATH = ['/usr/bin/realpath', '/bin/realpath'].find((p) => existsSync(p)) ?? 'realpath';

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

async function runRealpath(dir: string, timeoutMs: number): Promise<ParentAnswer> {
  // -z: the answer ends in NUL, so a path with a newline in it comes back whole. plugin/killableChild.ts runs it in a
  // process group of its own under timeout(1), killed with the group when the timer fires.
  const r = await runKillable([REALPATH, '-e', '-z', '--', dir], timeoutMs);
  if (r.kind === 'timedOut') return { kind: 'unanswered', why: `did not finish within ${timeoutMs} ms`, timedOut: true };
  if (r.kind === 'failed') return { kind: 'unanswered', why: r.why, timedOut: false };
  const out = r.stdout.toString('utf8');
  if (r.code === 0 && out.endsWith('\0')) return { kind: 'resolved', path: out.slice(0, -1) };
  const msg = r.stderr.trim().split('\n').slice(-1)[0]?.replace(/^realpath: /, '') ?? '';
  // ENOENT / ENOTDIR: the path cannot exist, so no mount can be at or below it.
  if (/: (No such file or directory|Not a directory)$/.test(msg)) return { kind: 'missing' };
  return { kind: 'unanswered', why: `failed (${msg || `realpath ${howItEnded(r)}`})`, timedOut: false };
}
