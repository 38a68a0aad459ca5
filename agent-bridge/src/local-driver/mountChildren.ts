/**
 * Whether any mount(8) or umount(8) is still running on one of the local driver's mountpoints. The driver mounts
 * through these children (volumes.ts), and a bridge killed with -9 does not take them along: SIGKILL reaches the
 * bridge's pid only, so a child started just before the kill finishes its mount (or unmount) afterwards. Once none
 * is left, the volume's kernel mount state can change only through a request to a running driver, which is how
 * startup recovery (dryrun/recover.ts) knows that a Mount the dead driver had in flight is over: whatever the kernel
 * shows now is all there will be.
 *
 * Found by /proc/<pid>/cmdline (the driver passes the mountpoint as one argument, exactly as `mountpoint(name)`
 * spells it). A /proc that cannot be read proves nothing: the answer is then "not gone", and recovery waits as for
 * any plugin.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename } from 'node:path';

const MOUNTERS = new Set(['mount', 'umount']);

export async function mountChildrenGone(mountpoint: string): Promise<boolean> {
  let pids: string[];
  try {
    pids = (await readdir('/proc')).filter((n) => /^\d+$/.test(n));
  } catch {
    return false;
  }
  for (const pid of pids) {
    let argv: string[];
    try {
      argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
    } catch {
      continue; // exited while we looked
    }
    if (MOUNTERS.has(basename(argv[0] ?? '')) && argv.includes(mountpoint)) return false;
  }
  return true;
}
