/**
 * Reads /proc/self/mountinfo: the kernel's view of what is mounted in the bridge's mount namespace (which must
 * be the host's, dvdi-bridge.md §8.6). Paths are octal-escaped by the kernel (`\040` for a space), so they are unescaped
 * before comparison.
 */
import { readFile, realpath } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface MountEntry {
  mountId: number;
  mountPoint: string;
  fsType: string;
  source: string;
}

export const MOUNTINFO_PATH = '/proc/self/mountinfo';

function unescapeOctal(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
}

export function parseMountinfo(text: string): MountEntry[] {
  const out: MountEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const f = line.split(' ');
    const dash = f.indexOf('-', 6);
    if (dash < 0 || f.length < dash + 3) continue;
    out.push({ mountId: Number(f[0]), mountPoint: unescapeOctal(f[4]), fsType: f[dash + 1], source: unescapeOctal(f[dash + 2]) });
  }
  return out;
}

let inFlight: Promise<MountEntry[]> | undefined;
let next: Promise<MountEntry[]> | undefined;

/**
 * The kernel's table, never older than the call: concurrent callers share reads, but a caller that arrives while
 * a read is already under way waits for the next one (started after it asked), so a check right after an
 * umount never sees a table read before it. With 50 dry runs at once this turns hundreds of reads of a long
 * mountinfo into a handful.
 */
export function readMountinfo(): Promise<MountEntry[]> {
  if (!inFlight) {
    inFlight = readFile(MOUNTINFO_PATH, 'utf8').then(parseMountinfo);
    void inFlight.then(done, done);
    return inFlight;
  }
  next ??= inFlight.then(read, read);
  return next;
}

function read(): Promise<MountEntry[]> {
  return readFile(MOUNTINFO_PATH, 'utf8').then(parseMountinfo);
}

function done(): void {
  // The queued read (if any) becomes the one in flight; callers from now on queue behind it.
  inFlight = next;
  next = undefined;
  if (inFlight) void inFlight.then(done, done);
}

/** Mount entries whose mount point is exactly `path` (a stacked mount shows once per layer). */
export function mountsAt(entries: MountEntry[], path: string): MountEntry[] {
  const p = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return entries.filter((e) => e.mountPoint === p);
}

/**
 * mountsAt for a path as a plugin names it. The kernel lists a mount point with the symlinks on its way resolved
 * (`/var/run/x` is `/run/x` there), so a plugin whose base dir lies behind a symlink would never be seen mounted.
 * Only the parent is resolved: stat-ing the mount point itself can hang on a dead FUSE mount.
 */
export async function kernelMountsAt(entries: MountEntry[], path: string): Promise<MountEntry[]> {
  const direct = mountsAt(entries, path);
  if (direct.length > 0 || !path.startsWith('/')) return direct;
  const p = path.length > 1 ? path.replace(/\/+$/, '') : path;
  let resolved: string;
  try {
    resolved = join(await realpath(dirname(p)), basename(p));
  } catch {
    return direct; // a parent that does not exist holds no mount
  }
  return resolved === p ? direct : mountsAt(entries, resolved);
}
