/**
 * Builds the DryRunner for `serve`. With no engine configured (neither --engine nor --plugin-dirs) the bridge
 * serves its embedded `local` driver on a socket under the state dir and reaches it through the plugin engine,
 * exactly like a third-party plugin, so a newcomer can dry-run without a cluster, dvdcli or root.
 */
import { join } from 'node:path';
import type { DryRunner, DryRunnerConfig } from '../dryrun/index';
import { createDryRunner, startLocalDriver } from '../dryrun/index';
import { DEFAULT_PLUGIN_DIRS, type ServeConfig } from './serveConfig';

export interface RunnerSetup {
  runner: DryRunner;
  /** For the startup log line: what the bridge will mount through. */
  describe: Record<string, unknown>;
  /** Closes the runner (which waits for in-flight mounts to be released), then the local driver if any. */
  stop(): Promise<void>;
}

export async function setUpRunner(cfg: ServeConfig, log?: DryRunnerConfig['log']): Promise<RunnerSetup> {
  const base = { dvdcliPath: cfg.dvdcliPath, stateDir: cfg.stateDir, checkpointDirs: cfg.checkpointDirs, proofs: cfg.proofs, leftoverRetryMs: cfg.leftoverRetryMs, ...(log ? { log } : {}) };
  if (cfg.engine === undefined && cfg.pluginDirs === undefined) {
    const socketDir = join(cfg.stateDir, 'plugins');
    const local = await startLocalDriver({ stateDir: cfg.stateDir, socketDir });
    let runner: DryRunner;
    try {
      // The local driver's socket is under the state dir, where no task's dvdcli or dockerd looks: it is private to
      // the bridge, so no isolator checkpoint is needed to prove its volumes unused, and no dvdcli engine is offered.
      runner = await createDryRunner({ ...base, defaultEngine: 'plugin', pluginDirs: [socketDir], onlyPluginEngine: true, proofs: { ...cfg.proofs, privateDrivers: [local.name] }, embeddedDriver: local });
    } catch (e) {
      await local.close();
      throw e;
    }
    return {
      runner,
      describe: { mode: 'embedded local driver', engine: 'plugin', driver: local.name, socket: local.socketPath },
      stop: async () => {
        await runner.close();
        await local.close();
      },
    };
  }
  const pluginDirs = cfg.pluginDirs ?? DEFAULT_PLUGIN_DIRS;
  const defaultEngine = cfg.engine ?? 'plugin';
  const runner = await createDryRunner({ ...base, defaultEngine, pluginDirs });
  return { runner, describe: { mode: 'agent', engine: defaultEngine, pluginDirs, dvdcli: cfg.dvdcliPath, checkpointDirs: cfg.checkpointDirs, proofs: cfg.proofs }, stop: () => runner.close() };
}
