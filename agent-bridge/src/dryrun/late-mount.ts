/**
 * The late-mount sweep. A mount whose outcome is unknown (our timeout fired, the answer was unreadable or over
 * the size cap, the connection dropped mid-call) may still be completed by the plugin after the dry run gave up:
 * killing dvdcli or dropping our HTTP request does not stop a plugin that is half-way through its Mount. The
 * cleanup Unmount sent right after then gets "not mounted", the mount table does not show the volume yet, and a
 * mount that lands a moment later would be one nobody releases.
 *
 * So for a bounded grace window the runner keeps the journal entry and the per-volume lock (no new dry run can
 * race it) and polls, with backoff, the plugin's Get (our caller ID in Status.Mounts, its Mountpoint) and
 * /proc/self/mountinfo. When the mount appears it runs the same in-use re-check as before any unmount and, if
 * nobody else uses the volume, unmounts it and clears the entry. When the window ends with nothing mounted the
 * entry is cleared. close() cancels the sweep between probes and leaves the entry for recover() at next start.
 * Every sweep ends with one structured log line (`late-mount-sweep`).
 */
import type { Engine } from '../engines/engine';
import { mountsAt, readMountinfo } from '../inuse/mountinfo';
import type { JournalEntry } from '../journal/journal';
import { PluginClient, PluginError, type VolumeInfo } from '../plugin/client';
import type { PluginAddress } from '../plugin/discovery';
import { recheckUsers } from './recheck';
import type { RunDeps } from './run-one';
import { unmountAndCheck } from './run-one';
import { StepLog } from './steps';

/** Bounds of the grace window when `timeouts.lateMountGrace` is not set: the mount timeout again, within these. */
export const LATE_MOUNT_GRACE_MIN = 3_000;
export const LATE_MOUNT_GRACE_MAX = 120_000;
const FIRST_POLL_MS = 100;
const MAX_POLL_MS = 2_000;

export function lateMountGrace(timeouts: RunDeps['timeouts']): number {
  if (typeof timeouts.lateMountGrace === 'number') return timeouts.lateMountGrace;
  return Math.min(LATE_MOUNT_GRACE_MAX, Math.max(LATE_MOUNT_GRACE_MIN, timeouts.mount));
}

export type SweepOutcome = 'released' | 'nothing-mounted' | 'plugin-gone' | 'in-use' | 'unmount-failed' | 'cancelled' | 'error';

export interface Sweep {
  readonly done: Promise<SweepOutcome>;
  cancel(): void;
}

export interface SweepTarget {
  engine: Engine;
  entry: JournalEntry;
  plugin: PluginAddress;
  /** The Mountpoint the plugin's Get reported before the mount, if any. */
  knownMountpoint?: string;
  /** Releases the per-volume lock the sweep inherited from the dry run. */
  releaseLock: () => void;
}

export interface Probe {
  /** Our mount is there: the kernel lists the mountpoint, or Get lists our caller ID. */
  appeared: boolean;
  /** The plugin refuses connections (its process is gone) and the kernel shows nothing: nothing can finish the mount. */
  gone: boolean;
  mountpoint?: string;
  detail: string;
}

/** One look at the plugin and the kernel. */
export async function probeLateMount(deps: RunDeps, client: PluginClient, entry: JournalEntry, knownMountpoint: string | undefined, signal?: AbortSignal): Promise<Probe> {
  const [got, table] = await Promise.allSettled([client.get(entry.name, { timeoutMs: deps.timeouts.pluginCall, signal }), readMountinfo()]);
  const vol: VolumeInfo | undefined = got.status === 'fulfilled' ? got.value : undefined;
  const mountpoint = vol?.Mountpoint || entry.mountpoint || knownMountpoint;
  const kernel = mountpoint && table.status === 'fulfilled' ? mountsAt(table.value, mountpoint) : [];
  const ids = Array.isArray((vol?.Status as { Mounts?: unknown } | undefined)?.Mounts) ? (vol!.Status as { Mounts: unknown[] }).Mounts : [];
  const own = entry.mountId ?? '';
  const listed = ids.includes(own);
  const appeared = kernel.length > 0 || listed;
  const gone = !appeared && got.status === 'rejected' && got.reason instanceof PluginError && got.reason.kind === 'connect';
  const detail = appeared
    ? `${kernel.length ? `${mountpoint} is mounted (${kernel[0].fsType} ${kernel[0].source})` : `${mountpoint ?? '(no mountpoint)'} not in mountinfo`}${listed ? `, plugin Get lists caller ID ${JSON.stringify(own)}` : ''}`
    : got.status === 'rejected'
      ? `plugin Get failed (${(got.reason as Error).message}); ${mountpoint ?? 'no mountpoint'} not in mountinfo`
      : `nothing mounted yet (${mountpoint ?? 'no mountpoint'} not in mountinfo, no caller ID ${JSON.stringify(own)} in plugin Get)`;
  return { appeared, gone, ...(mountpoint ? { mountpoint } : {}), detail };
}

export function startLateMountSweep(deps: RunDeps, t: SweepTarget, graceMs: number): Sweep {
  const ac = new AbortController();
  const started = Date.now();
  const deadline = started + graceMs;
  const { entry } = t;
  const client = new PluginClient(t.plugin);
  const warnings: string[] = [];
  let mountpoint: string | undefined = t.knownMountpoint;
  let detail = '';

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (ac.signal.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        ac.signal.removeEventListener('abort', done);
        resolve();
      }
      ac.signal.addEventListener('abort', done, { once: true });
    });

  async function run(): Promise<SweepOutcome> {
    let wait = FIRST_POLL_MS;
    for (;;) {
      if (ac.signal.aborted) return 'cancelled';
      const p = await probeLateMount(deps, client, entry, t.knownMountpoint, ac.signal);
      mountpoint = p.mountpoint ?? mountpoint;
      detail = p.detail;
      if (p.appeared) break;
      if (ac.signal.aborted) return 'cancelled';
      if (p.gone) {
        await deps.journal.clear(entry.id);
        return 'plugin-gone';
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        await deps.journal.clear(entry.id);
        return 'nothing-mounted';
      }
      await sleep(Math.min(wait, left));
      wait = Math.min(wait * 2, MAX_POLL_MS);
    }
    // The mount landed. From here on the sweep is not cancelled: close() waits for the unmount, as for a run.
    if (mountpoint && !entry.mountpoint) {
      entry.mountpoint = mountpoint;
      await deps.journal.update(entry).catch((e) => void warnings.push(`journal update failed: ${(e as Error).message}`));
    }
    const recheck = await recheckUsers(deps, client, entry, warnings);
    if (!recheck.ok) {
      detail = `${detail}; now in use (${recheck.detail}), so it was NOT unmounted; the journal keeps it for recover()`;
      return 'in-use';
    }
    const log = new StepLog(() => undefined);
    const ok = await unmountAndCheck(deps, t.engine, entry, t.plugin, mountpoint, deps.timeouts.unmount, log, warnings, { clear: 'unmounted' });
    detail = `${detail}; ${log.steps.map((s) => `${s.step}: ${s.detail ?? (s.ok ? 'ok' : 'failed')}`).join('; ')}`;
    return ok ? 'released' : 'unmount-failed';
  }

  const done = run()
    .catch((e: unknown) => {
      detail = `${detail}; ${(e as Error)?.message ?? String(e)}`;
      return 'error' as const;
    })
    .then((outcome) => {
      t.releaseLock();
      const fine = outcome === 'released' || outcome === 'nothing-mounted' || outcome === 'plugin-gone';
      deps.log(fine ? 'info' : 'warn', 'late-mount-sweep', {
        driver: entry.driver,
        name: entry.name,
        engine: entry.engine,
        journalId: entry.id,
        outcome,
        ms: Date.now() - started,
        graceMs,
        ...(mountpoint ? { mountpoint } : {}),
        detail,
        ...(warnings.length ? { warnings } : {}),
        ...(fine ? {} : { what: outcome === 'cancelled' ? 'the bridge is stopping; the journal entry stays for recover() at the next start' : 'the journal entry stays; recover() at the next start re-checks and releases it' }),
      });
      return outcome;
    });
  return { done, cancel: () => ac.abort() };
}
