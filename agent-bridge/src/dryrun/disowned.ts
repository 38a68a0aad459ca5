/**
 * A mount of ours that the plugin has disowned, for recover() when every Unmount through the plugin left the kernel
 * mount in place. rclone `serve docker` drops a mount request before it unmounts (cmd/serve/docker/volume.go
 * `unmount`): when that unmount fails busy (the killed bridge's verify probe still had the mount open), rclone keeps
 * serving a FUSE mount it no longer knows. Each later Unmount answers "volume is not mounted", Get lists no caller,
 * and rclone's next Mount of the volume fails on the non-empty mountpoint: the next task using the volume would not
 * start. The plugin can no longer take it down, so the bridge unmounts the kernel mount itself, only when all of this holds:
 *  - the journal says we asked for this mount (the entry recover() is handling);
 *  - the plugin's Get answers, names this very path as the volume's Mountpoint, and lists no caller at all in
 *    Status.Mounts (a plugin that does not list callers gives no such proof: nothing is done);
 *  - the in-use re-check passes (recheck.ts: agent checkpoints, Docker's containers, no other caller, one mount layer);
 *  - the kernel agrees: a plain umount(8), never lazy (-l) or forced (-f), fails busy while any process uses the mount.
 * dvdi-bridge.md §8.7 says to unmount with the isolator's argv and report residue; this is the one case where that
 * argv provably cannot work, and the report says which path was taken.
 */
import { processEnding, runProcess } from '../engines/runProcess';
import { kernelMountsAt, readMountinfo } from '../inuse/mountinfo';
import type { JournalEntry } from '../journal/journal';
import type { PluginClient } from '../plugin/client';
import type { RunDeps } from './deps';
import { recheckUsers } from './recheck';
import { lookForMount, statusMounts } from './release';

export type DisownedOutcome = { ok: true; detail: string } | { ok: false; error: string } | { ok: false; notDisowned: true };

export async function unmountDisowned(deps: RunDeps, e: JournalEntry, client: PluginClient, mountpoint: string, warnings: string[]): Promise<DisownedOutcome> {
  const notDisowned = { ok: false, notDisowned: true } as const;
  let vol: Awaited<ReturnType<PluginClient['get']>>;
  try {
    vol = await client.get(e.name, { timeoutMs: deps.timeouts.pluginCall });
  } catch {
    return notDisowned;
  }
  const callers = statusMounts(vol);
  if (!vol || vol.Mountpoint !== mountpoint || callers === undefined || callers.length > 0) return notDisowned;
  // Exactly our one layer; a mount state that cannot be seen (MountStateUnknown) proves nothing, so nothing is done.
  const layers = await kernelMountsAt(await readMountinfo(), mountpoint);
  if (!Array.isArray(layers) || layers.length !== 1) return notDisowned;
  const recheck = await recheckUsers(deps, client, e, warnings);
  if (!recheck.ok) return { ok: false, error: `now in use, or its use cannot be ruled out (${recheck.detail}); unmounting could tear it from a user, so it is left mounted` };
  const disowned = `the plugin no longer lists any caller for ${e.name} (Get: Status.Mounts []) while ${mountpoint} stayed mounted, so no Unmount through it can take the mount down`;
  const um = await runProcess('umount', [mountpoint], { timeoutMs: deps.timeouts.unmount });
  const look = await lookForMount(deps, e, client, mountpoint);
  if (look.state === 'gone') {
    await deps.journal.clear(e.id);
    return { ok: true, detail: `${disowned}; nobody else used it, so the bridge unmounted ${mountpoint} itself (umount) and saw it gone` };
  }
  // A umount killed by a signal (an operator's kill, the OOM killer) has no exit code: the signal is named instead.
  const why = processEnding(um, deps.timeouts.unmount);
  return { ok: false, error: `${disowned}; the bridge's own umount of ${mountpoint} failed (${why}), so it stays mounted: ${look.detail}` };
}
