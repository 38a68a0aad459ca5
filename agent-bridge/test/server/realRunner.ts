/**
 * The real mount machinery for the transport tests, wired as `serve` wires it (src/cli/runnerSetup.ts): the
 * embedded `local` driver on a socket in the lab's plugin dir, reached by createDryRunner through discovery and
 * the plugin engine (real bind mounts; the dvdcli engines run the dvdcli stand-in). Optionally the fault-plugin
 * stand-in next to it (e.g. `slow`, for cancel and progress timing). One lab per test file; close() stops
 * everything and fails if any mount is left under the lab.
 */
import assert from 'node:assert/strict';
import type { DryRunner, DryRunnerConfig } from '../../src/dryrun/index';
import { createDryRunner, startLocalDriver } from '../../src/dryrun/index';
import { PluginClient } from '../../src/plugin/client';
import { discoverPlugin } from '../../src/plugin/discovery';
import { makeLab, mountsUnder, runnerConfig, startFault, type Lab, type Proc } from '../e2e/harness';

export interface RealRunner {
  runner: DryRunner;
  lab: Lab;
  /** Structured log lines of work that outlives a request (late-mount sweeps). */
  logs: { level: string; event: string; fields: Record<string, unknown> }[];
  /** Creates volumes on the local driver through its plugin API (a dry run never creates without allowCreate). */
  createVolumes(...names: string[]): Promise<void>;
  /** Kernel mounts under the lab right now (`mountpoint fstype`). */
  mounts(): Promise<string[]>;
  /** Closes the runner (waits for in-flight runs to release), the plugins, asserts no mount is left, removes the lab. */
  close(): Promise<void>;
}

export async function startRealRunner(prefix: string, opts: { faults?: { driver: string; mode: string; delayMs?: number }[]; config?: Partial<DryRunnerConfig> } = {}): Promise<RealRunner> {
  const lab = await makeLab(prefix);
  const local = await startLocalDriver({ stateDir: lab.stateDir, socketDir: lab.pluginDir });
  const faults: Proc[] = [];
  const logs: RealRunner['logs'] = [];
  let runner: DryRunner;
  try {
    for (const f of opts.faults ?? []) faults.push(await startFault(lab, f.driver, f.mode, f.delayMs));
    runner = await createDryRunner(runnerConfig(lab, { log: (level, event, fields) => void logs.push({ level, event, fields }), ...opts.config }));
  } catch (e) {
    for (const f of faults) await f.stop();
    await local.close();
    throw e;
  }
  const mounts = () => mountsUnder(lab.root);
  return {
    runner,
    lab,
    logs,
    mounts,
    async createVolumes(...names) {
      const addr = await discoverPlugin(local.name, [lab.pluginDir]);
      const client = new PluginClient(addr!);
      for (const n of names) await client.create(n, {}, { timeoutMs: 5000 });
    },
    async close() {
      await runner.close();
      await local.close();
      for (const f of faults) await f.stop();
      const left = await mounts();
      await lab.cleanup();
      assert.deepEqual(left, [], 'no mount may be left behind under the lab');
    },
  };
}
