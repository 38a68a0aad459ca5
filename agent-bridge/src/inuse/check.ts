/**
 * Decides whether a volume is in use by anyone but us, from every source the agent side offers (§8.2): both
 * isolators' checkpoints, the plugin's own Get answer (Status.Mounts lists caller IDs on ID-aware plugins such
 * as rclone), and the kernel's mount table for the path Get reported. Any one of them is enough: with the
 * ID-less protocol a plugin cannot tell our unmount from a task's, so a false "free" can tear a volume away
 * from a running task while a false "in use" only skips a dry run.
 */
import { join } from 'node:path';
import type { VolumeInfo } from '../plugin/client';
import { readDockerVolumeCheckpoints } from './docker-volume-checkpoint';
import { DVDI_CHECKPOINT_FILE, readDvdiCheckpoint } from './dvdi-checkpoint';
import { mountsAt, readMountinfo, type MountEntry } from './mountinfo';

export interface InUseReport {
  inUse: boolean;
  /** Human-readable reasons, e.g. "mesos-module-dvdi checkpoint: container abc". */
  reasons: string[];
  /** Sources that could not be read; reported as warnings, and treated as in-use only when unreadable data might hide a user. */
  problems: string[];
}

export interface CheckpointDirs {
  dockerVolume: string;
  dvdiModule: string;
}

// mesos-module-dvdi matches case-insensitively and Mesos case-sensitively; the looser match is the safe one.
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export async function checkpointUsers(dirs: CheckpointDirs, driver: string, name: string): Promise<InUseReport> {
  const reasons: string[] = [];
  const problems: string[] = [];
  const dvdiFile = join(dirs.dvdiModule, DVDI_CHECKPOINT_FILE);
  // The two isolators' files are independent: read them concurrently.
  const [dvdi, docker] = await Promise.allSettled([readDvdiCheckpoint(dvdiFile), readDockerVolumeCheckpoints(dirs.dockerVolume)]);
  if (dvdi.status === 'fulfilled') {
    for (const m of dvdi.value) {
      if (same(m.volumeDriver || 'rexray', driver) && same(m.volumeName, name)) reasons.push(`mesos-module-dvdi checkpoint ${dvdiFile}: container ${m.containerId} (mountpoint ${m.mountpoint || '?'})`);
    }
  } else problems.push(`cannot read ${dvdiFile}: ${(dvdi.reason as Error).message}; treating the volume as possibly in use`);
  if (docker.status === 'fulfilled') {
    for (const u of docker.value.uses) if (same(u.driver, driver) && same(u.name, name)) reasons.push(`docker/volume checkpoint ${dirs.dockerVolume}/${u.containerId}/volumes: container ${u.containerId}`);
    for (const x of docker.value.problems) problems.push(`${x}; treating the volume as possibly in use`);
  } else problems.push(`cannot read ${dirs.dockerVolume}: ${(docker.reason as Error).message}; treating the volume as possibly in use`);
  return { inUse: reasons.length > 0 || problems.length > 0, reasons, problems };
}

/**
 * What the plugin's Get and the kernel say. `ownIds` are mount IDs of our own in-flight mounts, ignored.
 * `table` is the mount table read alongside the Get (read here when not given).
 */
export async function pluginAndKernelUsers(vol: VolumeInfo, ownIds: string[] = [], table?: Promise<MountEntry[]>): Promise<InUseReport> {
  const reasons: string[] = [];
  const mounts = vol.Status && Array.isArray((vol.Status as { Mounts?: unknown }).Mounts) ? ((vol.Status as { Mounts: unknown[] }).Mounts) : [];
  const others = mounts.filter((m) => !(typeof m === 'string' && ownIds.includes(m)));
  if (others.length > 0) reasons.push(`plugin Get reports ${others.length} mount(s) by caller ID(s) ${others.map((m) => JSON.stringify(m)).join(', ')}`);
  if (vol.Mountpoint) {
    const at = mountsAt(await (table ?? readMountinfo()), vol.Mountpoint);
    if (at.length > 0) reasons.push(`${vol.Mountpoint} is mounted (${at[0].fsType} ${at[0].source}, /proc/self/mountinfo)`);
  }
  return { inUse: reasons.length > 0, reasons, problems: [] };
}
