/**
 * Decides whether a volume is in use by anyone but us, from every source the agent side offers (dvdi-bridge.md §8.2): both
 * isolators' checkpoints, the plugin's own Get answer (Status.Mounts lists caller IDs on ID-aware plugins such
 * as rclone), and the kernel's mount table for the path Get reported. Any one of them is enough: with the
 * ID-less protocol a plugin cannot tell our unmount from a task's, so a false "free" can tear a volume away
 * from a running task while a false "in use" only skips a dry run. A task's record counts when its driver name is
 * the requested one or reaches the same plugin (driverMatch.ts), since one plugin can have several names.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { dockerUsers } from './dockerEngine';
import { driverMatcher, sameName, type DriverMatcher } from './driverMatch';
import type { PluginClient, VolumeInfo } from '../plugin/client';
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
  /** Where discovery finds plugins: a task's driver name is resolved there to tell whether it is the requested plugin (driverMatch.ts). */
  pluginDirs?: readonly string[];
  /** The requested plugin's identity (plugin/endpoint.ts) when the caller has resolved it already; else resolved from the driver name. */
  pluginKeys?: readonly string[];
}

const matcherFor = (src: Pick<ProofSources, 'pluginDirs' | 'pluginKeys'>, driver: string): DriverMatcher => driverMatcher(driver, src.pluginDirs, src.pluginKeys);
/** " uses it through driver X, …" when the match is by plugin, not by name. */
const through = (m: { how: string }) => (m.how ? ` uses it ${m.how}` : '');

/** A task's record of the volume: the driver names it holds (the first that may be the plugin counts), and how to say it is a use. */
interface UseRecord {
  drivers: string[];
  says: (m: { how: string }) => string;
}

/** Both isolators' records of `name` (any driver), and what could not be read. */
async function checkpointRecords(src: Pick<ProofSources, 'checkpointDirs' | 'noDockerVolumeIsolator' | 'noDvdiModule'>, name: string): Promise<{ records: UseRecord[]; problems: string[] }> {
  const dirs = src.checkpointDirs;
  const records: UseRecord[] = [];
  const problems: string[] = [];
  const dvdiFile = join(dirs.dvdiModule, DVDI_CHECKPOINT_FILE);
  // The two isolators' files are independent: read them concurrently.
  const [dvdi, docker, dvdiDir, dockerDir] = await Promise.allSettled([readDvdiCheckpoint(dvdiFile), readDockerVolumeCheckpoints(dirs.dockerVolume), stat(dirs.dvdiModule), stat(dirs.dockerVolume)]);
  if (dvdi.status === 'fulfilled') {
    // The volume name first (no lookup for other volumes); the module's default driver is rexray (dvdi-bridge.md §1.2).
    for (const m of dvdi.value.filter((m) => sameName(m.volumeName, name))) {
      records.push({ drivers: [m.volumeDriver || 'rexray'], says: (f) => `mesos-module-dvdi checkpoint ${dvdiFile}: container ${m.containerId} (mountpoint ${m.mountpoint || '?'})${through(f)}` });
    }
  } else problems.push(`cannot read the mesos-module-dvdi checkpoint ${dvdiFile} (${(dvdi.reason as Error).message}), so a task's use of the volume cannot be ruled out; fix its permissions or content`);
  if (dvdiDir.status === 'rejected' && !src.noDvdiModule) {
    problems.push(`the mesos-module-dvdi checkpoint dir ${dirs.dvdiModule} does not exist (${(dvdiDir.reason as NodeJS.ErrnoException).code}), so the module's tasks cannot be ruled out; point --dvdi-checkpoint-dir at it, or start the bridge with --no-dvdi-module if this agent does not load mesos-module-dvdi`);
  }
  if (docker.status === 'fulfilled') {
    for (const u of docker.value.uses.filter((u) => sameName(u.name, name))) {
      records.push({ drivers: [u.driver], says: (f) => `docker/volume checkpoint ${dirs.dockerVolume}/${u.containerId}/volumes: container ${u.containerId}${through(f)}` });
    }
    for (const x of docker.value.problems) problems.push(`${x}, so a task's use of the volume cannot be ruled out`);
  } else problems.push(`cannot read the docker/volume checkpoint dir ${dirs.dockerVolume} (${(docker.reason as Error).message}), so a task's use of the volume cannot be ruled out`);
  if (dockerDir.status === 'rejected' && !src.noDockerVolumeIsolator) {
    problems.push(`the docker/volume isolator checkpoint dir ${dirs.dockerVolume} does not exist (Mesos creates it when the agent starts with that isolator), so its tasks cannot be ruled out; start the bridge with --docker-volume-checkpoint-dir <the agent's --docker_volume_checkpoint_dir>, or with --no-docker-volume-isolator if this agent does not run it`);
  }
  return { records, problems };
}

/** The records whose driver may be the requested plugin, in words; every other name resolved in one call of `matches`. */
async function usesAmong(records: readonly UseRecord[], matches: DriverMatcher): Promise<string[]> {
  if (records.length === 0) return [];
  const found = await matches(records.flatMap((r) => r.drivers));
  return records.flatMap((r) => {
    const f = r.drivers.map((d) => found.get(d)!).find((m) => m.same);
    return f?.same ? [r.says(f)] : [];
  });
}

export async function checkpointUsers(
  src: Pick<ProofSources, 'checkpointDirs' | 'noDockerVolumeIsolator' | 'noDvdiModule' | 'pluginDirs' | 'pluginKeys'>,
  driver: string,
  name: string,
  matches: DriverMatcher = matcherFor(src, driver),
): Promise<InUseReport> {
  const { records, problems } = await checkpointRecords(src, name);
  const reasons = await usesAmong(records, matches);
  return { inUse: reasons.length > 0 || problems.length > 0, reasons, problems };
}

/**
 * Every agent-side source at once: both isolators' checkpoints and Docker's running containers. Every driver name
 * their records hold is resolved together, in one discovery child (driverMatch.ts). `matches`: a matcher kept
 * across the checks of one listing, so each name is resolved once.
 */
export async function agentUsers(src: ProofSources, driver: string, name: string, matches: DriverMatcher = matcherFor(src, driver)): Promise<InUseReport> {
  const [cp, dk] = await Promise.all([
    checkpointRecords(src, name),
    src.dockerSocket ? dockerUsers(src.dockerSocket, name, src.timeoutMs).then((v) => ({ ok: true as const, v }), (e: Error) => ({ ok: false as const, e })) : undefined,
  ]);
  const records = [...cp.records];
  const problems = [...cp.problems];
  if (dk && dk.ok) {
    for (const c of dk.v.containers ?? []) {
      const shown = `Docker container ${c.id}${c.names.length ? ` (${c.names.join(', ')})` : ''}`;
      const where = `(Docker Engine API at ${src.dockerSocket})`;
      // By name first; else each of its drivers but the built-in `local`. Docker registers `local` at start and looks
      // a driver name up among its registered drivers before any plugin (moby volume/drivers/extpoint.go,
      // Store.lookup), so no plugin behind that name is ever reached from a container.
      const drivers = c.drivers.some((d) => sameName(d, driver)) ? [driver] : [...new Set(c.drivers.filter((d) => d !== 'local'))];
      records.push({ drivers, says: (f) => `${shown} mounts it${f.how ? ` ${f.how}` : ''} ${where}` });
    }
  }
  if (dk && !dk.ok) problems.push(`the Docker Engine API at ${src.dockerSocket} did not answer properly (${dk.e.message}), so a Docker containerizer task's use of the volume cannot be ruled out; fix dockerd, or start the bridge with --docker-socket none if no Docker container on this agent can use these volumes`);
  const reasons = await usesAmong(records, matches);
  return { inUse: reasons.length > 0 || problems.length > 0, reasons, problems };
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

/**
 * pluginAndKernelUsers on a Get and a mount table read now: the pre-flight's second look when its first Get was read
 * before the slowest of the agent's sources answered (dryrun/runOne.ts). A Get that fails now proves nothing. A volume
 * that came or went since the first Get (`existed`) is someone else's doing, and the pre-flight's decisions on the first
 * (create it, no driver hazard for a volume made now) no longer hold: a task's dvdcli creates the volume right before
 * its Mount (dvdi-bridge.md §3.1).
 */
export async function pluginAndKernelUsersNow(client: PluginClient, name: string, call: { timeoutMs: number; signal?: AbortSignal }, existed: boolean): Promise<InUseReport> {
  const table = readMountinfo();
  table.catch(() => undefined); // awaited only when the volume exists
  let vol: VolumeInfo | undefined;
  try {
    vol = await client.get(name, call);
  } catch (e) {
    return { inUse: true, reasons: [], problems: [`the plugin's Get, read again once the agent's sources had answered, failed (${(e as Error).message}), so a mount made meanwhile cannot be ruled out`] };
  }
  if ((vol !== undefined) !== existed) {
    const what = vol ? 'created by someone else' : 'removed by someone else';
    return { inUse: true, reasons: [`${name} was ${what} while the pre-flight read the agent's sources (the plugin's Get ${vol ? 'found no such volume' : 'found it'} a moment before), most likely for a task starting on it`], problems: [] };
  }
  return vol ? pluginAndKernelUsers(vol, [], table) : { inUse: false, reasons: [], problems: [] };
}
