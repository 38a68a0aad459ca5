/**
 * The seam between the bridge's transport (server/: websocket, auth, JSON-RPC, policy per token) and its
 * mount machinery (dryrun/, engines/, plugin/, local-driver/, journal/). The transport only ever calls these.
 * Param and result shapes are the wire protocol's own types, generated from the protocol schema.
 */

// The wire shapes come from the protocol schema (schema/source/protocol.ts): never copied here.
export type { DryRunMountParams, DryRunMountResult, EngineName, VolumeListResult } from '@marathon-devtools/schema/generated/dvdi-bridge-protocol';
import type { BridgeInfoResult, DryRunMountResult, DryRunProgressParams, DryRunMountParams, EngineName, VolumeListResult } from '@marathon-devtools/schema/generated/dvdi-bridge-protocol';

export type Verdict = DryRunMountResult['verdict'];
/** One step of a dry run (the schema's `dryRunStep`). */
export type Step = DryRunMountResult['steps'][number];
/** A volume driver (plugin) the bridge found, as `bridge/info` lists it. */
export type DiscoveredDriver = BridgeInfoResult['drivers'][number];
export type ProgressStatus = DryRunProgressParams['status'];

/** What one token may do (from the policy file). Resolved by the transport, enforced by the dry-runner. */
export interface Policy {
  /** Driver names allowed; undefined = any. */
  allowedDrivers?: string[];
  /** Regular expressions (full match) a volume name must match; undefined = any. */
  volumeNamePatterns?: string[];
  /** Whether `allowCreate: true` in a request is honoured. */
  allowCreate: boolean;
  /** Option keys considered destructive that this token may still pass (default none: all refused). */
  allowDestructiveOptions: string[];
}

export interface DryRunContext {
  policy: Policy;
  /** Aborted on `$/cancelRequest` or a dropped connection; the runner must still unmount what it mounted. */
  signal: AbortSignal;
  onProgress(step: string, status: ProgressStatus): void;
}

export interface DryRunnerConfig {
  /** Engine used when a request names none. */
  defaultEngine: EngineName;
  /** dvdcli binary for docker-volume / dvdi-module engines. */
  dvdcliPath: string;
  /** Offer only the plugin engine (the embedded local driver: its socket is where no dvdcli looks). */
  onlyPluginEngine?: boolean;
  /** Plugin discovery directories, in dvdcli's order (sockets, then spec/json files). */
  pluginDirs: string[];
  /** Journal, local driver data, logs. The bridge never writes anywhere else. */
  stateDir: string;
  /** Isolator checkpoint roots read (never written) for in-use detection. */
  checkpointDirs: { dockerVolume: string; dvdiModule: string };
  /** What proves a volume unused before it is mounted, and what the operator vouches for (serve flags; issue 8). */
  proofs?: ProofOptions;
  /**
   * Per-call timeouts in ms (defaults: mount 120 000, unmount 600 000, plugin calls 30 000). `lateMountGrace`:
   * how long after a mount with an unknown outcome (timeout, dropped connection) the runner keeps watching for
   * the plugin to finish it, so it can release it (default: the mount timeout, at least 3 000, at most 120 000).
   */
  timeouts?: { mount?: number; unmount?: number; pluginCall?: number; lateMountGrace?: number };
  /**
   * How often mounts that dry runs could not release are retried once recover() has run (leftovers.ts; default
   * 30 000; 0: only before the next dry run of their volume and at the next start).
   */
  leftoverRetryMs?: number;
  /**
   * The embedded local driver, when this process serves it (`serve` without --engine and --plugin-dirs). A Mount a
   * killed predecessor had in flight at it died with that process, so recover() judges such an entry as soon as no
   * mount(8) child of the dead driver is left, instead of waiting the late-mount grace (recover.ts).
   */
  embeddedDriver?: EmbeddedDriver;
  /** Structured log lines from work that outlives a request (default: JSON lines on stderr, like the server's). */
  log?: (level: 'info' | 'warn', event: string, fields: Record<string, unknown>) => void;
}

/** The embedded local driver as recover() needs it: its socket, and whether a dead driver's mount children are gone. */
export interface EmbeddedDriver {
  socketPath: string;
  /** No mount(8) or umount(8) is running on this volume's mountpoint any more (local-driver/mountChildren.ts). */
  mountersGone(name: string): Promise<boolean>;
}

/**
 * The operator's say on the proofs of "unused" (dvdi-bridge serve flags). Each flag vouches for one proof the
 * bridge cannot find itself; without it a missing proof refuses the dry run.
 */
export interface ProofOptions {
  /** `--no-docker-volume-isolator`: this agent runs no docker/volume isolator (its checkpoint dir may be missing). */
  noDockerVolumeIsolator?: boolean;
  /** `--no-dvdi-module`: this agent loads no mesos-module-dvdi (its checkpoint dir may be missing). */
  noDvdiModule?: boolean;
  /** `--docker-socket`: the Docker Engine API socket (default /var/run/docker.sock, consulted when it exists); "" = not consulted. */
  dockerSocket?: string;
  /** `--trust-checkpoints-for D`: drivers that cannot show their mounts (no kernel mount, no Status.Mounts) whose only users are the checkpointed isolators. */
  trustCheckpointsFor?: string[];
  /** `--allow-hazard ID`: driver hazards (shared driver table) the operator accepts for dry runs. */
  allowHazards?: string[];
  /** Drivers only this bridge can reach (the embedded local driver's socket is under the state dir): no task can use them. */
  privateDrivers?: string[];
}

export interface RecoveryReport {
  /** Mounts left by a previous run (crash), found in the journal, unmounted now and seen gone; `detail` when not through the plugin (disowned.ts). */
  released: { driver: string; name: string; mountpoint?: string; detail?: string }[];
  /** Journal entries whose mount never happened or was already gone (seen: no kernel mount, no caller ID of ours); cleared. */
  notMounted: { driver: string; name: string; detail: string }[];
  /** The plugin accepted the Unmount, but the driver cannot show whether anything is still mounted; cleared, reported. */
  unverified: { driver: string; name: string; detail: string }[];
  /** Journal entries that could not be released, with the reason; they stay for the next start. */
  failed: { driver: string; name: string; error: string }[];
}

/** Startup recovery under way: every volume it judges is locked (dry runs of it answer `in-use`) until judged. */
export interface StartedRecovery {
  /** The report, once every entry is judged (or, when the runner closes, given up on: those stay journalled). */
  done: Promise<RecoveryReport>;
  /** The volumes whose entries are not judged yet. */
  pending(): { driver: string; name: string }[];
}

export interface DryRunner {
  /** Never rejects for a volume-level problem: those are verdicts. Rejects only on programming errors. */
  dryRunMount(params: DryRunMountParams, ctx: DryRunContext): Promise<DryRunMountResult>;
  listVolumes(driver: string, signal: AbortSignal): Promise<VolumeListResult>;
  listDrivers(): Promise<DiscoveredDriver[]>;
  engines(): EngineName[];
  /** The engine used when a request names none; the transport validates such requests for this engine. */
  readonly defaultEngine: EngineName;
  /**
   * Replays the journal: unmounts whatever a killed predecessor left mounted. Call once at startup; from then on
   * mounts a dry run could not release are retried every `leftoverRetryMs`.
   */
  recover(): Promise<RecoveryReport>;
  /**
   * recover() for a bridge that listens while slow entries are still judged: resolves once every entry's volume is
   * locked (and any entry no lock can cover is judged); `done` is recover()'s report. Call one of the two, once.
   */
  startRecovery(): Promise<StartedRecovery>;
  /**
   * Waits for running dry runs (and their unmounts); cancels late-mount sweeps and a startup recovery's waits for
   * Mounts in flight, whose entries stay for the next start.
   */
  close(): Promise<void>;
}
