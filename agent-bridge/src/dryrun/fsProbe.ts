/**
 * Looks at a mountpoint the plugin controls from a short-lived child process, never from the bridge itself.
 * A stat or readdir on a wedged FUSE mount blocks in the kernel; done with node's fs it would hold one of
 * libuv's four threadpool threads forever, and four such mounts would block every file operation of the bridge
 * (journal writes, mountinfo reads). Here the blocked call belongs to `find`, spawned detached (libuv forks on
 * the main thread, no pool thread); on timeout its process group is killed and the child abandoned: one stuck in
 * D state cannot be reaped until the kernel lets go, but it no longer holds anything of ours.
 *
 * One process does both reads: `find -H <path> -maxdepth 1 -printf '%y\n'` prints the type of the path itself
 * (symlinks followed, like stat) on the first line, then one line per directory entry.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';

const FIND = ['/usr/bin/find', '/bin/find'].find((p) => existsSync(p)) ?? 'find';

export interface ProbeResult {
  /** The path's type letter from find's %y (`d` directory, `f` file, …); undefined if it could not be stat'ed. */
  type?: string;
  /** Number of entries in the top directory (only meaningful when `type === 'd'` and `listError` is unset). */
  entries: number;
  /** Why the path could not be stat'ed (no such file, permission, …). */
  statError?: string;
  /** Why the directory could not be listed. */
  listError?: string;
  /** The child did not finish in time: its group was killed and it was abandoned. */
  timedOut: boolean;
}

function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // ESRCH: already gone.
  }
}

function probeArgs(path: string): string[] {
  return ['-H', path, '-maxdepth', '1', '-printf', '%y\\n'];
}

/**
 * Stops probes a killed predecessor left running on `mountpoint` (recover.ts): a detached `find` of ours that
 * still sits in the mount makes the plugin's Unmount fail with EBUSY. Recognised by its exact argv (this file's
 * command for that path, which nothing else runs) and by having lost its parent (re-parented away from a live
 * bridge: its parent is not this process). Read-only processes: killing them loses nothing.
 */
export async function stopLeftoverProbes(mountpoint: string, waitMs = 2_000): Promise<number> {
  const want = [FIND, ...probeArgs(mountpoint)].join('\0');
  const killed: string[] = [];
  let pids: string[];
  try {
    pids = (await readdir('/proc')).filter((n) => /^\d+$/.test(n));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    try {
      const argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replace(/\0$/, '');
      if (argv !== want) continue;
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid) continue; // a probe of this very bridge
      process.kill(Number(pid), 'SIGKILL');
      killed.push(pid);
    } catch {
      // gone meanwhile, or not readable: not ours to judge
    }
  }
  // A killed process still holds the mount until it has exited. The Unmount must not come before that: rclone
  // forgets a mount whose unmount failed (EBUSY), and no later Unmount can take it down (volume.go, `unmount`).
  // Bounded: a probe stuck in D state on a wedged mount may not exit at all.
  const deadline = Date.now() + waitMs;
  for (let left = killed; left.length > 0 && Date.now() < deadline; ) {
    left = (await Promise.all(left.map(async (pid) => ((await hasExited(pid)) ? undefined : pid)))).filter((p): p is string => p !== undefined);
    if (left.length > 0) await new Promise((r) => setTimeout(r, 10));
  }
  return killed.length;
}

/** Gone, or a zombie (which holds no files any more). */
async function hasExited(pid: string): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return true;
  }
}

export function probeDirectory(path: string, timeoutMs: number): Promise<ProbeResult> {
  return new Promise((resolve) => {
    let settled = false;
    let first = '';
    let sawFirstLine = false;
    let lines = 0;
    let stderr = '';
    const child = spawn(FIND, probeArgs(path), { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { PATH: '/usr/bin:/bin', LC_ALL: 'C' } });
    const finish = (r: ProbeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    // Only counted: a directory with a million entries must not grow the bridge's memory.
    child.stdout.on('data', (c: Buffer) => {
      for (let i = 0; i < c.length; i++) {
        if (c[i] === 0x0a) {
          lines++;
          sawFirstLine = true;
        } else if (!sawFirstLine) first += String.fromCharCode(c[i]);
      }
    });
    child.stderr.on('data', (c: Buffer) => {
      if (stderr.length < 4096) stderr += c.toString('utf8');
    });
    const timer = setTimeout(() => {
      if (child.pid) killGroup(child.pid);
      // Abandon it: a child blocked in the kernel may never exit, so neither it nor its pipes may keep us waiting
      // (or keep the event loop alive).
      child.stdout.destroy();
      child.stderr.destroy();
      child.unref();
      finish({ ...(sawFirstLine ? { type: first } : {}), entries: 0, timedOut: true });
    }, timeoutMs);
    child.on('error', (e: NodeJS.ErrnoException) => finish({ entries: 0, statError: `cannot run ${FIND}: ${e.code ?? e.message}`, timedOut: false }));
    child.on('close', (code) => {
      const msg = stderr.trim().split('\n').slice(-1)[0]?.replace(/^find: /, '') ?? '';
      if (!sawFirstLine) return finish({ entries: 0, statError: msg || `find exited ${code} with no output`, timedOut: false });
      if (code !== 0) return finish({ type: first, entries: Math.max(0, lines - 1), listError: msg || `find exited ${code}`, timedOut: false });
      finish({ type: first, entries: lines - 1, timedOut: false });
    });
  });
}
