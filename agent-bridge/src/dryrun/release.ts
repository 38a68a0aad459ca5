/**
 * The one release path (issue 14): every unmount the bridge makes goes through releaseMount() — at the end of a
 * dry run, after a mount whose outcome was empty or unknown, in the late-mount sweep, and in recover(). It runs
 * the in-use re-check (dvdi-bridge.md §8.9; recheck.ts), journals the `unmounting` phase, calls the engine's Unmount and then
 * looks whether the mount is really gone: the kernel no longer lists the mountpoint, and the plugin's Get no
 * longer lists our caller ID. "Released" is only ever said after seeing that; a driver that shows neither
 * (REX-Ray vfs: no kernel mount, no Status) gives `unverified`, never `released`.
 */
import type { Engine } from '../engines/engine';
import { kernelMountsAt, MountStateUnknown, readMountinfo } from '../inuse/mountinfo';
import type { JournalEntry } from '../journal/journal';
import { PluginClient, type VolumeInfo } from '../plugin/client';
import type { PluginAddress } from '../plugin/discovery';
import type { RunDeps } from './deps';
import { recheckUsers } from './recheck';
import type { StepLog } from './steps';

export interface ReleaseTarget {
  engine: Engine;
  entry: JournalEntry;
  plugin: PluginAddress;
  /** Where the plugin said (or Get says) the volume is mounted, if known. */
  mountpoint?: string;
}

/**
 * `released`: unmounted and seen gone. `in-use`: someone else uses the volume now, so it was NOT unmounted.
 * `residue`: still mounted after the Unmount. `unverified`: the Unmount was accepted but the driver cannot show
 * whether anything is still mounted.
 */
export type ReleaseOutcome = 'released' | 'in-use' | 'residue' | 'unverified';

export interface ReleaseOptions {
  timeoutMs: number;
  /** When the journal entry goes: after a seen release (default), only after an Unmount the plugin accepted, or never (the caller decides). */
  clear?: 'released' | 'unmounted' | 'never';
}

/** Caller IDs the plugin's Get lists in Status.Mounts, or undefined when it lists none at all (no Status.Mounts array). */
export function statusMounts(vol: VolumeInfo | undefined): unknown[] | undefined {
  const m = (vol?.Status as { Mounts?: unknown } | undefined)?.Mounts;
  return Array.isArray(m) ? m : undefined;
}

/** Our own caller ID as the plugin lists it: the plugin engine's ID, or "" for dvdcli's ID-less Mount. */
const ownId = (entry: JournalEntry): string => entry.mountId ?? '';

export interface GoneCheck {
  /** `still-mounted` also when the kernel's table cannot be looked up at the mountpoint (its parent does not answer). */
  state: 'gone' | 'still-mounted' | 'unseen';
  detail: string;
  /** What showed the mount: the kernel's table at the mountpoint, the plugin's Status.Mounts listing our caller ID. */
  kernel?: boolean;
  listed?: boolean;
  /** The plugin's Get failed this way (e.g. `connect`: the plugin process is gone). */
  getError?: unknown;
}

/** Looks, once, whether our mount is still there: the kernel's table at the mountpoint and the plugin's Get. */
export async function lookForMount(deps: RunDeps, entry: JournalEntry, client: PluginClient, mountpoint: string | undefined): Promise<GoneCheck & { mountpoint?: string }> {
  const [got, table] = await Promise.allSettled([client.get(entry.name, { timeoutMs: deps.timeouts.pluginCall }), readMountinfo()]);
  const vol = got.status === 'fulfilled' ? got.value : undefined;
  const mp = mountpoint ?? entry.mountpoint ?? (vol?.Mountpoint || undefined);
  if (table.status === 'rejected') return { state: 'unseen', detail: `cannot read /proc/self/mountinfo: ${(table.reason as Error).message}`, ...(mp ? { mountpoint: mp } : {}) };
  const seen = mp ? await kernelMountsAt(table.value, mp) : [];
  const kernel = seen instanceof MountStateUnknown ? [] : seen;
  const ids = statusMounts(vol);
  const listed = ids?.includes(ownId(entry)) ?? false;
  const where = { ...(mp ? { mountpoint: mp } : {}), kernel: kernel.length > 0, listed, ...(got.status === 'rejected' ? { getError: got.reason as unknown } : {}) };
  // Not 'unseen': that lets an accepted Unmount clear the journal entry, and a mount still there would be forgotten.
  if (seen instanceof MountStateUnknown) return { state: 'still-mounted', detail: `${seen.message}, so the mount is not known to be gone; ${seen.remedy}`, ...where };
  if (kernel.length) return { state: 'still-mounted', detail: `${mp} is still mounted (${kernel[0].fsType} ${kernel[0].source})`, ...where };
  if (listed) return { state: 'still-mounted', detail: `the plugin's Get still lists caller ID ${JSON.stringify(ownId(entry))} in Status.Mounts`, ...where };
  if (entry.seenKernel && mp) return { state: 'gone', detail: `${mp} is no longer in /proc/self/mountinfo${ids ? ' and the plugin lists no caller ID of ours' : ''}`, ...where };
  if (ids) return { state: 'gone', detail: `the plugin's Get lists no caller ID of ours (Status.Mounts ${JSON.stringify(ids)})${mp ? ` and ${mp} is not in /proc/self/mountinfo` : ''}`, ...where };
  const why = got.status === 'rejected' ? `the plugin's Get failed (${(got.reason as Error).message})` : `the plugin's Get shows no Status.Mounts`;
  return { state: 'unseen', detail: `${why} and ${mp ? `${mp} was never seen in /proc/self/mountinfo` : 'no mountpoint is known'}, so whether the mount is gone cannot be seen`, ...where };
}

export async function releaseMount(deps: RunDeps, t: ReleaseTarget, log: StepLog, warnings: string[], opts: ReleaseOptions): Promise<ReleaseOutcome> {
  const { entry, engine, plugin } = t;
  const client = new PluginClient(plugin);
  // Read here, right before the Unmount, never earlier (dvdi-bridge.md §8.9: a task may start while we hold the mount).
  const recheck = await log.run('in-use-recheck', () => recheckUsers(deps, client, entry, warnings));
  if (!recheck.ok) return 'in-use';
  // Journalled only when it tells recover() something new (the mountpoint); `mounted` and `unmounting` are
  // recovered alike (one look, then this path), so the phase alone is not worth a file write per dry run.
  const news = t.mountpoint !== undefined && entry.mountpoint !== t.mountpoint;
  entry.phase = 'unmounting';
  if (news) {
    entry.mountpoint = t.mountpoint;
    await deps.journal.update(entry).catch((e: Error) => void warnings.push(`journal update before the unmount failed: ${e.message}`));
  }
  const um = await log.run('unmount', () => engine.unmount({ driver: entry.driver, name: entry.name, plugin, mountId: entry.mountId, timeoutMs: opts.timeoutMs }));
  const judged = { look: { state: 'unseen', detail: '' } as GoneCheck, outcome: 'residue' as ReleaseOutcome };
  await log.run('verify-released', async () => {
    const look = await lookForMount(deps, entry, client, t.mountpoint);
    const outcome: ReleaseOutcome = look.state === 'gone' ? 'released' : look.state === 'still-mounted' ? 'residue' : 'unverified';
    Object.assign(judged, { look, outcome });
    const detail = outcome === 'residue' ? `${look.detail}; the journal entry stays, so the release is retried (periodically, before the next dry run of this volume, and at the next start)` : `${look.detail}${um.ok ? '' : ' (although the unmount reported an error)'}`;
    return { ok: outcome === 'released' || (outcome === 'unverified' && um.ok), detail };
  });
  const { look, outcome } = judged;
  const clear = opts.clear ?? 'released';
  if (outcome === 'residue') warnings.push(`residue: ${look.detail}`);
  if (outcome === 'unverified') warnings.push(`the release of ${entry.driver}/${entry.name} cannot be verified: ${look.detail}`);
  const clearIt = clear !== 'never' && (outcome === 'released' ? clear === 'released' || um.ok : outcome === 'unverified' && um.ok);
  if (clearIt) await deps.journal.clear(entry.id);
  return outcome;
}
