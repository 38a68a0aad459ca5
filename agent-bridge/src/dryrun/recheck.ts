/**
 * The in-use re-check just before the unmount (§8.9): Mesos serializes volume operations only inside the agent,
 * so a task may have started using the volume while the dry run held it mounted. Both isolators' checkpoints
 * and the plugin's Get are read again, concurrently; any user other than our own mount means no unmount.
 */
import { checkpointUsers } from '../inuse/check';
import type { JournalEntry } from '../journal/journal';
import type { PluginClient } from '../plugin/client';
import type { RunDeps } from './run-one';

export async function recheckUsers(deps: RunDeps, client: PluginClient, entry: JournalEntry, warnings: string[]): Promise<{ ok: boolean; detail: string }> {
  const [cp, others] = await Promise.all([checkpointUsers(deps.config.checkpointDirs, entry.driver, entry.name), otherCallers(deps, client, entry, warnings)]);
  const reasons = [...cp.reasons, ...others];
  return { ok: reasons.length === 0, detail: reasons.length ? reasons.join('; ') : 'still unused by anyone else' };
}

async function otherCallers(deps: RunDeps, client: PluginClient, entry: JournalEntry, warnings: string[]): Promise<string[]> {
  try {
    const now = await client.get(entry.name, { timeoutMs: deps.timeouts.pluginCall });
    // Our own mount shows as our ID (plugin engine) or as one "" (dvdcli, ID-less).
    const own = entry.mountId ? [entry.mountId] : [''];
    const mounts = now && Array.isArray((now.Status as { Mounts?: unknown } | undefined)?.Mounts) ? (now.Status as { Mounts: unknown[] }).Mounts : [];
    const rest = [...mounts];
    for (const o of own) {
      const i = rest.indexOf(o);
      if (i >= 0) rest.splice(i, 1);
    }
    return rest.length ? [`plugin Get now reports other caller IDs ${JSON.stringify(rest)}`] : [];
  } catch (e) {
    warnings.push(`could not re-read the volume from the plugin before unmounting: ${(e as Error).message}`);
    return [];
  }
}
