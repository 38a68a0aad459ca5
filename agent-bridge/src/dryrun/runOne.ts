/**
 * One dry-run mount, step by step (dvdi-bridge.md §8): validate → policy → discover → lock (per plugin endpoint and volume) → leftover (only if an earlier run left one) → activate → get → in-use (prove
 * unused, or refuse) → hazards → mount → verify → in-use-recheck → unmount → verify-released. Every branch that
 * mounted something reaches the one release path (release.ts), including cancellation; the journal covers the
 * branches a crash cuts short (recover.ts).
 *
 * Reads that do not depend on each other run concurrently (the agent's sources with activate/get, the kernel's
 * mount table with Get), so the safety checks cost about one plugin round trip each side of the mount on top of the
 * Mount and Unmount themselves. The re-check is the exception: it is read last, right before the unmount, so that it
 * is no older than the unmount it allows.
 */
import type { Engine } from '../engines/engine';
import { processIdentity } from '../engines/runProcess';
import { checkModuleContainerPath } from '../engines/moduleChecks';
import { agentUsers, pluginAndKernelUsers, pluginAndKernelUsersNow, type InUseReport } from '../inuse/check';
import { readMountinfo } from '../inuse/mountinfo';
import type { JournalEntry } from '../journal/journal';
import { PluginClient, type VolumeInfo } from '../plugin/client';
import { discoverPlugin, type PluginAddress } from '../plugin/discovery';
import { pluginIdentity } from '../plugin/endpoint';
import { checkRequestShape, checkVolumeRequest } from '../validation/request';
import type { DryRunContext, DryRunMountParams, DryRunMountResult, EngineName, Verdict } from './contract';
import { proofSources, type RunDeps } from './deps';
import { shellUnsafePath } from './engines';
import { hazardRefusal, unshownUse } from './hazards';
import { lateMountGrace, probeLateMount, startLateMountSweep } from './lateMount';
import { leftoversOf, releaseLeftovers } from './leftovers';
import { checkPolicy } from './policy';
import { releaseMount } from './release';
import { StepLog } from './steps';
import { verifyMount } from './verify';

/** The per-volume lock of one run; a late-mount sweep takes it over instead of letting the run release it. */
interface HeldLock {
  release: () => void;
  relabel: (label: string) => void;
  handedOver: boolean;
}

/** The state of one dry run, passed as one object (issue 14) instead of a trail of parameters. */
interface Run {
  deps: RunDeps;
  params: DryRunMountParams;
  ctx: DryRunContext;
  engine: Engine;
  log: StepLog;
  warnings: string[];
  held?: HeldLock;
  plugin?: PluginAddress;
  /** The plugin's endpoint keys (plugin/endpoint.ts), the first half of the lock's key. */
  pluginKeys?: string[];
  /** The plugin's Get before the mount; undefined when the volume does not exist. */
  before?: VolumeInfo;
  entry?: JournalEntry;
}

/** This process's start time, journalled with each entry so recover() can tell it from a process that reuses its pid. */
let ownStartTime: string | undefined | null = null;
const ownStart = (): string | undefined => (ownStartTime === null ? (ownStartTime = processIdentity(process.pid)?.startTime) : ownStartTime);

function done(run: Run, verdict: Verdict, mountpoint?: string): DryRunMountResult {
  return { verdict, ...(mountpoint ? { mountpoint } : {}), steps: run.log.steps, warnings: run.warnings };
}

export async function runOne(deps: RunDeps, params: DryRunMountParams, ctx: DryRunContext): Promise<DryRunMountResult> {
  const engineName: EngineName = params?.engine ?? deps.config.defaultEngine;
  const run: Run = { deps, params, ctx, engine: deps.engines[engineName], log: new StepLog(ctx.onProgress), warnings: [] };
  const { log, warnings } = run;

  // validate: the same rules as the transport (defence in depth), then the module's filesystem check.
  const refusal = await log.run('validate', async () => {
    const r = checkRequestShape(params) ?? checkVolumeRequest(params, engineName);
    if (r) return { ok: false, detail: `${r.field.join('.') || 'params'}: ${r.message}` };
    if (deps.config.onlyPluginEngine && engineName !== 'plugin') {
      return { ok: false, detail: `engine: this bridge serves its embedded local driver, whose socket no agent dvdcli looks at, so it offers only the plugin engine; drop "engine" or start the bridge on the agent's plugin dirs (--plugin-dirs) to dry-run through dvdcli` };
    }
    if (engineName === 'dvdi-module') {
      if (shellUnsafePath(deps.config.dvdcliPath)) return { ok: false, detail: `config.dvdcliPath: ${JSON.stringify(deps.config.dvdcliPath)} would be split or interpreted by sh -c in the module's command; use a plain absolute path` };
      const m = checkModuleContainerPath(params.containerPath, warnings);
      if (m) return { ok: false, detail: `${m.field}: ${m.message}` };
    }
    return { ok: true, detail: `engine ${engineName}` };
  });
  if (!refusal.ok) return done(run, 'refused');

  const pol = await log.run('policy', async () => {
    const r = checkPolicy(params, ctx.policy);
    return r ? { ok: false, detail: `${r.field}: ${r.message}` } : { ok: true };
  });
  if (!pol.ok) return done(run, 'refused');

  // Discovery comes before the lock: the lock is per (plugin, volume), and several driver names can lead to one
  // plugin (plugin/endpoint.ts). It only reads the plugin dirs; nothing has been touched yet.
  const { driver, name } = params;
  const disc = await log.run('discover', async () => {
    try {
      run.plugin = await discoverPlugin(driver, deps.config.pluginDirs);
    } catch (e) {
      return { ok: false, detail: (e as Error).message };
    }
    return run.plugin
      ? { ok: true, detail: `${run.plugin.address} (from ${run.plugin.source})` }
      : { ok: false, detail: `no socket or spec for driver ${JSON.stringify(driver)} in ${deps.config.pluginDirs.join(', ')}; the agent's dvdcli would retry for ~15 s and then fail with "plugin not found"` };
  });
  if (!disc.ok || !run.plugin) return done(run, 'failed');

  const identity = await pluginIdentity(run.plugin);
  if ('unresolved' in identity) {
    log.add('lock', false, 0, `driver ${driver}: ${identity.unresolved}; without knowing which plugin it is, the bridge cannot rule out a dry run of ${name} through another name of it, so it does not mount; fix the plugin's spec or socket (or the host's name resolution) and try again`);
    return done(run, 'failed');
  }
  run.pluginKeys = identity.keys;
  const lock = deps.locks.tryAcquire(identity.keys, name, `dry-run of ${driver}/${name} started ${new Date().toISOString()}`);
  if ('heldBy' in lock) {
    log.add('lock', false, 0, `another operation of this bridge is using ${driver}/${name} (${lock.heldBy}; the plugin at ${identity.shown}); try again when it finishes`);
    return done(run, 'in-use');
  }
  run.held = { ...lock, handedOver: false };
  try {
    return await lockedRun(run);
  } finally {
    if (!run.held.handedOver) {
      if (run.entry) deps.ownEntries.delete(run.entry.id); // cleared by now, or a leftover from here on
      lock.release();
    }
  }
}

async function lockedRun(run: Run): Promise<DryRunMountResult> {
  const { deps, params, ctx, engine, log, warnings } = run;
  const { driver, name } = params;
  const options = params.options ?? {};
  const call = { timeoutMs: deps.timeouts.pluginCall, signal: ctx.signal };
  const cancelled = () => {
    log.add('cancel', false, 0, 'the request was cancelled before anything was mounted; nothing to undo');
    return done(run, 'failed');
  };

  // A mount an earlier dry run of this volume could not release would be found below as a user of the volume: it
  // is released first, under this run's lock, with the same proofs as at startup (leftovers.ts).
  const leftovers = await leftoversOf(deps, run.pluginKeys!, name).catch((e: Error) => e);
  if (leftovers instanceof Error || leftovers.length > 0) {
    const left = await log.run('leftover', async () => {
      if (leftovers instanceof Error) return { ok: false, unreadable: true, detail: `cannot read the journal in ${deps.journal.dir} (${leftovers.message}); not mounting without knowing what an earlier run left` };
      const r = await releaseLeftovers(deps, leftovers);
      return { ok: r.kept.length === 0, unreadable: false, detail: [...r.released, ...r.kept].join('; ') };
    });
    if (!left.ok) return done(run, left.unreadable ? 'failed' : 'in-use');
  }

  // The agent's own sources do not depend on the plugin: read them while activate and get run.
  const agentBefore: Promise<InUseReport> = agentUsers(proofSources(deps, driver, run.pluginKeys), driver, name);
  let agentAnswered = false;
  agentBefore.then(() => (agentAnswered = true), () => (agentAnswered = true));

  const plugin = run.plugin!;
  if (ctx.signal.aborted) return cancelled();
  const client = new PluginClient(plugin);

  // Activated on every dry run, as dvdcli does on every run (dvdi-bridge.md §3.3): a cached handshake cannot tell a plugin that
  // restarted behind the same socket (systemd socket activation keeps the file) from the one that answered before.
  const act = await log.run('activate', async () => {
    try {
      const impl = await client.activate(call);
      return { ok: true, detail: `implements ${impl.join(', ')}` };
    } catch (e) {
      return { ok: false, detail: (e as Error).message };
    }
  });
  if (!act.ok) return ctx.signal.aborted ? cancelled() : done(run, 'failed');

  // The kernel's table is read alongside Get and filtered for the path Get returns (read again in the in-use step when
  // an agent source answered later, and re-checked after the mount).
  const tableAtGet = readMountinfo();
  tableAtGet.catch(() => undefined); // awaited below only when the volume exists
  const get = await log.run('get', async () => {
    try {
      run.before = await client.get(name, call);
    } catch (e) {
      return { ok: false, detail: (e as Error).message };
    }
    return { ok: true, detail: run.before ? `exists${run.before.Mountpoint ? `, Mountpoint ${run.before.Mountpoint}` : ''}` : 'volume does not exist' };
  });
  if (!get.ok) return ctx.signal.aborted ? cancelled() : done(run, 'failed');
  const getBeforeAgent = !agentAnswered;

  const vol = run.before;
  const create = vol === undefined;
  if (create && !(params.allowCreate && ctx.policy.allowCreate)) {
    const would = `VolumeDriver.Create ${JSON.stringify({ Name: name, Opts: options })}`;
    log.add('create', true, 0, `not created; the agent would send ${would} (dvdcli mount creates missing volumes implicitly)`);
    if (params.allowCreate && !ctx.policy.allowCreate) warnings.push(`allowCreate was requested but this token's policy does not allow creating volumes`);
    warnings.push(`volume ${name} does not exist on driver ${driver}: the agent would create it with options ${JSON.stringify(options)}`);
    return done(run, 'would-create');
  }
  // Only dvdcli drops the options of an existing volume; the plugin engine sends no Create for it either, but says so differently.
  if (!create && Object.keys(options).length > 0) {
    warnings.push(engine.name === 'plugin' ? `volume ${name} exists, so the options ${JSON.stringify(options)} are not sent (a plugin only reads them at Create)` : `volume ${name} exists, so dvdcli ignores the options ${JSON.stringify(options)} (they are only sent with Create)`);
  }

  // Prove unused, or refuse (issue 8): users found → in-use; a proof missing → refused, naming the flag that vouches.
  let missingProof = false;
  const use = await log.run('in-use', async () => {
    const [agent, first] = await Promise.all([agentBefore, vol ? pluginAndKernelUsers(vol, [], tableAtGet) : { inUse: false, reasons: [], problems: [] }]);
    // Get and the table again when they were read before the slowest agent source answered (a busy dockerd): the Mount
    // follows at once, and a task's mount that landed meanwhile must be seen before it. Through dvdcli's ID-less Mount the
    // plugin refused ours, and the release after it took the task's (agent-bridge/test/e2e/mountDuringPreflight.test.ts).
    const pk = getBeforeAgent && !first.inUse ? await pluginAndKernelUsersNow(client, name, call, vol !== undefined) : first;
    const reasons = [...agent.reasons, ...pk.reasons];
    if (reasons.length) return { ok: false, detail: `in use: ${reasons.join('; ')}; not mounting or unmounting it` };
    const missing = [...agent.problems, ...pk.problems, ...(vol ? unshownUse(deps, driver, vol) : [])];
    if (missing.length) {
      missingProof = true;
      return { ok: false, detail: `cannot prove ${driver}/${name} unused: ${missing.join('; ')}; not mounting it` };
    }
    return { ok: true, detail: `no user in ${create ? 'the isolators\' checkpoints or Docker (new volume)' : 'the isolators\' checkpoints, Docker, the plugin\'s Get or /proc/self/mountinfo'}` };
  });
  if (!use.ok) return done(run, missingProof ? 'refused' : 'in-use');

  const hz = await log.run('hazards', async () => {
    const r = hazardRefusal(deps, driver, vol);
    return r ? { ok: false, detail: r } : { ok: true, detail: 'no known driver hazard applies' };
  });
  if (!hz.ok) return done(run, 'refused');
  if (ctx.signal.aborted) return cancelled();
  return await mountAndRelease(run, create, options);
}

async function mountAndRelease(run: Run, create: boolean, options: Record<string, string>): Promise<DryRunMountResult> {
  const { deps, params, ctx, engine, log, warnings } = run;
  const plugin = run.plugin!;
  const { driver, name } = params;
  // Journal first: from here on a crash may leave a mount behind, and recover() must know about it.
  const entry: JournalEntry = {
    id: deps.journal.newId(),
    driver,
    name,
    engine: engine.name,
    ...(engine.name === 'plugin' ? { pluginAddress: plugin.address } : { dvdcliPath: deps.config.dvdcliPath }),
    ...(engine.sendsMountId ? { mountId: `dvdi-bridge-${deps.journal.newId()}` } : {}),
    bridgePid: process.pid,
    ...(ownStart() ? { bridgeStart: ownStart() } : {}),
    startedAt: new Date().toISOString(),
    phase: 'mounting',
  };
  run.entry = entry;
  deps.ownEntries.add(entry.id);
  await deps.journal.write(entry);
  let journalWrites = Promise.resolve();
  const persist = (patch: Partial<JournalEntry>) => {
    Object.assign(entry, patch);
    journalWrites = journalWrites.then(() => deps.journal.update(entry)).catch((e) => void warnings.push(`journal update failed: ${(e as Error).message}`));
    return journalWrites;
  };

  // The mount itself is not cut short by cancellation: a killed dvdcli or a dropped request does not stop the
  // plugin from finishing the mount, and then nobody would unmount it. It is bounded by the mount timeout.
  const mounted = await log.run('mount', () =>
    engine.mount({ driver, name, options, create, plugin, timeoutMs: deps.timeouts.mount, mountId: entry.mountId, onSpawn: (pgid) => void persist({ childPgid: pgid, childStart: processIdentity(pgid)?.startTime }) }),
  );
  await journalWrites;
  if (create && (mounted.ok || mounted.indeterminate)) {
    log.add('create', true, 0, `created ${driver}/${name} with options ${JSON.stringify(options)} (allowCreate); the volume stays after the dry run`);
    warnings.push(`created volume ${name} on driver ${driver} (allowCreate): it exists from now on; the dry run does not remove it`);
  }

  if (!mounted.ok) {
    const kind: FailureKind = mounted.indeterminate === true ? 'unknown' : /empty (mountpoint|Mountpoint)/.test(mounted.detail) ? 'empty' : 'definite';
    return await afterFailedMount(run, kind);
  }
  const mountpoint = mounted.mountpoint!;
  // Not awaited before the checks: it only adds the mountpoint for recover(), which can also ask the plugin.
  const recorded = persist({ phase: 'mounted', mountpoint, childPgid: undefined, childStart: undefined });

  // The re-check (dvdi-bridge.md §8.9: someone may have started using the volume while we held it mounted, and then our
  // unmount would be theirs) is not read alongside verify: the release path reads it after, right before the unmount.
  // Run together, a verify that took long (the first listing of a slow remote) left its answer that old, and a task
  // that checkpointed the volume meanwhile lost it to our Unmount (agent-bridge/test/e2e/recheckAfterVerify.test.ts).
  const cancelledNow = ctx.signal.aborted;
  if (cancelledNow) warnings.push('the request was cancelled during the mount; the volume was unmounted before answering');
  if (!cancelledNow) {
    const v = await log.run('verify', () => verifyMount(mountpoint, deps.timeouts.pluginCall));
    warnings.push(...v.warnings);
    if (v.kernelMount) entry.seenKernel = true;
    // A pre-existing volume that comes up empty may have been wiped by the driver's Mount (REX-Ray vfs, dvdi-bridge.md §5.2).
    if (v.ok && v.entries === 0 && !create) warnings.push(`pre-existing volume ${name} came up empty at ${mountpoint}: if it held data, that data may be missing (a driver that wipes on Mount, such as REX-Ray ≤ 0.12 vfs, or the wrong backing store); check before starting a task on it`);
  } else log.skip('verify', 'cancelled');
  await recorded;
  const outcome = await releaseMount(deps, { engine, entry, plugin, mountpoint }, log, warnings, { timeoutMs: deps.timeouts.unmount });
  if (outcome === 'in-use') {
    warnings.push(`${driver}/${name} became in use (or its use could no longer be ruled out: the in-use-recheck step says why) while the dry run held it mounted at ${mountpoint}; it was NOT unmounted (that would tear it from the new user); the journal keeps it, and the bridge releases it once nobody else uses it (retried periodically and before the next dry run of this volume)`);
    return done(run, 'in-use', mountpoint);
  }
  const ok = (outcome === 'released' || outcome === 'unverified') && !ctx.signal.aborted && log.steps.every((s) => s.ok);
  return done(run, ok ? 'mounted-and-released' : 'failed', mountpoint);
}

/**
 * How a mount failed. `definite`: the plugin or dvdcli answered (Err, non-200, dvdcli exit 1/2), nothing was
 * mounted. `empty`: the plugin answered "success" with an empty path; it may have mounted something, but it has
 * finished. `unknown`: no readable answer (our timeout, a dropped connection, an unreadable or oversized
 * answer): the plugin may still be mounting.
 */
export type FailureKind = 'definite' | 'empty' | 'unknown';

/**
 * After a failed mount. A definite refusal mounted nothing, unless one look shows it did: the journal entry goes. Otherwise the isolators
 * themselves follow a failed mount with an unmount, so the bridge does too (after the in-use re-check), with the
 * short plugin-call timeout. For an unknown outcome that cleanup cannot be the end: the plugin may finish the
 * mount later, so unless the plugin is gone the entry stays and a late-mount sweep (lateMount.ts) takes over
 * the entry and the per-volume lock.
 */
async function afterFailedMount(run: Run, kind: FailureKind): Promise<DryRunMountResult> {
  const { deps, engine, log, warnings } = run;
  const entry = run.entry!;
  const plugin = run.plugin!;
  const known = run.before?.Mountpoint || undefined;
  let errorAfterMount = false;
  if (kind === 'definite') {
    // An error answer usually means nothing was mounted, but a plugin whose step after the kernel mount fails may
    // neither undo nor forget it. One look (the plugin's Get for our caller ID, the kernel at the Mountpoint Get
    // gave before, where the pre-flight saw nothing); a mount found there goes down the release path below.
    const look = await probeLateMount(deps, new PluginClient(plugin), entry, known);
    if (!look.appeared) {
      await deps.journal.clear(entry.id);
      return done(run, 'failed');
    }
    warnings.push(`the plugin answered the Mount with an error, but ${look.detail}: a plugin that mounted and then failed; releasing it`);
    errorAfterMount = true;
  }
  // The mount may have hung for its whole timeout, time enough for a task to start on this volume; with dvdcli's
  // ID-less Unmount ours would be theirs (dvdi-bridge.md §8.9). The release path re-checks first.
  if (kind === 'empty' || errorAfterMount) {
    // The plugin answered (it is not hung), and what it mounted is a real volume to detach: an EBS detach alone can
    // outlast a plugin call's timeout, so the release gets the unmount's, as every other release of a mount does.
    const outcome = await releaseMount(deps, { engine, entry, plugin, mountpoint: known }, log, warnings, { timeoutMs: deps.timeouts.unmount });
    if (outcome === 'in-use') warnings.push(`the mount's outcome is unknown, but ${entry.driver}/${entry.name} is now in use by someone else (or its use can no longer be ruled out), so it was NOT unmounted; the journal keeps it for recover()`);
    else if (outcome !== 'released') warnings.push(`the plugin ${errorAfterMount ? 'answered the Mount with an error after mounting' : 'reported an empty mountpoint'} and the cleanup unmount did not confirm a release; the journal keeps ${entry.driver}/${entry.name} for recover() if anything is left`);
    return done(run, 'failed');
  }
  // Even an accepted cleanup Unmount proves nothing here: plugins commonly answer OK for a volume that is not
  // mounted (yet). The entry stays until the sweep below has looked.
  const outcome = await releaseMount(deps, { engine, entry, plugin, mountpoint: known }, log, warnings, { timeoutMs: deps.timeouts.pluginCall, clear: 'never' });
  if (outcome === 'in-use') {
    warnings.push(`the mount's outcome is unknown, but ${entry.driver}/${entry.name} is now in use by someone else (or its use can no longer be ruled out), so it was NOT unmounted; the journal keeps it for recover()`);
    return done(run, 'failed');
  }
  // A plugin that no longer accepts connections (it crashed) cannot finish the mount; if the kernel shows nothing
  // either, the failure is as definite as an Err.
  const first = await probeLateMount(deps, new PluginClient(plugin), entry, known);
  if (first.gone) {
    await deps.journal.clear(entry.id);
    return done(run, 'failed');
  }
  if (deps.closing) {
    warnings.push(`the mount's outcome is unknown and the bridge is stopping; the journal keeps ${entry.driver}/${entry.name} so recover() releases it at the next start if the plugin finished the mount`);
    return done(run, 'failed');
  }
  const grace = lateMountGrace(deps.timeouts);
  const held = run.held!;
  held.handedOver = true;
  held.relabel(`late-mount sweep until ${new Date(Date.now() + grace).toISOString()} after a mount whose outcome is unknown`);
  const sweep = startLateMountSweep(deps, { engine, entry, plugin, knownMountpoint: known, releaseLock: () => (deps.ownEntries.delete(entry.id), held.release()) }, grace);
  deps.sweeps.add(sweep);
  void sweep.done.finally(() => deps.sweeps.delete(sweep));
  warnings.push(
    `the mount's outcome is unknown (${first.detail}): the plugin may still finish it, so a late-mount sweep watches ${entry.driver}/${entry.name} for up to ${grace} ms (plugin Get and /proc/self/mountinfo) and unmounts it if it appears and nobody else uses it; until then the volume stays locked and journalled (log event late-mount-sweep reports the end)`,
  );
  return done(run, 'failed');
}
