/**
 * Two pre-mount checks that come from what a driver is, not from who uses the volume (issue 8):
 *  - unshownUse: a driver whose Get shows neither a Mountpoint nor Status.Mounts (REX-Ray vfs, dvdi-bridge.md §5.2: no kernel
 *    mount, no users in Get) cannot show that a task holds the volume; only the isolators' checkpoints can, and
 *    only when the operator vouches that nothing else mounts it (`--trust-checkpoints-for <driver>`).
 *  - hazardRefusal: the shared driver table's hazards (`@marathon-devtools/schema/drivers`, the same table the
 *    linter reads) that destroy data on Mount are refused unless the operator allows them (`--allow-hazard <id>`).
 */
import { driverHazards } from '@marathon-devtools/schema/drivers/index';
import type { VolumeInfo } from '../plugin/client';
import type { RunDeps } from './deps';
import { statusMounts } from './release';

/** The plugin's Get shows no way to see a user: no Mountpoint (so no kernel mount to look for) and no Status.Mounts. */
function showsNoMountStatus(vol: VolumeInfo): boolean {
  return !vol.Mountpoint && statusMounts(vol) === undefined;
}

export function unshownUse(deps: RunDeps, driver: string, vol: VolumeInfo): string[] {
  const p = deps.config.proofs ?? {};
  if (!showsNoMountStatus(vol) || p.trustCheckpointsFor?.includes(driver) || p.privateDrivers?.includes(driver)) return [];
  return [
    `the plugin's Get shows no Mountpoint and no Status.Mounts, so this driver cannot show whether a task has the volume mounted (like REX-Ray's vfs, whose mounts are no kernel mounts; with unmount.ignoreusedcount our Unmount would detach a task's volume); if every user of ${driver} volumes is a Mesos task recorded in the isolators' checkpoints, start the bridge with --trust-checkpoints-for ${driver}`,
  ];
}

export function hazardRefusal(deps: RunDeps, driver: string, vol: VolumeInfo | undefined): string | undefined {
  if (!vol) return undefined; // a volume created now holds no data to lose
  const allowed = new Set(deps.config.proofs?.allowHazards ?? []);
  const hit = driverHazards(driver, { noMountStatus: showsNoMountStatus(vol) }).filter((h) => h.kind === 'wipes-on-mount' && !allowed.has(h.id));
  if (!hit.length) return undefined;
  return hit.map((h) => `hazard ${h.id}: ${h.text} (${h.source}); refusing to mount the pre-existing volume ${vol.Name}; if this agent's driver does not do this, start the bridge with --allow-hazard ${h.id}`).join('; ');
}
