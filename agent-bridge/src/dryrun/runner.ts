/**
 * createDryRunner: the mount machinery behind `volume/dryRunMount`, `volume/list` and driver listing. It owns
 * the engines, the per-volume locks and the crash journal, and tracks its in-flight runs so close() never
 * returns while something is still mounted.
 */
import { mkdir } from 'node:fs/promises';
import { agentUsers } from '../inuse/check';
import { driverMatcher } from '../inuse/driverMatch';
import { kernelMountsAt, MountStateUnknown, readMountinfo } from '../inuse/mountinfo';
import { Journal } from '../journal/journal';
import { createEventLog } from '../log/logger';
import { PluginClient } from '../plugin/client';
import { discoverPlugin, discoverPlugins, listPluginNames } from '../plugin/discovery';
import { pluginIdentity } from '../plugin/endpoint';
import type { DiscoveredDriver, DryRunner, DryRunnerConfig, DryRunMountResult, RecoveryReport, StartedRecovery, VolumeListResult } from './contract';
import { availableEngines, buildEngines } from './engines';
import { replayJournal } from './startupRecovery';
import { DEFAULT_LEFTOVER_RETRY_MS, retryLeftovers } from './leftovers';
import type { RunDeps } from './deps';
import { proofSources } from './deps';
import { runOne } from './runOne';
import { VolumeLocks } from './volumeLock';

export const DEFAULT_TIMEOUTS = { mount: 120_000, unmount: 600_000, pluginCall: 30_000 };

function defaultLog(): RunDeps['log'] {
  const logger = createEventLog();
  return (level, event, fields) => logger.log(level, event, fields);
}

export async function createDryRunner(config: DryRunnerConfig): Promise<DryRunner> {
  const journal = new Journal(config.stateDir);
  await mkdir(config.stateDir, { recursive: true, mode: 0o700 });
  await journal.init();
  const deps: RunDeps = {
    config,
    engines: buildEngines(config.dvdcliPath),
    journal,
    locks: new VolumeLocks(),
    timeouts: { ...DEFAULT_TIMEOUTS, ...Object.fromEntries(Object.entries(config.timeouts ?? {}).filter(([, v]) => typeof v === 'number')) },
    log: config.log ?? defaultLog(),
    sweeps: new Set(),
    closing: false,
    ownEntries: new Set(),
  };
  const running = new Set<Promise<DryRunMountResult>>();
  let closed = false;
  // Leftovers (leftovers.ts): retried by one pass at a time, from the end of recover() until close().
  let leftoverTimer: NodeJS.Timeout | undefined;
  let leftoverPass: Promise<void> | undefined;
  const leftoversSeen = new Map<string, { unverified: boolean; reason: string }>();
  const startLeftoverRetries = () => {
    const every = config.leftoverRetryMs ?? DEFAULT_LEFTOVER_RETRY_MS;
    if (leftoverTimer || every <= 0 || closed) return;
    leftoverTimer = setInterval(() => {
      leftoverPass ??= retryLeftovers(deps, leftoversSeen)
        .catch((e: Error) => deps.log('warn', 'leftover-pass-failed', { error: e.message }))
        .finally(() => (leftoverPass = undefined));
    }, every);
    leftoverTimer.unref();
  };

  // Startup recovery (startupRecovery.ts): close() ends its waits for Mounts in flight and waits for the rest.
  const recovery = new AbortController();
  let recovering: Promise<RecoveryReport> | undefined;
  async function startRecovery(): Promise<StartedRecovery> {
    const started = await replayJournal(deps, journal.live, recovery.signal);
    recovering = started.done;
    void started.done.then(startLeftoverRetries);
    return started;
  }

  async function pluginClient(driver: string): Promise<PluginClient> {
    const addr = await discoverPlugin(driver, config.pluginDirs);
    if (!addr) throw new Error(`no socket or spec for driver ${JSON.stringify(driver)} in ${config.pluginDirs.join(', ')}; start the plugin or fix pluginDirs`);
    return new PluginClient(addr);
  }

  return {
    dryRunMount(params, ctx) {
      if (closed) return Promise.reject(new Error('dryRunMount called after close(); create a new runner'));
      const p = runOne(deps, params, ctx);
      running.add(p);
      void p.finally(() => running.delete(p)).catch(() => undefined);
      return p;
    },

    async listVolumes(driver, signal): Promise<VolumeListResult> {
      const client = await pluginClient(driver);
      const call = { timeoutMs: deps.timeouts.pluginCall, signal };
      const id = await pluginIdentity(client.addr);
      const sources = proofSources(deps, driver, 'keys' in id ? id.keys : undefined);
      // One matcher for the whole listing: a driver name in the records of many volumes is discovered once.
      const matches = driverMatcher(driver, sources.pluginDirs, sources.pluginKeys);
      // Activated on every call, as dvdcli does (dvdi-bridge.md §3.3).
      await client.activate(call);
      const vols = await client.list(call);
      const table = await readMountinfo();
      const out: VolumeListResult['volumes'] = [];
      for (const v of vols) {
        const mounts = (v.Status as { Mounts?: unknown } | undefined)?.Mounts;
        const cp = await agentUsers(sources, driver, v.Name, matches);
        // A mountpoint whose mount state cannot be seen (its parent does not answer), or a task record that cannot
        // be read, is listed as in use, never as free.
        const kernel = v.Mountpoint ? await kernelMountsAt(table, v.Mountpoint) : [];
        const inUse = (Array.isArray(mounts) && mounts.length > 0) || kernel instanceof MountStateUnknown || kernel.length > 0 || cp.inUse;
        out.push({ name: v.Name, ...(v.Mountpoint ? { mountpoint: v.Mountpoint } : {}), inUse });
      }
      return { volumes: out };
    },

    // Each plugin asked at once: a hung plugin costs its own timeout, not every later plugin's wait as well
    // (in sequence, three hung plugins held bridge/info for 15 s).
    // The dirs are listed, and every name found there discovered, in one killable child each (plugin/discovery.ts).
    async listDrivers(): Promise<DiscoveredDriver[]> {
      const listed = await listPluginNames(config.pluginDirs);
      if (listed.unanswered) deps.log('warn', 'plugin-dirs-unanswered', { error: listed.unanswered });
      const found = await discoverPlugins(listed.names, config.pluginDirs);
      const one = async (name: string): Promise<DiscoveredDriver | undefined> => {
        const d = found.get(name)!;
        if (d.kind === 'none') return undefined;
        if (d.kind !== 'found') return { name, address: '', capabilities: { error: d.why } };
        const addr = d.addr;
        const client = new PluginClient(addr);
        const opts = { timeoutMs: Math.min(deps.timeouts.pluginCall, 5_000) };
        let capabilities: Record<string, unknown>;
        try {
          await client.activate(opts);
          capabilities = await client.capabilities(opts);
        } catch (e) {
          capabilities = { error: (e as Error).message };
        }
        return { name, address: addr.address, capabilities };
      };
      const all = await Promise.all(listed.names.map(one));
      return all.filter((d): d is DiscoveredDriver => d !== undefined);
    },

    engines: () => (config.onlyPluginEngine ? ['plugin'] : availableEngines(config.dvdcliPath)),

    defaultEngine: config.defaultEngine,

    async recover() {
      return (await startRecovery()).done;
    },

    startRecovery,

    async close() {
      closed = true;
      deps.closing = true; // a run ending now leaves its unknown-outcome entry to recover() instead of starting a sweep
      clearInterval(leftoverTimer);
      // A sweep only waits for a mount that may never come: cancel it (it finishes an unmount it already began).
      for (const s of deps.sweeps) s.cancel();
      recovery.abort(); // likewise a recovery still waiting for a Mount in flight: its entries stay for the next start
      await recovering;
      // Each run ends with its own unmount; waiting for them is what keeps close() from leaking mounts.
      await Promise.allSettled([...running]);
      await Promise.allSettled([...deps.sweeps].map((s) => s.done));
      await leftoverPass;
    },
  };
}
