/**
 * Startup recovery: replays the journal a killed predecessor left, so that whatever instant the bridge died at
 * (before, during or after the plugin's Mount or Unmount, or its dvdcli child), nothing it asked for stays
 * mounted, and the report says truthfully what happened. Per entry:
 *  1. stop a dvdcli the predecessor left running (its process group, if /proc still shows it is ours);
 *  2. an entry still in the `mounting` phase may have a Mount in flight at the plugin, which finishes after the
 *     kill: wait for it (bounded, like the late-mount sweep: until the mount appears, the plugin is gone, or the
 *     grace window after the mount timeout ends) before judging. Unmounting earlier would get "not mounted" and
 *     the late mount would stay forever. The embedded local driver is the exception: it ran inside the killed
 *     bridge and died with it, so only a mount(8) child it had started can still land; once none is left
 *     (local-driver/mountChildren.ts), what the kernel shows is final and the entry is judged at once, instead of
 *     holding the restart for the grace window (up to 120 s: agent-bridge/test/e2e/restartMidMount.test.ts);
 *  3. if our mount is there: the one release path (release.ts: re-check for other users, Unmount, and see it
 *     gone) — `released` only when seen gone;
 *     If the plugin has disowned a mount its Unmount could not take down (rclone after a busy unmount), the bridge
 *     unmounts it itself under the proofs disowned.ts names;
 *  4. if it is not there and the driver can show it (caller IDs in Get, or the kernel mount) → `notMounted`;
 *     if the driver cannot show it → an Unmount is still sent and the result is `unverified`, never `released`.
 * Entries are handled concurrently (startupRecovery.ts), each under its volume's lock, and the bridge listens
 * while a slow one is still waited for: only dry runs of that volume are refused meanwhile.
 */
import { readFile } from 'node:fs/promises';
import { agentUsers } from '../inuse/check';
import type { JournalEntry } from '../journal/journal';
import { isRelativeAddress, relativeAddressProblem } from '../journal/olderEntries';
import { PluginClient } from '../plugin/client';
import { discoverPlugin, parseAddress, type PluginAddress } from '../plugin/discovery';
import { proofSources, type RunDeps } from './deps';
import { stopLeftoverProbes } from './fsProbe';
import { lateMountGrace, watchForMount } from './lateMount';
import { releaseMount, statusMounts } from './release';
import { unmountDisowned } from './disowned';
import { StepLog } from './steps';
import { processIdentity } from '../engines/runProcess';
import { pluginIdentity, samePlugin } from '../plugin/endpoint';

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

/** The plugin an entry's unmount goes to: the address journalled with a plugin-engine mount, else discovery by its driver name (as dvdcli does). */
export async function pluginFor(deps: RunDeps, e: JournalEntry): Promise<PluginAddress | undefined> {
  if (isRelativeAddress(e.pluginAddress)) throw new Error(relativeAddressProblem(e, deps.journal.dir));
  if (e.pluginAddress) return e.pluginAddress.startsWith('/') ? { transport: 'unix', socketPath: e.pluginAddress, address: e.pluginAddress, source: 'journal' } : parseAddress(e.pluginAddress, 'journal');
  return discoverPlugin(e.driver, deps.config.pluginDirs);
}

/** A release's steps as one line of a recovery report. */
const stepsText = (log: StepLog) => log.steps.map((s) => `${s.step}: ${s.detail ?? (s.ok ? 'ok' : 'failed')}`).join('; ');

/** How long recovery lets a mount settle after a probe of the killed bridge (see recoverOne). */
const releaseSettleMs = 300;

export type One = { kind: 'released'; mountpoint?: string; detail?: string } | { kind: 'notMounted' | 'unverified'; detail: string } | { kind: 'failed'; error: string };

/**
 * One journal entry: released, seen not mounted, or why not; never rejects (an unexpected error is `failed`). Also
 * used for a live runner's leftovers (leftovers.ts). `signal` (the runner closing) ends a wait for a Mount in flight
 * without judging it: the entry stays for the next start.
 */
export function recoverEntry(deps: RunDeps, e: JournalEntry, signal?: AbortSignal): Promise<One> {
  return recoverOne(deps, e, signal).catch((err: Error): One => ({ kind: 'failed', error: err.message }));
}

async function recoverOne(deps: RunDeps, e: JournalEntry, signal?: AbortSignal): Promise<One> {
  if (e.bridgePid !== process.pid && isAlive(e.bridgePid) && (await isBridge(e.bridgePid)) && sameProcess(e)) {
    return { kind: 'failed', error: `bridge process ${e.bridgePid} that wrote this entry is still running; not touching its mount` };
  }
  await stopLeftoverChild(e);
  // Before any lookup: no plugin is asked anything about an entry whose plugin is not known (journal/olderEntries.ts).
  if (isRelativeAddress(e.pluginAddress)) return { kind: 'failed', error: relativeAddressProblem(e, deps.journal.dir) };
  const plugin = await pluginFor(deps, e).catch((err: Error) => err);
  if (!plugin || plugin instanceof Error) {
    const users = await agentUsers(proofSources(deps, e.driver), e.driver, e.name);
    const inUse = users.reasons.length ? `; it is also in use (${users.reasons.join('; ')})` : '';
    // An unusable spec file or plugin dirs that do not answer (discovery.ts) say why; either way nothing is unmounted.
    const why = plugin ? `cannot be looked up (${plugin.message})` : `can no longer be found in ${deps.config.pluginDirs.join(', ')}`;
    return { kind: 'failed', error: `plugin ${e.driver} ${why}; start it and restart the bridge${inUse}` };
  }
  const client = new PluginClient(plugin);
  // An address anchored from an older bridge's relative one (journal/olderEntries.ts) is a guess until the driver there
  // shows the entry's caller ID; before that, nothing is judged or sent on its word.
  if (e.anchoredFrom) {
    const notHere = await notHeldHere(deps, e, client);
    if (notHere) return { kind: 'failed', error: relativeAddressProblem(e, deps.journal.dir, notHere) };
    // Proven: an entry of that driver like any other from now on, and journalled so (a later pass, or the next start,
    // may find the driver's proof gone while the mount is not, and must not read the entry as never made there). A
    // failed write only leaves the proof to be made again.
    delete e.anchoredFrom;
    await deps.journal.update(e).catch(() => undefined);
  }
  // A Mount still in flight is waited for; a finished one (phase mounted/unmounting) is looked at once.
  const grace = lateMountGrace(deps.timeouts);
  const started = Date.parse(e.startedAt) || Date.now();
  const deadline = e.phase === 'mounting' ? Math.min(Date.now() + grace, Math.max(Date.now(), started + deps.timeouts.mount + grace)) : Date.now();
  const over = await diedWithItsBridge(deps, e, plugin);
  const seen = await watchForMount(deps, client, e, undefined, deadline, signal, over);
  if (seen.cancelled) return { kind: 'failed', error: `not judged: the bridge stopped while its Mount may still be in flight at the plugin; the journal entry stays, and the next start looks again` };
  if (!seen.appeared) {
    if (seen.gone) return { kind: 'failed', error: `plugin ${e.driver} at ${plugin.address} refuses connections (${seen.detail}); start it and restart the bridge so the mount can be looked at` };
    if (seen.seenAbsent) {
      await deps.journal.clear(e.id);
      const waited = seen.settled
        ? ' (its Mount was in flight at the embedded local driver, which died with the bridge that sent it, and no mount child of that driver is left)'
        : ` (waited until ${new Date(deadline).toISOString()} for a Mount still in flight)`;
      return { kind: 'notMounted', detail: `${seen.detail}${e.phase === 'mounting' ? waited : ''}` };
    }
  }
  // The killed bridge's read-only verify probe may still sit in the mount (and make the Unmount fail with EBUSY).
  if (seen.mountpoint) await stopLeftoverProbes(seen.mountpoint);
  // In the `mounted` phase the killed bridge may have been verifying: its probe, killed above or just finished, has
  // had the mount open, and the kernel lets go of a dead process's FUSE files only once the FUSE server has answered
  // their release. An Unmount before that fails busy, and rclone forgets a mount whose unmount failed, so no retry
  // can take it down (rclone volume.go `unmount`). Measured on rclone: an Unmount at once failed 3 runs of 3, after
  // 200 ms passed 4 of 4 (agent-bridge/test/e2e/recoverySafety.test.ts); recovery runs once, at startup.
  if (seen.mountpoint && e.phase === 'mounted') await new Promise((r) => setTimeout(r, releaseSettleMs));
  const warnings: string[] = [];
  let log = new StepLog(() => undefined);
  let outcome = await releaseMount(deps, { engine: deps.engines[e.engine], entry: e, plugin, mountpoint: seen.mountpoint }, log, warnings, { timeoutMs: deps.timeouts.unmount });
  // Said in a failure report: a plugin may answer a retry differently (rclone forgets a mount whose unmount failed).
  const first = outcome === 'residue' ? stepsText(log) : undefined;
  // A reader the killed bridge left (its read-only verify probe, a dvdcli being killed) can keep the mount busy
  // for a moment: the Unmount fails with EBUSY. Retried a few times, bounded, before it is reported.
  for (const wait of [100, 300, 900]) {
    if (outcome !== 'residue') break;
    await new Promise((r) => setTimeout(r, wait));
    log = new StepLog(() => undefined);
    outcome = await releaseMount(deps, { engine: deps.engines[e.engine], entry: e, plugin, mountpoint: seen.mountpoint }, log, warnings, { timeoutMs: deps.timeouts.unmount });
  }
  const steps = stepsText(log);
  if (outcome === 'released') return { kind: 'released', ...(seen.mountpoint ? { mountpoint: seen.mountpoint } : {}) };
  if (outcome === 'residue' && seen.mountpoint) {
    const own = await unmountDisowned(deps, e, client, seen.mountpoint, warnings);
    if (own.ok) return { kind: 'released', mountpoint: seen.mountpoint, detail: own.detail };
    if (!('notDisowned' in own)) return { kind: 'failed', error: `${steps}; then ${own.error}` };
  }
  if (outcome === 'unverified') return { kind: 'unverified', detail: steps };
  if (outcome === 'in-use') {
    const why = log.steps.find((s) => s.step === 'in-use-recheck')?.detail ?? steps;
    return { kind: 'failed', error: `now in use, or its use cannot be ruled out (${why}); unmounting could tear it from a user, so it is left mounted` };
  }
  return { kind: 'failed', error: first !== undefined && first !== steps ? `${steps} (first attempt: ${first})` : steps };
}

/**
 * Why the driver an entry's address was anchored to (journal/olderEntries.ts) is not shown to have made its mount, or
 * undefined when it is: its Get lists the entry's caller ID, a UUID the older bridge sent with that one Mount.
 */
async function notHeldHere(deps: RunDeps, e: JournalEntry, client: PluginClient): Promise<string | undefined> {
  let vol: Awaited<ReturnType<PluginClient['get']>>;
  try {
    vol = await client.get(e.name, { timeoutMs: deps.timeouts.pluginCall });
  } catch (err) {
    return `cannot be asked whether it holds the entry's caller ID (its Get of ${e.name} failed: ${(err as Error).message})`;
  }
  const ids = statusMounts(vol);
  if (e.mountId && ids?.includes(e.mountId)) return undefined;
  return `does not hold its caller ID ${JSON.stringify(e.mountId ?? '')} for ${e.name} (its Get lists Status.Mounts ${JSON.stringify(ids ?? null)})`;
}

/**
 * For an entry in the `mounting` phase at the embedded local driver, written by a bridge that is gone: the driver
 * that had the Mount in flight served inside that bridge and died with it, and the one serving the socket now is
 * this process's own, which mounts only when asked (the volume's lock, or startup before listening, keeps anyone
 * from asking meanwhile). Returns the test that the Mount is over (no mount(8) child of the dead driver left); for
 * any other plugin, or a Mount this process sent (its driver is alive), undefined: waited for as before.
 */
async function diedWithItsBridge(deps: RunDeps, e: JournalEntry, plugin: PluginAddress): Promise<(() => Promise<boolean>) | undefined> {
  const embedded = deps.config.embeddedDriver;
  if (!embedded || e.phase !== 'mounting' || (e.bridgePid === process.pid && sameProcess(e))) return undefined;
  // By endpoint, not by address text: the state dir may have been named another way (relative, through a symlink).
  const socket = embedded.socketPath;
  const [a, b] = await Promise.all([pluginIdentity(plugin), pluginIdentity({ transport: 'unix', socketPath: socket, address: socket, source: 'embedded local driver' })]);
  if (!('keys' in a) || !('keys' in b) || !samePlugin(a.keys, b.keys)) return undefined;
  return () => embedded.mountersGone(e.name);
}

/**
 * The live process at the entry's pid is the bridge that wrote it: same start time, when the entry has one (entries
 * written before bridgeStart existed are taken at their pid, as before). A pid reused after the bridge was killed (a
 * restart in a fresh pid namespace, a reboot with the state dir kept) by any node process held the entry, and the
 * mount, until that process ended.
 */
function sameProcess(e: JournalEntry): boolean {
  return e.bridgeStart === undefined || processIdentity(e.bridgePid)?.startTime === e.bridgeStart;
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
