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
 *
 * "The volume" is the lock's: (plugin endpoint, name) — an entry journalled under another driver name that leads to
 * the same plugin is the same volume (volumeLock.ts).
 */
import type { JournalEntry } from '../journal/journal';
import { pluginIdentity, samePlugin, type PluginIdentity } from '../plugin/endpoint';
import type { RunDeps } from './deps';
import { pluginFor, recoverEntry } from './recover';

export const DEFAULT_LEFTOVER_RETRY_MS = 30_000;

/**
 * The lock key of an entry's volume: the endpoint of the plugin its unmount goes to (the journalled address, or
 * discovery by its driver name for the dvdcli engines). A driver that can no longer be found keys by its name:
 * recovery then stops only a dvdcli child provably the entry's own and unmounts nothing (recover.ts), so no run
 * through another name can be disturbed by it.
 */
export async function entryIdentity(deps: RunDeps, e: JournalEntry): Promise<PluginIdentity> {
  const plugin = await pluginFor(deps, e).catch(() => undefined); // an unreadable spec: recovery finds no plugin either
  if (!plugin) {
    const key = `not-found:${e.driver.toLowerCase()}`;
    return { keys: [key], shown: key };
  }
  return pluginIdentity(plugin);
}

/**
 * The journal entries of one volume (`plugin`: the endpoint keys the caller's lock holds); while the caller holds
 * the volume's lock, every one is a leftover. An entry of that name whose plugin cannot be resolved now is not
 * among them: it is not released under a lock that may not be its own (if it is on this plugin, the run's in-use
 * check finds its mount), and the periodic pass retries it.
 */
export async function leftoversOf(deps: RunDeps, plugin: readonly string[], name: string): Promise<JournalEntry[]> {
  const named = (await deps.journal.list()).entries.filter((x) => x.name.toLowerCase() === name.toLowerCase());
  const ids = await Promise.all(named.map((e) => entryIdentity(deps, e)));
  return named.filter((_, i) => {
    const id = ids[i]!;
    return 'keys' in id && samePlugin(id.keys, plugin);
  });
}

/**
 * Leftovers released before a dry run of their volume, in words: what went, and what stays and why. Only a
 * `failed` one holds the volume: an Unmount the plugin accepted but cannot show gone (`unverified`) blocks no run.
 */
export async function releaseLeftovers(deps: RunDeps, leftovers: readonly JournalEntry[]): Promise<{ released: string[]; kept: string[] }> {
  const out = { released: [] as string[], kept: [] as string[] };
  for (const e of leftovers) {
    const r = await recoverEntry(deps, e);
    const earlier = `an earlier dry run (started ${e.startedAt})`;
    if (r.kind === 'failed') out.kept.push(`${earlier} left ${e.driver}/${e.name} mounted${e.mountpoint ? ` at ${e.mountpoint}` : ''} and it cannot be released yet: ${r.error}`);
    else if (r.kind === 'released') out.released.push(`released the mount ${r.mountpoint ? `at ${r.mountpoint} ` : ''}${earlier} left${r.detail ? `: ${r.detail}` : ''}`);
    else if (r.kind === 'notMounted') out.released.push(`the mount ${earlier} left is gone: ${r.detail}`);
    else out.released.push(`sent the Unmount again for the mount ${earlier} left: the plugin accepted the Unmount, but cannot show whether the mount is gone (${r.detail})`);
  }
  return out;
}

/**
 * One pass over the journal: each entry whose volume nobody holds is a leftover and is retried. `seen` remembers,
 * per entry, the last outcome that kept it: a leftover that stays is logged only when its reason changes, and one
 * the driver cannot show gone (`unverified`) is not sent another Unmount every pass (it waits for a dry run of its
 * volume or the next start).
 */
export async function retryLeftovers(deps: RunDeps, seen: Map<string, { unverified: boolean; reason: string }>): Promise<void> {
  const { entries } = await deps.journal.list();
  const present = new Set(entries.map((e) => e.id));
  for (const id of seen.keys()) if (!present.has(id)) seen.delete(id); // released by a dry run meanwhile
  for (const e of entries) {
    if (deps.closing) return;
    if (seen.get(e.id)?.unverified) continue;
    const who = { driver: e.driver, name: e.name, startedAt: e.startedAt };
    const id = await entryIdentity(deps, e);
    if ('unresolved' in id) {
      // Without its plugin's identity there is no lock that surely covers it: not touched this pass.
      const reason = `${id.unresolved}; cannot tell which plugin it is on, so it is not released under a lock that may not be its own`;
      if (seen.get(e.id)?.reason !== reason) deps.log('warn', 'leftover-kept', { ...who, reason, what: `still journalled; retried every ${deps.config.leftoverRetryMs ?? DEFAULT_LEFTOVER_RETRY_MS} ms` });
      seen.set(e.id, { unverified: false, reason });
      continue;
    }
    // The list above is a moment old (resolving the plugin, earlier entries' releases). An entry a run or sweep of
    // this bridge is still responsible for is not a leftover. One that is not (any more) is either a leftover or
    // was cleared by its run before that run let go of it (runOne.ts), so a journal read from here on no longer
    // shows it: only an entry still journalled then, and still journalled under the volume's lock, is released.
    if (deps.ownEntries.has(e.id)) continue;
    const stillThere = async () => (await deps.journal.list()).entries.find((x) => x.id === e.id);
    if (!(await stillThere())) {
      seen.delete(e.id);
      continue;
    }
    const lock = deps.locks.tryAcquire(id.keys, e.name, `releasing a mount an earlier dry run left (since ${e.startedAt}, as ${e.driver}/${e.name})`);
    if ('heldBy' in lock) continue; // a run or a sweep of that volume: the entry may be its own
    try {
      const cur = await stillThere();
      if (!cur) {
        seen.delete(e.id);
        continue;
      }
      const r = await recoverEntry(deps, cur);
      if (r.kind === 'released' || r.kind === 'notMounted') {
        seen.delete(e.id);
        deps.log('info', 'leftover-released', { ...who, outcome: r.kind, ...('mountpoint' in r && r.mountpoint ? { mountpoint: r.mountpoint } : {}), ...(r.detail ? { detail: r.detail } : {}) });
      } else if (r.kind === 'unverified') {
        // Sent once; the entry goes when the plugin accepted it (release.ts), else it waits as said above.
        seen.set(e.id, { unverified: true, reason: r.detail });
        deps.log('warn', 'leftover-unverified', { ...who, detail: r.detail, what: 'the plugin accepted the unmount, but the driver cannot show whether it is gone; check the volume on this agent' });
      } else if (r.kind === 'failed') {
        if (seen.get(e.id)?.reason !== r.error) deps.log('warn', 'leftover-kept', { ...who, reason: r.error, what: `still mounted; retried every ${deps.config.leftoverRetryMs ?? DEFAULT_LEFTOVER_RETRY_MS} ms and before the next dry run of this volume` });
        seen.set(e.id, { unverified: false, reason: r.error });
      }
    } finally {
      lock.release();
    }
  }
}
