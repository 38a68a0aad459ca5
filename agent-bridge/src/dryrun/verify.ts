/**
 * Read-only checks that a mount really happened (dvdi-bridge.md §8.6): the path is a directory, the kernel lists it in
 * /proc/self/mountinfo, and its top directory can be listed. Nothing is ever written into the volume. The stat
 * and the listing run in a child process with its own timeout (fsProbe.ts): a wedged FUSE mount blocks them in
 * the kernel, and inside the bridge that would pin a libuv threadpool thread for good.
 */
import { kernelMountsAt, MountStateUnknown, readMountinfo, type MountEntry } from '../inuse/mountinfo';
import { probeDirectory } from './fsProbe';

export interface VerifyResult {
  ok: boolean;
  detail: string;
  warnings: string[];
  kernelMount?: MountEntry;
  /** Entries in the mountpoint's top directory (read-only listing). */
  entries?: number;
}

export async function verifyMount(mountpoint: string, timeoutMs: number): Promise<VerifyResult> {
  const warnings: string[] = [];
  if (!mountpoint.startsWith('/')) return { ok: false, detail: `mountpoint ${JSON.stringify(mountpoint)} is not an absolute path; the isolator's bind would fail`, warnings };
  // The probe (stat + listing) and the mount table are independent reads: issue them together, judge them in order.
  const [probe, table] = await Promise.all([probeDirectory(mountpoint, timeoutMs), readMountinfo().then((v) => ({ ok: true as const, v }), (e: Error) => ({ ok: false as const, e }))]);
  if (probe.timedOut) {
    const what = probe.type === undefined ? 'stat/readdir' : 'readdir';
    return { ok: false, detail: `${what} of ${mountpoint} did not return within ${timeoutMs} ms (a hung filesystem?); the probe process was killed and abandoned`, warnings };
  }
  if (probe.type === undefined) return { ok: false, detail: `cannot stat ${mountpoint}: ${probe.statError}`, warnings };
  if (probe.type !== 'd') return { ok: false, detail: `${mountpoint} exists but is not a directory; the task's bind mount would fail`, warnings };
  if (!table.ok) return { ok: false, detail: `cannot read /proc/self/mountinfo: ${table.e.message}`, warnings };
  const at = await kernelMountsAt(table.v, mountpoint);
  if (at instanceof MountStateUnknown) return { ok: false, detail: `${at.message}, so the mount cannot be verified; ${at.remedy}`, warnings };
  if (at.length === 0) {
    // Directory-only drivers (REX-Ray vfs) never kernel-mount; that is a warning, not a failure (dvdi-bridge.md §8.6).
    warnings.push(`${mountpoint} is a directory but not a mount point in /proc/self/mountinfo: the driver may be directory-only (like REX-Ray vfs), or the mount happened in another mount namespace`);
  }
  if (probe.listError !== undefined) return { ok: false, detail: `cannot list ${mountpoint}: ${probe.listError}`, warnings };
  const entries = probe.entries;
  const kernel = at[at.length - 1];
  return {
    ok: true,
    detail: `${mountpoint}: directory, ${entries} entr${entries === 1 ? 'y' : 'ies'}${kernel ? `, ${kernel.fsType} from ${kernel.source}` : ', no kernel mount'}`,
    warnings,
    kernelMount: kernel,
    entries,
  };
}
