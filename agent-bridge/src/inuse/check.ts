/**
 * Decides whether a volume is in use by anyone but us, from every source the agent side offers (dvdi-bridge.md §8.2): both
 * isolators' checkpoints, the plugin's own Get answer (Status.Mounts lists caller IDs on ID-aware plugins such
 * as rclone), and the kernel's mount table for the path Get reported. Any one of them is enough: with the
 * ID-less protocol a plugin cannot tell our unmount from a task's, so a false "free" can tear a volume away
 * from a running task while a false "in use" only skips a dry run.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { dockerUsers } from './dockerEngine';
import type { VolumeInfo } from '../plugin/client';
import { readDockerVolumeCheckpoints } from './dockerVolumeCheckpoint';
import { DVDI_CHECKPOINT_FILE, readDvdiCheckpoint } from './dvdiCheckpoint';
import { kernelMountsAt, MountStateUnknown, readMountinfo, type MountEntry } from './mountinfo';

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

/**
 * What the agent's sources are and which of them the operator has vouched for (serve flags, issue 8). A source
 * the agent should have that is missing or unreadable is a missing proof: the dry run is refused, naming the flag.
 */
export interface ProofSources {
  checkpointDirs: CheckpointDirs;
  /** `--no-docker-volume-isolator`: the agent runs no docker/volume isolator, so its missing checkpoint dir proves nothing is used through it. */
  noDockerVolumeIsolator?: boolean;
  /** `--no-dvdi-module`: the agent loads no mesos-module-dvdi. */
  noDvdiModule?: boolean;
  /** Docker Engine API socket; '' = not consulted (`--docker-socket none`). */
  dockerSocket: string;
  timeoutMs: number;
}

export async function checkpointUsers(src: Pick<ProofSources, 'checkpointDirs' | 'noDockerVolumeIsolator' | 'noDvdiModule'>, driver: string, name: string): Promise<InUseReport> {
  const dirs = src.checkpointDirs;
  const reasons: string[] = [];
  const problems: string[] = [];
  const dvdiFile = join(dirs.dvdiModule, DVDI_CHECKPOINT_FILE);
  // The two isolators' files are independent: read them concurrently.
  const [dvdi, docker, dvdiDir, dockerDir] = await Promise.allSettled([readDvdiCheckpoint(dvdiFile), readDockerVolumeCheckpoints(dirs.dockerVolume), stat(dirs.dvdiModule), stat(dirs.dockerVolume)]);
  if (dvdi.status === 'fulfilled') {
    for (const m of dvdi.value) {
      if (same(m.volumeDriver || 'rexray', driver) && same(m.volumeName, name)) reasons.push(`mesos-module-dvdi checkpoint ${dvdiFile}: container ${m.containerId} (mountpoint ${m.mountpoint || '?'})`);
    }
  } else problems.push(`cannot read the mesos-module-dvdi checkpoint ${dvdiFile} (${(dvdi.reason as Error).message}), so a task's use of the volume cannot be ruled out; fix its permissions or content`);
  if (dvdiDir.status === 'rejected' && !src.noDvdiModule) {
    problems.push(`the mesos-module-dvdi checkpoint dir ${dirs.dvdiModule} does not exist (${(dvdiDir.reason as NodeJS.ErrnoException).code}), so the module's tasks cannot be ruled out; point --dvdi-checkpoint-dir at it, or start the bridge with --no-dvdi-module if this agent does not load mesos-module-dvdi`);
  }
  if (docker.status === 'fulfilled') {
    for (const u of docker.value.uses) if (same(u.driver, driver) && same(u.name, name)) reasons.push(`docker/volume checkpoint ${dirs.dockerVolume}/${u.containerId}/volumes: container ${u.containerId}`);
    for (const x of docker.value.problems) problems.push(`${x}, so a task's use of the volume cannot be ruled out`);
  } else problems.push(`cannot read the docker/volume checkpoint dir ${dirs.dockerVolume} (${(docker.reason as Error).message}), so a task's use of the volume cannot be ruled out`);
  if (dockerDir.status === 'rejected' && !src.noDockerVolumeIsolator) {
    problems.push(`the docker/volume isolator checkpoint dir ${dirs.dockerVolume} does not exist (Mesos creates it when the agent starts with that isolator), so its tasks cannot be ruled out; start the bridge with --docker-volume-checkpoint-dir <the agent's --docker_volume_checkpoint_dir>, or with --no-docker-volume-isolator if this agent does not run it`);
  }
  return { inUse: reasons.length > 0 || problems.length > 0, reasons, problems };
}

/** Every agent-side source at once: both isolators' checkpoints and Docker's running containers. */
export async function agentUsers(src: ProofSources, driver: string, name: string): Promise<InUseReport> {
  const [cp, dk] = await Promise.all([
    checkpointUsers(src, driver, name),
    src.dockerSocket ? dockerUsers(src.dockerSocket, driver, name, src.timeoutMs).then((v) => ({ ok: true as const, v }), (e: Error) => ({ ok: false as const, e })) : undefined,
  ]);
  if (dk && dk.ok) for (const c of dk.v.containers ?? []) cp.reasons.push(`Docker container ${c.id}${c.names.length ? ` (${c.names.join(', ')})` : ''} mounts it (Docker Engine API at ${src.dockerSocket})`);
  if (dk && !dk.ok) cp.problems.push(`the Docker Engine API at ${src.dockerSocket} did not answer properly (${dk.e.message}), so a Docker containerizer task's use of the volume cannot be ruled out; fix dockerd, or start the bridge with --docker-socket none if no Docker container on this agent can use these volumes`);
  return { inUse: cp.reasons.length > 0 || cp.problems.length > 0, reasons: cp.reasons, problems: cp.problems };
}

/**
 * What the plugin's Get and the kernel say. `ownIds` are mount IDs of our own in-flight mounts, ignored.
 * `table` is the mount table read alongside the Get (read here when not given). A mountpoint whose mount state
 * cannot be seen (its parent does not answer, mountinfo.ts) is a problem: a missing proof, so the dry run is refused.
 */
export async function pluginAndKernelUsers(vol: VolumeInfo, ownIds: string[] = [], table?: Promise<MountEntry[]>): Promise<InUseReport> {
  const reasons: string[] = [];
  const problems: string[] = [];
  const mounts = vol.Status && Array.isArray((vol.Status as { Mounts?: unknown }).Mounts) ? ((vol.Status as { Mounts: unknown[] }).Mounts) : [];
  const others = mounts.filter((m) => !(typeof m === 'string' && ownIds.includes(m)));
  if (others.length > 0) reasons.push(`plugin Get reports ${others.length} mount(s) by caller ID(s) ${others.map((m) => JSON.stringify(m)).join(', ')}`);
  if (vol.Mountpoint) {
    const at = await kernelMountsAt(await (table ?? readMountinfo()), vol.Mountpoint);
    if (at instanceof MountStateUnknown) problems.push(`${at.message}; ${at.remedy}`);
    else if (at.length > 0) reasons.push(`${vol.Mountpoint} is mounted (${at[0].fsType} ${at[0].source}, /proc/self/mountinfo)`);
  }
  return { inUse: reasons.length > 0 || problems.length > 0, reasons, problems };
}
