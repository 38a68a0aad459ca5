/**
 * What every piece of the mount machinery shares for the life of a runner: its config, engines, journal, locks,
 * activation cache, timeouts and log, plus the late-mount sweeps in progress. Its own module so that the run
 * (runOne.ts), the release path (release.ts), the sweep (lateMount.ts) and recovery (recover.ts) import it
 * without importing each other (issue 14: no import circle).
 */
import type { Engine } from '../engines/engine';
import type { Journal } from '../journal/journal';
import { DEFAULT_DOCKER_SOCKET } from '../inuse/dockerEngine';
import type { ProofSources } from '../inuse/check';
import type { DryRunnerConfig, EngineName } from './contract';
import type { VolumeLocks } from './volumeLock';

export interface Sweep {
  readonly done: Promise<string>;
  cancel(): void;
}

export interface RunDeps {
  config: DryRunnerConfig;
  engines: Record<EngineName, Engine>;
  journal: Journal;
  locks: VolumeLocks;
  timeouts: { mount: number; unmount: number; pluginCall: number; lateMountGrace?: number };
  /** Structured log lines from work that outlives a request (late-mount sweeps). */
  log: (level: 'info' | 'warn', event: string, fields: Record<string, unknown>) => void;
  /** Late-mount sweeps in progress; close() cancels them. */
  sweeps: Set<Sweep>;
  /** Set by close(): no new sweep is started, the journal keeps the entry for recover(). */
  closing: boolean;
  /**
   * Journal entries a run or late-mount sweep of this process is still responsible for: added before the entry is
   * written, removed only once the run or sweep is done with it (cleared, or left as a leftover). The leftover pass
   * never takes one of these for a leftover (leftovers.ts).
   */
  ownEntries: Set<string>;
}

/**
 * The agent-side sources for one driver; a driver private to this bridge needs none of the isolators' proofs.
 * `pluginKeys`: the driver's plugin identity when the caller has resolved it (the run's lock key, the plugin a
 * release goes to), so that tasks' records under another name of that plugin are matched against the very plugin.
 */
export function proofSources(deps: RunDeps, driver: string, pluginKeys?: readonly string[]): ProofSources {
  const p = deps.config.proofs ?? {};
  const priv = p.privateDrivers?.includes(driver) ?? false;
  return {
    checkpointDirs: deps.config.checkpointDirs,
    noDockerVolumeIsolator: priv || p.noDockerVolumeIsolator,
    noDvdiModule: priv || p.noDvdiModule,
    dockerSocket: priv ? '' : (p.dockerSocket ?? DEFAULT_DOCKER_SOCKET),
    timeoutMs: deps.timeouts.pluginCall,
    pluginDirs: deps.config.pluginDirs,
    ...(pluginKeys ? { pluginKeys } : {}),
  };
}
