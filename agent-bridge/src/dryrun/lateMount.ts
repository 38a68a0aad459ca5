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
import type { JournalEntry } from '../journal/journal';
import { PluginClient, PluginError } from '../plugin/client';
import type { PluginAddress } from '../plugin/discovery';
import type { RunDeps, Sweep } from './deps';
import { lookForMount, releaseMount } from './release';
import { StepLog } from './steps';

/** Bounds of the grace window when `timeouts.lateMountGrace` is not set: the mount timeout again, within these. */
const LATE_MOUNT_GRACE_MIN = 3_000;
const LATE_MOUNT_GRACE_MAX = 120_000;
const FIRST_POLL_MS = 50;
const MAX_POLL_MS = 1_000;

export function lateMountGrace(timeouts: RunDeps['timeouts']): number {
  if (typeof timeouts.lateMountGrace === 'number') return timeouts.lateMountGrace;
  return Math.min(LATE_MOUNT_GRACE_MAX, Math.max(LATE_MOUNT_GRACE_MIN, timeouts.mount));
}

export type SweepOutcome = 'released' | 'nothing-mounted' | 'plugin-gone' | 'in-use' | 'unmount-failed' | 'unverified' | 'cancelled' | 'error';

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
  /** Nothing of ours is there and the driver can show it (Get lists caller IDs, or the kernel mount was seen before). */
  seenAbsent: boolean;
  mountpoint?: string;
  detail: string;
}

/** One look at the plugin and the kernel. Marks the entry with what was seen, for the release check after. */
export async function probeLateMount(deps: RunDeps, client: PluginClient, entry: JournalEntry, knownMountpoint: string | undefined): Promise<Probe> {
  const look = await lookForMount(deps, entry, client, entry.mountpoint ?? knownMountpoint);
  const appeared = look.state === 'still-mounted';
  if (look.kernel) entry.seenKernel = true;
  if (look.listed) entry.seenId = true;
  // A plugin that refuses connections (crashed) cannot finish a mount; its Get failing that way says so.
  const gone = !appeared && look.getError instanceof PluginError && look.getError.kind === 'connect';
  return { appeared, gone, seenAbsent: look.state === 'gone', ...(look.mountpoint ? { mountpoint: look.mountpoint } : {}), detail: appeared ? look.detail.replace('is still mounted', 'is mounted').replace('still lists', 'lists') : `nothing mounted (${look.detail})` };
}

/**
 * Polls (with backoff) until our mount appears, the plugin is gone, `deadline` passes (at least one look), the
 * signal aborts, or `over` says nothing can finish the Mount any more (`settled`). Used by the sweep after a mount
 * with an unknown outcome and by recover() for an entry still in the `mounting` phase: a Mount that may still be in
 * flight at the plugin is waited for before it is judged.
 */
export async function watchForMount(deps: RunDeps, client: PluginClient, entry: JournalEntry, knownMountpoint: string | undefined, deadline: number, signal?: AbortSignal, over?: () => Promise<boolean>): Promise<Probe & { timedOut: boolean; cancelled: boolean; settled: boolean }> {
  let wait = FIRST_POLL_MS;
  for (;;) {
    // Asked before the look: once nothing can finish the Mount, the look taken after that is final.
    const settled = over ? await over() : false;
    const p = await probeLateMount(deps, client, entry, knownMountpoint);
    if (p.appeared || p.gone) return { ...p, timedOut: false, cancelled: false, settled };
    if (settled) return { ...p, timedOut: false, cancelled: false, settled };
    if (signal?.aborted) return { ...p, timedOut: false, cancelled: true, settled };
    const left = deadline - Date.now();
    if (left <= 0) return { ...p, timedOut: true, cancelled: false, settled };
    await sleep(Math.min(wait, left), signal);
    wait = Math.min(wait * 2, MAX_POLL_MS);
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export function startLateMountSweep(deps: RunDeps, t: SweepTarget, graceMs: number): Sweep & { done: Promise<SweepOutcome> } {
  const ac = new AbortController();
  const started = Date.now();
  const { entry } = t;
  const client = new PluginClient(t.plugin);
  const warnings: string[] = [];
  let mountpoint: string | undefined = t.knownMountpoint;
  let detail = '';

  async function run(): Promise<SweepOutcome> {
    const w = await watchForMount(deps, client, entry, t.knownMountpoint, started + graceMs, ac.signal);
    mountpoint = w.mountpoint ?? mountpoint;
    detail = w.detail;
    if (w.cancelled) return 'cancelled';
    if (!w.appeared) {
      await deps.journal.clear(entry.id);
      return w.gone ? 'plugin-gone' : 'nothing-mounted';
    }
    // The mount landed. From here on the sweep is not cancelled: close() waits for the unmount, as for a run.
    const log = new StepLog(() => undefined);
    const outcome = await releaseMount(deps, { engine: t.engine, entry, plugin: t.plugin, mountpoint }, log, warnings, { timeoutMs: deps.timeouts.unmount, clear: 'unmounted' });
    detail = `${detail}; ${log.steps.map((s) => `${s.step}: ${s.detail ?? (s.ok ? 'ok' : 'failed')}`).join('; ')}`;
    if (outcome === 'in-use') detail += '; so it was NOT unmounted; the journal keeps it for recover()';
    return outcome === 'released' ? 'released' : outcome === 'in-use' ? 'in-use' : outcome === 'unverified' ? 'unverified' : 'unmount-failed';
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
