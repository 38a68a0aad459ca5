/**
 * Startup recovery over the whole journal (recover.ts judges one entry). The journal a killed predecessor left is
 * read once, each entry's volume is locked under the key a dry run of it takes (volumeLock.ts: plugin endpoint and
 * name), and the entries are judged concurrently behind those locks. So the bridge can listen before they are all
 * judged: a dry run of a volume still being recovered answers `in-use` saying so, every other volume is served at
 * once. An entry whose Mount may still be in flight at a live plugin is waited for up to the late-mount grace (up to
 * 120 s); before, `serve` printed `listening` only after that, and a restarted bridge answered nothing meanwhile
 * (agent-bridge/test/e2e/recoverWhileListening.test.ts). A volume's lock goes when all its entries are judged; an
 * entry that could not be released stays journalled, and the leftover pass (leftovers.ts) retries it.
 *
 * An entry whose plugin cannot be identified now (a TCP plugin whose host name does not resolve: plugin/endpoint.ts;
 * a driver no plugin answers to yet: leftovers.ts) has no lock that surely covers it, since a dry run through another
 * name of that plugin, or through the plugin once it appears, takes other keys: it is judged before `started`
 * resolves, that is before the bridge listens, as every entry was before.
 */
import type { JournalEntry } from '../journal/journal';
import { samePlugin } from '../plugin/endpoint';
import type { RecoveryReport, StartedRecovery } from './contract';
import type { RunDeps } from './deps';
import { entryIdentity, unidentified } from './leftovers';
import { recoverEntry, type One } from './recover';

interface Held {
  keys: string[];
  name: string;
  release: () => void;
  left: number;
}

/** What a dry run of a volume under recovery is told (the lock's label, volumeLock.ts). */
const label = (e: JournalEntry) =>
  `recovering the mount a killed bridge left (journalled ${e.startedAt} as ${e.driver}/${e.name}): its outcome is not known yet, so the volume stays locked and journalled until it is judged`;

/** `signal` (the runner closing) ends the waits for Mounts in flight; their entries stay for the next start. */
export async function replayJournal(deps: RunDeps, inFlight: Set<string>, signal: AbortSignal): Promise<StartedRecovery> {
  const { entries, unreadable } = await deps.journal.list();
  const mine = entries.filter((e) => !inFlight.has(e.id)); // not this process's own running dry runs
  const ids = await Promise.all(mine.map((e) => entryIdentity(deps, e)));
  const held: Held[] = [];
  const judged = new Set<JournalEntry>();
  const unlocked: Promise<One>[] = [];
  const results = mine.map((e, i): Promise<One> => {
    const id = ids[i]!;
    const judge = () => recoverEntry(deps, e, signal).finally(() => judged.add(e));
    if (!('keys' in id) || unidentified(id)) {
      const p = judge();
      unlocked.push(p);
      return p;
    }
    // Two entries of one volume (two driver names of one plugin, or two killed runs) share one lock.
    let h = held.find((x) => x.name.toLowerCase() === e.name.toLowerCase() && samePlugin(x.keys, id.keys));
    if (!h) {
      const lock = deps.locks.tryAcquire(id.keys, e.name, label(e));
      // Nothing of this runner holds a lock before recovery; a caller that runs dry runs first finds this.
      if ('heldBy' in lock) {
        judged.add(e);
        return Promise.resolve({ kind: 'failed', error: `its volume is busy (${lock.heldBy}); the entry stays, and the leftover pass retries it` });
      }
      h = { keys: id.keys, name: e.name, release: lock.release, left: 0 };
      held.push(h);
    }
    const lock = h;
    lock.left++;
    return judge().finally(() => --lock.left === 0 && lock.release());
  });
  await Promise.all(unlocked);
  const done = Promise.all(results).then((rs) => {
    const report: RecoveryReport = { released: [], notMounted: [], unverified: [], failed: [] };
    for (const u of unreadable) report.failed.push({ driver: '?', name: '?', error: `journal file ${u.file} is unreadable (${u.error}); inspect and remove it by hand` });
    mine.forEach((e, i) => {
      const r = rs[i]!;
      const who = { driver: e.driver, name: e.name };
      if (r.kind === 'released') report.released.push({ ...who, ...(r.mountpoint ? { mountpoint: r.mountpoint } : {}), ...(r.detail ? { detail: r.detail } : {}) });
      else if (r.kind === 'notMounted') report.notMounted.push({ ...who, detail: r.detail });
      else if (r.kind === 'unverified') report.unverified.push({ ...who, detail: r.detail });
      else if (r.kind === 'failed') report.failed.push({ ...who, error: r.error });
    });
    return report;
  });
  return { done, pending: () => mine.filter((e) => !judged.has(e)).map((e) => ({ driver: e.driver, name: e.name })) };
}
