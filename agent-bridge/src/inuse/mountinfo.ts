/**
 * Reads /proc/self/mountinfo: the kernel's view of what is mounted in the bridge's mount namespace (which must
 * be the host's, dvdi-bridge.md §8.6). Paths are octal-escaped by the kernel (`\040` for a space), so they are unescaped
 * before comparison.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { resolveParent } from './resolveParent';

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
 * kernelMountsAt's answer when the path is not listed as named and its parent dir could not be resolved: whether
 * anything is mounted there is unknown. Never read as "not mounted": every caller treats it as in use, or refuses.
 */
export class MountStateUnknown {
  /** What is wrong and why, e.g. "cannot tell whether /x/v is mounted: … did not finish within 5000 ms: …". */
  readonly message: string;
  /** What the operator can do about it. */
  readonly remedy: string;

  /** `dir`: what could not be resolved, the path's parent dir, or (`itself`) the path with its parent resolved. */
  constructor(readonly path: string, dir: string, answer: { why: string; timedOut: boolean }, entries: MountEntry[], itself = false) {
    // The deepest mount the parent lies in as named, for the operator to find the filesystem that does not answer.
    const under = entries.filter((e) => e.mountPoint !== '/' && (dir === e.mountPoint || dir.startsWith(e.mountPoint + '/'))).sort((a, b) => b.mountPoint.length - a.mountPoint.length)[0];
    const where = under ? ` (it lies in ${under.mountPoint}, ${under.fsType} ${under.source})` : '';
    const why = answer.timedOut ? `${answer.why}: a filesystem on that path does not answer${where}, like a FUSE mount whose daemon is stopped or hung, or a network mount whose server is gone` : `${answer.why}${where}`;
    const resolving = itself ? `resolving ${dir} itself (a symlink, whose target the kernel would list)` : `resolving the symlinks of its parent dir ${dir}`;
    this.message = `cannot tell whether ${path} is mounted: /proc/self/mountinfo lists no mount there as named, and ${resolving} ${why}`;
    this.remedy = answer.timedOut ? 'make that filesystem answer again (restart its daemon or server) or unmount it (fusermount3 -u, umount -l), then try again' : `fix access to ${dir} (a dead FUSE mount on the way, "Transport endpoint is not connected": unmount it with fusermount3 -u or umount -l), then try again`;
  }
}

/**
 * mountsAt for a path as a plugin names it. The kernel lists a mount point with the symlinks on its way resolved
 * (`/var/run/x` is `/run/x` there), so a plugin whose base dir lies behind a symlink would never be seen mounted.
 * The parent is resolved first: stat-ing the mount point itself can hang on a dead FUSE mount, and one that is a mount
 * is listed under its resolved parent. The parent can hang just the same (it may lie in such a mount), so it is
 * resolved in a child process with a timeout (resolveParent.ts), and no answer is `MountStateUnknown`, never "not
 * mounted". Only a path not listed that way is resolved itself, in the same kind of child: the mount point may be a
 * symlink to where the volume is mounted, and its own name is then listed nowhere (a task's mount of it was "free",
 * agent-bridge/test/e2e/symlinkedMountpoint.test.ts).
 */
export async function kernelMountsAt(entries: MountEntry[], path: string, timeoutMs?: number): Promise<MountEntry[] | MountStateUnknown> {
  const direct = mountsAt(entries, path);
  if (direct.length > 0 || !path.startsWith('/')) return direct;
  const p = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const dir = dirname(p);
  const parent = await resolveParent(dir, timeoutMs);
  if (parent.kind === 'missing') return direct; // a parent that does not exist holds no mount
  if (parent.kind === 'unanswered') return new MountStateUnknown(p, dir, parent, entries);
  const resolved = join(parent.path, basename(p));
  const listed = resolved === p ? direct : mountsAt(entries, resolved);
  if (listed.length > 0) return listed;
  const itself = await resolveParent(resolved, timeoutMs);
  if (itself.kind === 'missing') return listed; // nothing there (or a dangling link): nothing can be mounted on it
  if (itself.kind === 'unanswered') return new MountStateUnknown(p, resolved, itself, entries, true);
  return itself.path === resolved ? listed : mountsAt(entries, itself.path);
}
