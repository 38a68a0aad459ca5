/**
 * Read-only checks that a mount really happened (§8.6): the path is a directory, the kernel lists it in
 * /proc/self/mountinfo, and its top directory can be listed. Nothing is ever written into the volume. Each
 * filesystem call races a timeout because a wedged FUSE mount can block stat/readdir indefinitely.
 */
import { readdir, stat } from 'node:fs/promises';
import { mountsAt, readMountinfo, type MountEntry } from '../inuse/mountinfo';

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not return within ${ms} ms (a hung filesystem?)`)), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

export interface VerifyResult {
  ok: boolean;
  detail: string;
  warnings: string[];
  kernelMount?: MountEntry;
}

export async function verifyMount(mountpoint: string, timeoutMs: number): Promise<VerifyResult> {
  const warnings: string[] = [];
  if (!mountpoint.startsWith('/')) return { ok: false, detail: `mountpoint ${JSON.stringify(mountpoint)} is not an absolute path; the isolator's bind would fail`, warnings };
  // stat, the mount table and the listing are independent reads: issue them together, judge them in order.
  const [st, table, list] = await Promise.allSettled([withTimeout(stat(mountpoint), timeoutMs, `stat ${mountpoint}`), readMountinfo(), withTimeout(readdir(mountpoint), timeoutMs, `readdir ${mountpoint}`)]);
  if (st.status === 'rejected') return { ok: false, detail: `cannot stat ${mountpoint}: ${(st.reason as Error).message}`, warnings };
  if (!st.value.isDirectory()) return { ok: false, detail: `${mountpoint} exists but is not a directory; the task's bind mount would fail`, warnings };
  if (table.status === 'rejected') return { ok: false, detail: `cannot read /proc/self/mountinfo: ${(table.reason as Error).message}`, warnings };
  const at = mountsAt(table.value, mountpoint);
  if (at.length === 0) {
    // Directory-only drivers (REX-Ray vfs) never kernel-mount; that is a warning, not a failure (§8.6).
    warnings.push(`${mountpoint} is a directory but not a mount point in /proc/self/mountinfo: the driver may be directory-only (like REX-Ray vfs), or the mount happened in another mount namespace`);
  }
  if (list.status === 'rejected') return { ok: false, detail: `cannot list ${mountpoint}: ${(list.reason as Error).message}`, warnings };
  const entries = list.value.length;
  const kernel = at[at.length - 1];
  return {
    ok: true,
    detail: `${mountpoint}: directory, ${entries} entr${entries === 1 ? 'y' : 'ies'}${kernel ? `, ${kernel.fsType} from ${kernel.source}` : ', no kernel mount'}`,
    warnings,
    kernelMount: kernel,
  };
}
