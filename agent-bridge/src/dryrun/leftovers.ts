/**
 * Leftovers: mounts this bridge made that a dry run could not release when it ended (the volume became in use
 * while it was mounted, which must not be torn from that user; an Unmount that failed busy), or that the startup
 * recovery could not release (the plugin was not running). Their journal entries stay, and recover() would release
 * them only at the next start. Until then the mount holds the volume: the agent's task cannot take it on another
 * agent, and the next dry run of that volume finds the bridge's own mount and refuses it as in use. So a leftover is
 * released as soon as it can be: first thing in the next dry run of its volume, and by a pass every
 * `leftoverRetryMs` for volumes nobody dry-runs again. Each goes through recoverOne (recover.ts): the same proofs
 * and the one release path as at startup, under the volume's lock, so no run or late-mount sweep of that volume is
 * under way (they hold the lock for as long as their entry is theirs).
 */
import type { JournalEntry } from '../journal/journal';
import type { RunDeps } from './deps';
import { recoverOne, type One } from './recover';

export const DEFAULT_LEFTOVER_RETRY_MS = 30_000;

const sameVolume = (e: JournalEntry, driver: string, name: string) => e.driver.toLowerCase() === driver.toLowerCase() && e.name.toLowerCase() === name.toLowerCase();

/**
 * Why a leftover is still there, in words; undefined when it is gone (released, seen not mounted) or when the Unmount
 * was sent and the driver cannot show the result (`unverified`): that does not hold the volume as far as anyone can
 * tell, so it blocks no dry run.
 */
function stillThere(r: One): string | undefined {
  return r.kind === 'failed' ? r.error : undefined;
}

const unverifiedText = (r: One) => (r.kind === 'unverified' ? `; the plugin accepted the Unmount, but cannot show whether the mount is gone (${r.detail})` : '');

/** The journal entries of one volume; while the caller holds the volume's lock, every one is a leftover. */
export async function leftoversOf(deps: RunDeps, driver: string, name: string): Promise<JournalEntry[]> {
  return (await deps.journal.list()).entries.filter((x) => sameVolume(x, driver, name));
}

/** Leftovers released before a dry run of their volume, in words: what went, and what stays and why. */
export async function releaseLeftovers(deps: RunDeps, leftovers: readonly JournalEntry[]): Promise<{ released: string[]; kept: string[] }> {
  const out = { released: [] as string[], kept: [] as string[] };
  for (const e of leftovers) {
    const r = await recoverOne(deps, e).catch((err: Error): One => ({ kind: 'failed', error: err.message }));
    const why = stillThere(r);
    if (why !== undefined) out.kept.push(`an earlier dry run (started ${e.startedAt}) left ${e.driver}/${e.name} mounted${e.mountpoint ? ` at ${e.mountpoint}` : ''} and it cannot be released yet: ${why}`);
    else if (r.kind === 'released') out.released.push(`released the mount ${r.mountpoint ? `at ${r.mountpoint} ` : ''}an earlier dry run left (started ${e.startedAt})${r.detail ? `: ${r.detail}` : ''}`);
    else out.released.push(`an earlier dry run's mount (started ${e.startedAt}) was looked at again${r.kind === 'notMounted' ? `: not mounted (${r.detail})` : unverifiedText(r)}`);
  }
  return out;
}

/**
 * One pass over the journal: each entry whose volume nobody holds is a leftover and is retried. Logs a release,
 * and a leftover that stays only when the reason changed (not every pass). An entry the driver cannot show gone
 * (`unverified`) is not sent another Unmount every pass: it waits for a dry run of its volume or the next start.
 */
export async function retryLeftovers(deps: RunDeps, lastReason: Map<string, string>): Promise<void> {
  const { entries } = await deps.journal.list();
  const present = new Set(entries.map((e) => e.id));
  for (const id of lastReason.keys()) if (!present.has(id)) lastReason.delete(id); // released by a dry run meanwhile
  for (const e of entries) {
    if (deps.closing) return;
    if (lastReason.get(e.id)?.startsWith('unverified:')) continue;
    const lock = deps.locks.tryAcquire(e.driver, e.name, `releasing a mount an earlier dry run left (since ${e.startedAt})`);
    if ('heldBy' in lock) continue; // a run or a sweep of that volume: the entry may be its own
    try {
      const r = await recoverOne(deps, e).catch((err: Error): One => ({ kind: 'failed', error: err.message }));
      if (r.kind === 'unverified') {
        // Sent once; the entry goes when the plugin accepted it (release.ts), else it waits as said above.
        deps.log('warn', 'leftover-unverified', { driver: e.driver, name: e.name, startedAt: e.startedAt, detail: r.detail, what: 'the plugin accepted the unmount, but the driver cannot show whether it is gone; check the volume on this agent' });
        lastReason.set(e.id, `unverified: ${r.detail}`);
        continue;
      }
      const why = stillThere(r);
      if (why === undefined) {
        lastReason.delete(e.id);
        deps.log('info', 'leftover-released', { driver: e.driver, name: e.name, startedAt: e.startedAt, outcome: r.kind, ...('mountpoint' in r && r.mountpoint ? { mountpoint: r.mountpoint } : {}), ...('detail' in r && r.detail ? { detail: r.detail } : {}) });
        continue;
      }
      const reason = `${r.kind}: ${why}`;
      if (lastReason.get(e.id) !== reason) deps.log('warn', 'leftover-kept', { driver: e.driver, name: e.name, startedAt: e.startedAt, reason: why, what: `still mounted; retried every ${deps.config.leftoverRetryMs ?? DEFAULT_LEFTOVER_RETRY_MS} ms and before the next dry run of this volume` });
      lastReason.set(e.id, reason);
    } finally {
      lock.release();
    }
  }
}
