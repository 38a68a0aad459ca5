/**
 * What every engine does: the agent's mount and unmount of one volume, through the same path the agent would
 * take. Pre-flight (discovery, Get, in-use, policy) is shared and happens before an engine is asked anything.
 */
import type { EngineName } from '../dryrun/contract';
import type { PluginAddress } from '../plugin/discovery';

export interface MountRequest {
  driver: string;
  name: string;
  /** Sent only when the volume does not exist yet (dvdcli ignores options for an existing volume). */
  options: Record<string, string>;
  /** Whether the volume must be created first (only when the policy and the request allow it). */
  create: boolean;
  plugin: PluginAddress;
  timeoutMs: number;
  /** Caller ID for engines that send one (plugin engine); dvdcli sends none. */
  mountId?: string;
  /** Process group of a spawned dvdcli, for the journal. */
  onSpawn?: (pgid: number) => void;
}

export interface UnmountRequest {
  driver: string;
  name: string;
  plugin: PluginAddress;
  /** The ID used by the mount (plugin engine only). */
  mountId?: string;
  timeoutMs: number;
}

export interface MountOutcome {
  ok: boolean;
  mountpoint?: string;
  /** What was run, and what went wrong. */
  detail: string;
  /** True when the outcome is unknown (timeout, kill): the plugin may still finish the mount. */
  indeterminate?: boolean;
}

export interface Engine {
  readonly name: EngineName;
  /** Whether Mount/Unmount carry a caller ID (Docker ≥ 1.12 style) rather than dvdcli's ID-less request. */
  readonly sendsMountId: boolean;
  mount(req: MountRequest): Promise<MountOutcome>;
  unmount(req: UnmountRequest): Promise<{ ok: boolean; detail: string }>;
}
