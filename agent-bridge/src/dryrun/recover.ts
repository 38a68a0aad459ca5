/**
 * Startup recovery: replays the journal a killed predecessor left. For each entry it stops a dvdcli the
 * predecessor may have left running (its process group, if /proc still shows dvdcli there), re-checks that
 * nobody else uses the volume (recheck.ts, as before any unmount: checkpoints, plugin Get, mountinfo), unmounts through the same engine, and confirms the kernel released it.
 */
import { readFile } from 'node:fs/promises';
import { checkpointUsers } from '../inuse/check';
import { mountsAt, readMountinfo } from '../inuse/mountinfo';
import type { JournalEntry } from '../journal/journal';
import { PluginClient } from '../plugin/client';
import { discoverPlugin, parseAddress, type PluginAddress } from '../plugin/discovery';
import type { RecoveryReport } from './contract';
import type { RunDeps } from './run-one';
import { recheckUsers } from './recheck';
import { unmountAndCheck } from './run-one';
import { StepLog } from './steps';
import { processIdentity } from '../engines/run-process';

async function stopLeftoverChild(e: JournalEntry): Promise<void> {
  if (!e.childPgid || !e.dvdcliPath) return;
  // Pids get reused, and the agent runs the same dvdcli for its tasks: only a process that is provably the one
  // we started is killed. It must still lead its own group (runProcess spawns detached), have the start time the
  // journal recorded, and run our dvdcli for exactly this volume ("--volumename=data" must not match "data2").
  const id = processIdentity(e.childPgid);
  if (!id || id.pgid !== e.childPgid) return; // gone, or the pid now belongs to a process that leads no group
  if (e.childStart === undefined || id.startTime !== e.childStart) return; // not provably ours
  let argv: string[];
  try {
    argv = (await readFile(`/proc/${e.childPgid}/cmdline`, 'utf8')).split('\0');
  } catch {
    return; // gone already
  }
  // docker-volume execs dvdcli directly; dvdi-module runs `sh -c "<dvdcli> mount … --volumename=N …"`.
  const words = argv.flatMap((a) => a.split(' '));
  if (!words.includes(e.dvdcliPath) || !words.includes(`--volumename=${e.name}`)) return;
  try {
    process.kill(-e.childPgid, 'SIGKILL');
  } catch {
    // ESRCH: already exited.
  }
}

async function pluginFor(deps: RunDeps, e: JournalEntry): Promise<PluginAddress | undefined> {
  if (e.pluginAddress) return e.pluginAddress.startsWith('/') ? { transport: 'unix', socketPath: e.pluginAddress, address: e.pluginAddress, source: 'journal' } : parseAddress(e.pluginAddress, 'journal');
  return discoverPlugin(e.driver, deps.config.pluginDirs);
}

export async function recoverJournal(deps: RunDeps, inFlight: Set<string>): Promise<RecoveryReport> {
  const report: RecoveryReport = { released: [], failed: [] };
  const { entries, unreadable } = await deps.journal.list();
  for (const u of unreadable) report.failed.push({ driver: '?', name: '?', error: `journal file ${u.file} is unreadable (${u.error}); inspect and remove it by hand` });
  for (const e of entries) {
    if (inFlight.has(e.id)) continue; // this process's own running dry-runs
    if (e.bridgePid !== process.pid && isAlive(e.bridgePid) && (await isBridge(e.bridgePid))) {
      report.failed.push({ driver: e.driver, name: e.name, error: `bridge process ${e.bridgePid} that wrote this entry is still running; not touching its mount` });
      continue;
    }
    await stopLeftoverChild(e);
    const plugin = await pluginFor(deps, e);
    if (!plugin) {
      const users = await checkpointUsers(deps.config.checkpointDirs, e.driver, e.name);
      const inUse = users.reasons.length ? `; it is also in use (${users.reasons.join('; ')})` : '';
      report.failed.push({ driver: e.driver, name: e.name, error: `plugin ${e.driver} can no longer be found in ${deps.config.pluginDirs.join(', ')}; start it and restart the bridge${inUse}` });
      continue;
    }
    const warnings: string[] = [];
    // The same re-check as before any unmount of ours: checkpoints, the plugin's Get and the kernel's table.
    const users = await recheckUsers(deps, new PluginClient(plugin), e, warnings);
    if (!users.ok) {
      report.failed.push({ driver: e.driver, name: e.name, error: `now in use (${users.detail}); unmounting would tear it from that user, so it is left mounted` });
      continue;
    }
    const log = new StepLog(() => undefined);
    // A crash before the mount returned leaves no mountpoint in the journal: ask the plugin where it would be.
    const mountpoint = e.mountpoint ?? (await new PluginClient(plugin).get(e.name, { timeoutMs: deps.timeouts.pluginCall }).catch(() => undefined))?.Mountpoint;
    const ok = await unmountAndCheck(deps, deps.engines[e.engine], e, plugin, mountpoint, deps.timeouts.unmount, log, warnings);
    // An unmount that says "not mounted" while the kernel does not list the path means nothing was left behind.
    const stillMounted = mountpoint ? mountsAt(await readMountinfo(), mountpoint).length > 0 : false;
    if (ok || (!stillMounted && log.steps.some((s) => s.step === 'verify-released' && s.ok))) {
      await deps.journal.clear(e.id);
      report.released.push({ driver: e.driver, name: e.name, ...(mountpoint ? { mountpoint } : {}) });
    } else if (!mountpoint && !stillMounted) {
      await deps.journal.clear(e.id);
      report.released.push({ driver: e.driver, name: e.name });
    } else {
      report.failed.push({ driver: e.driver, name: e.name, error: log.steps.map((s) => `${s.step}: ${s.detail ?? (s.ok ? 'ok' : 'failed')}`).join('; ') });
    }
  }
  return report;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function isBridge(pid: number): Promise<boolean> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).includes('node');
  } catch {
    return false;
  }
}
