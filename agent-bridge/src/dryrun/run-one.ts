/**
 * One dry-run mount, step by step (§8): validate → policy → lock → discover → activate → get → in-use →
 * mount → verify → in-use-recheck → unmount → verify-released. Every branch that mounted something reaches the
 * unmount, including cancellation; the journal covers the branches a crash cuts short.
 *
 * Reads that do not depend on each other run concurrently (the isolator checkpoints with activate/get, the
 * kernel's mount table with Get, the post-mount checks with the re-check), so the safety checks cost about
 * one plugin round trip each side of the mount on top of the Mount and Unmount themselves.
 */
import type { Engine } from '../engines/engine';
import { processIdentity } from '../engines/run-process';
import { checkModuleContainerPath } from '../engines/module-checks';
import { checkpointUsers, pluginAndKernelUsers, type InUseReport } from '../inuse/check';
import { mountsAt, readMountinfo } from '../inuse/mountinfo';
import type { Journal, JournalEntry } from '../journal/journal';
import { PluginClient, type VolumeInfo } from '../plugin/client';
import type { ActivationCache } from '../plugin/activation-cache';
import { discoverPlugin, type PluginAddress } from '../plugin/discovery';
import type { DryRunContext, DryRunMountParams, DryRunMountResult, DryRunnerConfig, EngineName, Verdict } from './contract';
import { shellUnsafePath } from './engines';
import { checkPolicy } from './policy';
import { StepLog } from './steps';
import { recheckUsers } from './recheck';
import { verifyMount } from './verify';
import { checkRequestShape, checkVolumeRequest } from '../validation/request';
import type { VolumeLocks } from './volume-lock';
import { lateMountGrace, probeLateMount, startLateMountSweep, type Sweep } from './late-mount';

export interface RunDeps {
  config: DryRunnerConfig;
  engines: Record<EngineName, Engine>;
  journal: Journal;
  locks: VolumeLocks;
  timeouts: { mount: number; unmount: number; pluginCall: number; lateMountGrace?: number };
  activations: ActivationCache;
  /** Structured log lines from work that outlives a request (late-mount sweeps). */
  log: (level: 'info' | 'warn', event: string, fields: Record<string, unknown>) => void;
  /** Late-mount sweeps in progress; close() cancels them. */
  sweeps: Set<Sweep>;
  /** Set by close(): no new sweep is started, the journal keeps the entry for recover(). */
  closing: boolean;
}

/** The per-volume lock of one run; a late-mount sweep takes it over instead of letting the run release it. */
interface HeldLock {
  release: () => void;
  relabel: (label: string) => void;
  handedOver: boolean;
}

export async function runOne(deps: RunDeps, params: DryRunMountParams, ctx: DryRunContext): Promise<DryRunMountResult> {
  const log = new StepLog(ctx.onProgress);
  const warnings: string[] = [];
  const done = (verdict: Verdict, mountpoint?: string): DryRunMountResult => ({ verdict, ...(mountpoint ? { mountpoint } : {}), steps: log.steps, warnings });
  const engineName: EngineName = params?.engine ?? deps.config.defaultEngine;
  const engine = deps.engines[engineName];

  // validate: the same rules as the transport (defence in depth), then the module's filesystem check.
  const refusal = await log.run('validate', async () => {
    const r = checkRequestShape(params) ?? checkVolumeRequest(params, engineName);
    if (r) return { ok: false, detail: `${r.field.join('.') || 'params'}: ${r.message}` };
    if (engineName === 'dvdi-module') {
      if (shellUnsafePath(deps.config.dvdcliPath)) return { ok: false, detail: `config.dvdcliPath: ${JSON.stringify(deps.config.dvdcliPath)} would be split or interpreted by sh -c in the module's command; use a plain absolute path` };
      const m = checkModuleContainerPath(params.containerPath, warnings);
      if (m) return { ok: false, detail: `${m.field}: ${m.message}` };
    }
    return { ok: true, detail: `engine ${engineName}` };
  });
  if (!refusal.ok) return done('refused');

  const pol = await log.run('policy', async () => {
    const r = checkPolicy(params, ctx.policy);
    return r ? { ok: false, detail: `${r.field}: ${r.message}` } : { ok: true };
  });
  if (!pol.ok) return done('refused');

  const lock = deps.locks.tryAcquire(params.driver, params.name, `dry-run started ${new Date().toISOString()}`);
  if ('heldBy' in lock) {
    log.add('lock', false, 0, `another operation of this bridge is using ${params.driver}/${params.name} (${lock.heldBy}); try again when it finishes`);
    return done('in-use');
  }
  const held: HeldLock = { ...lock, handedOver: false };
  try {
    return await lockedRun(deps, params, ctx, engine, log, warnings, done, held);
  } finally {
    if (!held.handedOver) lock.release();
  }
}

type Done = (verdict: Verdict, mountpoint?: string) => DryRunMountResult;

async function lockedRun(deps: RunDeps, params: DryRunMountParams, ctx: DryRunContext, engine: Engine, log: StepLog, warnings: string[], done: Done, held: HeldLock): Promise<DryRunMountResult> {
  const { driver, name } = params;
  const options = params.options ?? {};
  const call = { timeoutMs: deps.timeouts.pluginCall, signal: ctx.signal };
  const cancelled = () => {
    log.add('cancel', false, 0, 'the request was cancelled before anything was mounted; nothing to undo');
    return done('failed');
  };

  // The isolators' checkpoints do not depend on the plugin: read them while discovery, activate and get run.
  const checkpointsBefore: Promise<InUseReport> = checkpointUsers(deps.config.checkpointDirs, driver, name);

  let plugin: PluginAddress | undefined;
  const disc = await log.run('discover', async () => {
    try {
      plugin = await discoverPlugin(driver, deps.config.pluginDirs);
    } catch (e) {
      return { ok: false, detail: (e as Error).message };
    }
    return plugin
      ? { ok: true, detail: `${plugin.address} (from ${plugin.source})` }
      : { ok: false, detail: `no socket or spec for driver ${JSON.stringify(driver)} in ${deps.config.pluginDirs.join(', ')}; the agent's dvdcli would retry for ~15 s and then fail with "plugin not found"` };
  });
  if (!disc.ok || !plugin) return done('failed');
  if (ctx.signal.aborted) return cancelled();
  const client = new PluginClient(plugin);

  const act = await log.run('activate', async () => {
    const known = await deps.activations.lookup(plugin!);
    if (known) return { ok: true, detail: `implements ${known.join(', ')} (activated earlier; same plugin socket)` };
    try {
      const impl = await client.activate(call);
      await deps.activations.remember(plugin!, impl);
      return { ok: true, detail: `implements ${impl.join(', ')}` };
    } catch (e) {
      return { ok: false, detail: (e as Error).message };
    }
  });
  if (!act.ok) return ctx.signal.aborted ? cancelled() : done('failed');

  let vol: VolumeInfo | undefined;
  // The kernel's table is read alongside Get and filtered for the path Get returns (the re-check after the
  // mount covers anything that changes in between).
  const tableAtGet = readMountinfo();
  tableAtGet.catch(() => undefined); // awaited below only when the volume exists
  const get = await log.run('get', async () => {
    try {
      vol = await client.get(name, call);
    } catch (e) {
      deps.activations.forget(plugin!);
      return { ok: false, detail: (e as Error).message };
    }
    return { ok: true, detail: vol ? `exists${vol.Mountpoint ? `, Mountpoint ${vol.Mountpoint}` : ''}` : 'volume does not exist' };
  });
  if (!get.ok) return ctx.signal.aborted ? cancelled() : done('failed');

  const create = vol === undefined;
  if (create && !(params.allowCreate && ctx.policy.allowCreate)) {
    const would = `VolumeDriver.Create ${JSON.stringify({ Name: name, Opts: options })}`;
    log.add('create', true, 0, `not created; the agent would send ${would} (dvdcli mount creates missing volumes implicitly)`);
    if (params.allowCreate && !ctx.policy.allowCreate) warnings.push(`allowCreate was requested but this token's policy does not allow creating volumes`);
    warnings.push(`volume ${name} does not exist on driver ${driver}: the agent would create it with options ${JSON.stringify(options)}`);
    return done('would-create');
  }
  if (!create && Object.keys(options).length > 0) warnings.push(`volume ${name} exists, so dvdcli ignores the options ${JSON.stringify(options)} (they are only sent with Create)`);

  const use = await log.run('in-use', async () => {
    const [cp, pk] = await Promise.all([checkpointsBefore, vol ? pluginAndKernelUsers(vol, [], tableAtGet) : { inUse: false, reasons: [], problems: [] }]);
    warnings.push(...cp.problems);
    const reasons = [...cp.reasons, ...pk.reasons, ...cp.problems];
    return { ok: reasons.length === 0, detail: reasons.length ? `in use: ${reasons.join('; ')}; not mounting or unmounting it` : 'no user found in checkpoints, plugin Get or mountinfo' };
  });
  if (!use.ok) return done('in-use');
  if (ctx.signal.aborted) return cancelled();

  // Journal first: from here on a crash may leave a mount behind, and recover() must know about it.
  const entry: JournalEntry = {
    id: deps.journal.newId(),
    driver,
    name,
    engine: engine.name,
    ...(engine.name === 'plugin' ? { pluginAddress: plugin.address } : { dvdcliPath: deps.config.dvdcliPath }),
    ...(engine.sendsMountId ? { mountId: `dvdi-bridge-${deps.journal.newId()}` } : {}),
    bridgePid: process.pid,
    startedAt: new Date().toISOString(),
    phase: 'mounting',
  };
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
    engine.mount({ driver, name, options, create, plugin: plugin!, timeoutMs: deps.timeouts.mount, mountId: entry.mountId, onSpawn: (pgid) => void persist({ childPgid: pgid, childStart: processIdentity(pgid)?.startTime }) }),
  );
  await journalWrites;
  const wasCancelled = () => {
    if (ctx.signal.aborted) warnings.push('the request was cancelled during the mount; the volume was unmounted before answering');
    return ctx.signal.aborted;
  };

  if (!mounted.ok) {
    const kind: FailureKind = mounted.indeterminate === true ? 'unknown' : /empty (mountpoint|Mountpoint)/.test(mounted.detail) ? 'empty' : 'definite';
    return await afterFailedMount(deps, engine, entry, plugin, vol, kind, log, warnings, done, held);
  }
  const mountpoint = mounted.mountpoint!;
  // Not awaited before the checks: it only adds the mountpoint for recover(), which can also ask the plugin.
  const recorded = persist({ phase: 'mounted', mountpoint, childPgid: undefined, childStart: undefined });

  // verify and the re-check (§8.9: someone may have started using the volume while we held it mounted, and
  // then our unmount would be theirs) are independent reads, so they run together; both finish before the
  // unmount. The steps are logged in this order; the re-check's time is what was left after verify.
  const verifying = wasCancelled() ? undefined : verifyMount(mountpoint, deps.timeouts.pluginCall);
  const rechecking = recheckUsers(deps, client, entry, warnings);
  if (verifying) {
    const v = await log.run('verify', () => verifying);
    warnings.push(...v.warnings);
  } else log.skip('verify', 'cancelled');
  const recheck = await log.run('in-use-recheck', () => rechecking);
  await recorded;
  if (!recheck.ok) {
    warnings.push(`${driver}/${name} became in use while the dry run held it mounted at ${mountpoint}; it was NOT unmounted (that would tear it from the new user); the journal entry stays so recover() re-checks it later`);
    return done('in-use', mountpoint);
  }

  const released = await unmountAndCheck(deps, engine, entry, plugin, mountpoint, deps.timeouts.unmount, log, warnings);
  return done(released && !wasCancelledQuiet(ctx) && log.steps.every((s) => s.ok) ? 'mounted-and-released' : 'failed', mountpoint);
}

function wasCancelledQuiet(ctx: DryRunContext): boolean {
  return ctx.signal.aborted;
}

/** Unmount through the same engine, then confirm the kernel no longer lists the mountpoint. */
export async function unmountAndCheck(deps: RunDeps, engine: Engine, entry: JournalEntry, plugin: PluginAddress, mountpoint: string | undefined, timeoutMs: number, log: StepLog, warnings: string[], opts: { clear?: 'released' | 'unmounted' | 'never' } = {}): Promise<boolean> {
  const um = await log.run('unmount', () => engine.unmount({ driver: entry.driver, name: entry.name, plugin, mountId: entry.mountId, timeoutMs }));
  const rel = await log.run('verify-released', async () => {
    if (!mountpoint) return { ok: um.ok, detail: um.ok ? 'no mountpoint was reported; nothing to check' : 'unmount failed and no mountpoint is known' };
    const left = mountsAt(await readMountinfo(), mountpoint);
    if (left.length) return { ok: false, detail: `${mountpoint} is still mounted (${left[0].fsType} ${left[0].source}); the journal entry stays so recover() retries` };
    return { ok: true, detail: `${mountpoint} no longer in /proc/self/mountinfo${um.ok ? '' : ' (although the unmount reported an error)'}` };
  });
  // "Not in mountinfo" alone proves nothing while a plugin may still be mounting (late-mount sweep): there the
  // entry goes only after an Unmount the plugin accepted ('unmounted'), or is left to the sweep ('never').
  const clear = opts.clear ?? 'released';
  if (rel.ok && (clear === 'released' || (clear === 'unmounted' && um.ok))) await deps.journal.clear(entry.id);
  else if (!rel.ok) warnings.push(`residue: ${rel.detail}`);
  return rel.ok && um.ok;
}

/**
 * How a mount failed. `definite`: the plugin or dvdcli answered (Err, non-200, dvdcli exit 1/2), nothing was
 * mounted. `empty`: the plugin answered "success" with an empty path; it may have mounted something, but it has
 * finished. `unknown`: no readable answer (our timeout, a dropped connection, an unreadable or oversized
 * answer): the plugin may still be mounting.
 */
export type FailureKind = 'definite' | 'empty' | 'unknown';

/**
 * After a failed mount. A definite refusal mounted nothing: the journal entry goes. Otherwise the isolators
 * themselves follow a failed mount with an unmount, so the bridge does too (after the in-use re-check), with the
 * short plugin-call timeout. For an unknown outcome that cleanup cannot be the end: the plugin may finish the
 * mount later, so unless the plugin is gone the entry stays and a late-mount sweep (late-mount.ts) takes over
 * the entry and the per-volume lock.
 */
async function afterFailedMount(deps: RunDeps, engine: Engine, entry: JournalEntry, plugin: PluginAddress, before: VolumeInfo | undefined, kind: FailureKind, log: StepLog, warnings: string[], done: Done, held: HeldLock): Promise<DryRunMountResult> {
  if (kind === 'definite') {
    await deps.journal.clear(entry.id);
    return done('failed');
  }
  // The mount may have hung for its whole timeout, time enough for a task to start on this volume; with dvdcli's
  // ID-less Unmount ours would be theirs (§8.9). Same re-check as before a normal unmount.
  const client = new PluginClient(plugin);
  const recheck = await log.run('in-use-recheck', () => recheckUsers(deps, client, entry, warnings));
  if (!recheck.ok) {
    warnings.push(`the mount's outcome is unknown, but ${entry.driver}/${entry.name} is now in use by someone else, so it was NOT unmounted; the journal keeps it for recover()`);
    return done('failed');
  }
  if (kind === 'empty') {
    const ok = await unmountAndCheck(deps, engine, entry, plugin, before?.Mountpoint, deps.timeouts.pluginCall, log, warnings);
    if (!ok) warnings.push(`the plugin reported an empty mountpoint and the cleanup unmount did not confirm a release; the journal keeps ${entry.driver}/${entry.name} for recover() if anything is left`);
    return done('failed');
  }
  // Even an accepted cleanup Unmount proves nothing here: plugins commonly answer OK for a volume that is not
  // mounted (yet). The entry stays until the sweep below has looked.
  await unmountAndCheck(deps, engine, entry, plugin, before?.Mountpoint, deps.timeouts.pluginCall, log, warnings, { clear: 'never' });
  // A plugin that no longer accepts connections (it crashed) cannot finish the mount; if the kernel shows nothing
  // either, the failure is as definite as an Err.
  const first = await probeLateMount(deps, client, entry, before?.Mountpoint);
  if (first.gone) {
    await deps.journal.clear(entry.id);
    return done('failed');
  }
  if (deps.closing) {
    warnings.push(`the mount's outcome is unknown and the bridge is stopping; the journal keeps ${entry.driver}/${entry.name} so recover() releases it at the next start if the plugin finished the mount`);
    return done('failed');
  }
  const grace = lateMountGrace(deps.timeouts);
  held.handedOver = true;
  held.relabel(`late-mount sweep until ${new Date(Date.now() + grace).toISOString()} after a mount whose outcome is unknown`);
  const sweep = startLateMountSweep(deps, { engine, entry, plugin, knownMountpoint: before?.Mountpoint, releaseLock: held.release }, grace);
  deps.sweeps.add(sweep);
  void sweep.done.finally(() => deps.sweeps.delete(sweep));
  warnings.push(
    `the mount's outcome is unknown (${first.detail}): the plugin may still finish it, so a late-mount sweep watches ${entry.driver}/${entry.name} for up to ${grace} ms (plugin Get and /proc/self/mountinfo) and unmounts it if it appears and nobody else uses it; until then the volume stays locked and journalled (log event late-mount-sweep reports the end)`,
  );
  return done('failed');
}
