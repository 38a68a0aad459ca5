/**
 * The in-use re-check before any unmount of ours (dvdi-bridge.md §8.9): before the normal unmount, after a mount with an
 * unknown outcome, in the late-mount sweep and in recover(). Mesos serializes volume operations only inside the
 * agent, so a task may have started using the volume while the dry run held it mounted (or while the bridge was
 * down). Both isolators' checkpoints, the plugin's Get and the kernel's mount table are read again,
 * concurrently; any user other than our own mount, or a task record (checkpoint, Docker, mount table) that cannot
 * be read, means no unmount (a failed Get only warns, below):
 *   - checkpoints and Docker's running containers: a container listed for this volume name through this driver,
 *     another name of the same plugin, or a driver name that cannot be resolved now (inuse/driverMatch.ts);
 *   - plugin Get: caller IDs in Status.Mounts other than ours (our ID, or one "" for dvdcli's ID-less mount);
 *   - /proc/self/mountinfo: more than one mount stacked on the volume's mountpoint. Ours is at most one layer
 *     (the pre-flight refused a volume already mounted there); a plugin without reference counting mounts again
 *     for another caller, and an ID-less Unmount would then take the top layer, which may be theirs. Layers that
 *     cannot be counted (the mountpoint's parent does not answer, inuse/mountinfo.ts) count as someone else's.
 */
import { agentUsers } from '../inuse/check';
import { kernelMountsAt, MountStateUnknown, readMountinfo } from '../inuse/mountinfo';
import type { JournalEntry } from '../journal/journal';
import type { PluginClient } from '../plugin/client';
import { pluginIdentity } from '../plugin/endpoint';
import { proofSources, type RunDeps } from './deps';

export async function recheckUsers(deps: RunDeps, client: PluginClient, entry: JournalEntry, warnings: string[]): Promise<{ ok: boolean; detail: string }> {
  // Matched against the plugin this unmount goes to (client.addr), whatever name the task's record uses for it.
  const id = await pluginIdentity(client.addr);
  const [cp, others] = await Promise.all([agentUsers(proofSources(deps, entry.driver, 'keys' in id ? id.keys : undefined), entry.driver, entry.name), otherCallers(deps, client, entry, warnings)]);
  // A source that cannot be read now (dockerd stopped answering, a checkpoint dir unreadable) proves nothing: the
  // pre-flight refuses on the same problems, and here they keep the mount for a later retry instead of an unmount.
  const reasons = [...cp.reasons, ...cp.problems, ...others];
  return { ok: reasons.length === 0, detail: reasons.length ? reasons.join('; ') : 'still unused by anyone else' };
}

async function otherCallers(deps: RunDeps, client: PluginClient, entry: JournalEntry, warnings: string[]): Promise<string[]> {
  const table = readMountinfo();
  table.catch(() => undefined);
  const out: string[] = [];
  let now: Awaited<ReturnType<PluginClient['get']>>;
  try {
    now = await client.get(entry.name, { timeoutMs: deps.timeouts.pluginCall });
    // Our own mount shows as our ID (plugin engine) or as one "" (dvdcli, ID-less).
    const own = entry.mountId ? [entry.mountId] : [''];
    const mounts = now && Array.isArray((now.Status as { Mounts?: unknown } | undefined)?.Mounts) ? (now.Status as { Mounts: unknown[] }).Mounts : [];
    if (mounts.includes(own[0])) entry.seenId = true; // later absence from the list then shows the release
    const rest = [...mounts];
    for (const o of own) {
      const i = rest.indexOf(o);
      if (i >= 0) rest.splice(i, 1);
    }
    if (rest.length) out.push(`plugin Get now reports other caller IDs ${JSON.stringify(rest)}`);
  } catch (e) {
    // Not a reason to keep the mount: the Unmount goes to the same plugin (a crashed one takes nothing down, and
    // the release then sees what is left), and the tasks' own records (checkpoints, Docker, the mount table) are
    // read regardless. Keeping it would leave a journal entry behind every plugin crash.
    warnings.push(`could not re-read the volume from the plugin before unmounting: ${(e as Error).message}`);
  }
  const mountpoint = entry.mountpoint ?? now?.Mountpoint;
  if (mountpoint) {
    try {
      const layers = await kernelMountsAt(await table, mountpoint);
      if (layers instanceof MountStateUnknown) out.push(`${layers.message}, so a mount of someone else's stacked on ours cannot be ruled out; ${layers.remedy}`);
      else if (layers.length > 1) out.push(`${mountpoint} has ${layers.length} mounts stacked on it in /proc/self/mountinfo (${layers.map((l) => `${l.fsType} ${l.source}`).join(', ')}); ours is at most one, so someone else mounted it too`);
    } catch (e) {
      out.push(`cannot read /proc/self/mountinfo (${(e as Error).message}), so a mount of someone else's stacked on ours cannot be ruled out`);
    }
  }
  return out;
}
