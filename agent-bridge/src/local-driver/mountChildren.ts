/**
 * Whether any mount(8) or umount(8) is still running on one of the local driver's mountpoints. The driver mounts
 * through these children (volumes.ts), and a bridge killed with -9 does not take them along: SIGKILL reaches the
 * bridge's pid only, so a child started just before the kill finishes its mount (or unmount) afterwards. Once none
 * is left, the volume's kernel mount state can change only through a request to a running driver, which is how
 * startup recovery (dryrun/recover.ts) knows that a Mount the dead driver had in flight is over: whatever the kernel
 * shows now is all there will be.
 *
 * Found by /proc/<pid>/cmdline: the driver passes the mountpoint as one argument, as the killed bridge spelled its
 * state dir. That need not be this bridge's spelling (`--state-dir /var/run/dvdi-bridge` then `/run/dvdi-bridge`, or
 * a relative path from the child's cwd), and a child missed that way let recovery clear the entry while the mount
 * was still to land (agent-bridge/test/e2e/embeddedRecovery.test.ts). So an argument naming the volume's directory
 * by another path is resolved, from the child's cwd (/proc/<pid>/cwd), with every symlink, and compared with the
 * mountpoint resolved the same way; in a killable child (inuse/resolveParent.ts), since another mount(8) on the host
 * may name a hung mount. A /proc that cannot be read, or an argument that cannot be resolved, proves nothing: the
 * answer is then "not gone", and recovery waits as for any plugin.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { resolveParent } from '../inuse/resolveParent';

const MOUNTERS = new Set(['mount', 'umount']);

export async function mountChildrenGone(mountpoint: string): Promise<boolean> {
  let pids: string[];
  try {
    pids = (await readdir('/proc')).filter((n) => /^\d+$/.test(n));
  } catch {
    return false;
  }
  const name = basename(mountpoint);
  let parent: Promise<string | undefined> | undefined; // this mountpoint's dir, resolved once, only if needed
  for (const pid of pids) {
    let argv: string[];
    try {
      argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
    } catch {
      continue; // exited while we looked
    }
    if (!MOUNTERS.has(basename(argv[0] ?? ''))) continue;
    if (argv.includes(mountpoint)) return false;
    // Another spelling of the same directory: its last component is the volume's name (the mountpoint itself is a
    // plain directory the driver made), whatever path leads to it.
    for (const a of argv.slice(1).filter((x) => x !== '' && basename(x) === name)) {
      parent ??= resolveParent(dirname(mountpoint), undefined, true).then((r) => (r.kind === 'resolved' ? r.path : undefined));
      const mine = await parent;
      const theirs = await resolveParent(dirname(isAbsolute(a) ? a : join(`/proc/${pid}/cwd`, a)), undefined, true);
      if (theirs.kind === 'missing') continue; // not a directory there, or the child has exited
      if (mine === undefined || theirs.kind !== 'resolved' || theirs.path === mine) return false;
    }
  }
  return true;
}
