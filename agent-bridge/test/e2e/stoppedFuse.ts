/**
 * A FUSE mount that stops answering, for the tests of the lookups that must never wedge the bridge
 * (hungParent.test.ts: a plugin's base dir in it; hungDiscovery.test.ts: plugin sockets leading into it): `rclone
 * mount` of a local dir under the lab, whose daemon the test SIGSTOPs, and the one safe order to take it all down again.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MOUNTINFO_PATH, parseMountinfo } from '../../src/inuse/mountinfo';
import { mountsUnder, type Lab } from './harness';

/** Sends `signal`, then SIGKILL after `ms`; waits at most `ms` more (a process blocked in a stopped mount dies only once it is continued). */
export async function stopChild(c: ChildProcess | undefined, signal: NodeJS.Signals, ms: number): Promise<void> {
  if (!c || c.exitCode !== null || c.signalCode !== null) return;
  const gone = new Promise((r) => c.once('exit', r));
  const wait = () => new Promise((r) => setTimeout(r, ms).unref());
  c.kill(signal);
  if ((await Promise.race([gone.then(() => true), wait()])) === true) return;
  c.kill('SIGKILL');
  await Promise.race([gone, wait()]);
}

export interface StoppedFuse {
  /** The mountpoint, `<lab>/fuse`. */
  dir: string;
  /** The local dir it shows, `<lab>/fuse-backing`. */
  backing: string;
  daemon: ChildProcess;
  /** Whether the daemon is stopped now (SIGSTOP sent, no SIGCONT yet). */
  stopped: boolean;
  /** Probes left hanging in the stopped mount (killed; they exit once it is continued). */
  probes: ChildProcess[];
}

/**
 * `rclone mount` of `<lab>/fuse-backing` on `<lab>/fuse`, answering until stopUntilHung. `dirs`: made in the backing
 * dir first, not through the mount: rclone gives an entry it made itself (mkdir) a long kernel cache time, and a cached
 * entry is not asked for again, so it would not hang when stopped.
 */
export async function startFuse(lab: Lab, dirs: readonly string[] = []): Promise<StoppedFuse> {
  const dir = join(lab.root, 'fuse');
  const backing = join(lab.root, 'fuse-backing');
  await mkdir(backing, { recursive: true });
  for (const d of dirs) await mkdir(join(backing, d), { recursive: true });
  await mkdir(dir);
  writeFileSync(join(lab.root, 'fuse.conf'), '');
  const daemon = spawn('rclone', ['mount', `:local:${backing}`, dir, '--config', join(lab.root, 'fuse.conf'), '--cache-dir', join(lab.root, 'fuse-cache')], { stdio: 'ignore' });
  const end = Date.now() + 15_000;
  while (!(await mountsUnder(dir)).some((m) => m === `${dir} fuse.rclone`)) {
    if (Date.now() > end) throw new Error(`rclone mount did not mount ${dir}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { dir, backing, daemon, stopped: false, probes: [] };
}

/** Whether every thread of `pid` is stopped (state T in /proc/<pid>/task/<tid>/stat). */
function allThreadsStopped(pid: number): boolean {
  try {
    return readdirSync(`/proc/${pid}/task`).every((tid) => {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      return /^[tT]$/.test(stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3));
    });
  } catch {
    return false;
  }
}

/**
 * Stops the daemon, then waits until `probe` (a command that looks at a path through the mount) really hangs —
 * once rclone's 1 s caches have expired — or the test would prove nothing. The probe runs asynchronously and is
 * judged by whether it exits within 1 s, never waited for: a request the daemon had already read when it stopped
 * (SIGSTOP reaches its threads a moment later) leaves the prober unkillable until the daemon is continued, and a
 * synchronous wait for it (spawnSync of timeout(1), which waits for its killed child) blocked this process's event
 * loop, and with it every test timeout, for as long as the mount stayed stopped. A hung probe is killed and reaped
 * once the daemon is continued (continueFuse).
 */
export async function stopUntilHung(fuse: StoppedFuse, probe: readonly string[]): Promise<void> {
  process.kill(fuse.daemon.pid!, 'SIGSTOP');
  fuse.stopped = true;
  for (const end = Date.now() + 5_000; !allThreadsStopped(fuse.daemon.pid!); await new Promise((r) => setTimeout(r, 20))) {
    assert.ok(Date.now() < end, `rclone mount (pid ${fuse.daemon.pid}) is not stopped 5 s after SIGSTOP`);
  }
  for (const end = Date.now() + 10_000; ; ) {
    const p = spawn(probe[0], probe.slice(1), { stdio: 'ignore' });
    const exited = new Promise<number | null>((r) => p.once('exit', (code) => r(code)));
    const answered = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 1000))]);
    if (answered === 'hung') {
      p.kill('SIGKILL');
      fuse.probes.push(p);
      return;
    }
    assert.ok(Date.now() < end, `${probe.join(' ')} still answers (exit ${answered}); the FUSE mount is not hung`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** SIGCONT: what blocks in the mount lets go. */
export function continueFuse(fuse: StoppedFuse | undefined): void {
  if (fuse?.stopped && fuse.daemon.pid) process.kill(fuse.daemon.pid, 'SIGCONT');
  if (fuse) fuse.stopped = false;
}

/**
 * The teardown of such a test, in the only safe order. The bridge (`bridge`: its `serve` process) goes first, while
 * the mount is still stopped: a wedged bridge would otherwise carry on with its dry runs once the mount answers again,
 * and mount volumes behind the test's back. Then the mount is continued, whatever happened, so what still blocks in it
 * (a killed bridge, a lookup of the test's own process) lets go; then the `plugins`; then every mount under the lab is
 * taken down, read synchronously (if the test process's threadpool were wedged, an fs/promises read would not return),
 * and the lab removed once nothing is mounted there.
 */
export async function tearDownStoppedFuse(lab: Lab | undefined, fuse: StoppedFuse | undefined, bridge: ChildProcess | undefined, plugins: readonly (ChildProcess | undefined)[]): Promise<void> {
  await stopChild(bridge, 'SIGTERM', 5_000);
  continueFuse(fuse);
  for (const p of fuse?.probes ?? []) await stopChild(p, 'SIGKILL', 5_000);
  await stopChild(bridge, 'SIGKILL', 5_000);
  for (const p of plugins) await stopChild(p, 'SIGTERM', 5_000);
  const ours = lab ? parseMountinfo(readFileSync(MOUNTINFO_PATH, 'utf8')).filter((m) => m.mountPoint.startsWith(lab.root + '/')) : [];
  for (const mp of ours.map((m) => m.mountPoint).reverse()) {
    if (spawnSync('fusermount3', ['-u', mp], { stdio: 'ignore' }).status !== 0) spawnSync('umount', ['-l', mp], { stdio: 'ignore' });
  }
  await stopChild(fuse?.daemon, 'SIGTERM', 5_000);
  if (lab) {
    assert.deepEqual(await mountsUnder(lab.root), [], 'no mounts left behind');
    await lab.cleanup();
  }
}
