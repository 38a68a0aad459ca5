// kill -9 at random instants (issue 8): a bridge process runs real dry runs back to back and is killed with SIGKILL
// at a random moment, then a new bridge on the same state dir recovers. After every restart: 0 mounts left under
// the lab, 0 journal entries, 0 bytes changed in a pre-existing volume. Three plugins: the embedded local driver
// (inside the killed process, as `serve` runs it), Debian's rclone (real FUSE), and the fault-plugin stand-in with
// a slow Mount, so the kill lands while the plugin is still mounting. The bridge is bundled once with esbuild so
// each restart costs a plain node start; the whole file stays within a few minutes on 2 cores.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import type { DryRunnerConfig, EngineName } from '../../src/dryrun/contract';
import { createDryRunner } from '../../src/dryrun/runner';
import { startLocalDriver } from '../../src/local-driver/server';
import { PluginClient } from '../../src/plugin/client';
import { checksumTree, fuseSkipReason, makeLab, mountsUnder, runnerConfig, seedData, startFault, startRclone, type Lab, type Proc } from './harness';

const here = import.meta.dirname;
let lab: Lab;
let bundle: string;
const procs: Proc[] = [];
const ALL: EngineName[] = ['plugin', 'docker-volume', 'plugin', 'dvdi-module', 'plugin'];

before(async () => {
  lab = await makeLab('killstorm');
  bundle = join(lab.root, 'killRunner.mjs');
  await build({ entryPoints: [join(here, 'killRunner.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: bundle, logLevel: 'error' });
});
after(async () => {
  for (const p of procs) await p.stop();
  for (const m of (await mountsUnder(lab.root)).reverse()) spawnSync('umount', ['-l', m.split(' ')[0]]);
  await lab.cleanup();
});

/** A seeded random source, so a failing run can be replayed (the seed is in the assertion messages). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

interface Storm {
  config: DryRunnerConfig;
  plan: { local: boolean; driver: string; names: string[]; engines: EngineName[] };
  kills: number;
  /**
   * Every other kill lands this many ms (uniform) after the process said it is ready: anywhere in a run, or before.
   * The others land on an observed event instead (killOnMount), so some hit mid-mount however loaded the machine is.
   */
  maxDelayMs: number;
  /** The pre-existing data whose bytes must never change. */
  data: string;
}

/** Runs the storm; returns how many dry runs were started and how many completed, across all kills. */
async function storm(s: Storm, seed: number): Promise<{ started: number; completed: number; recovered: Record<string, number> }> {
  const random = rng(seed);
  const sum = await checksumTree(s.data);
  let started = 0;
  let completed = 0;
  const recovered: Record<string, number> = { released: 0, notMounted: 0 };
  const history: string[] = [];
  // How long a Mount is in flight on this machine now: from a `mount:started` line (written after the journal entry,
  // runOne.ts) to its `mount:ok` or `mount:failed`, as this process saw the lines arrive. Under load few dry runs
  // finish before their kill, but many Mounts do.
  const inFlightMs: number[] = [];
  let onMount = 0;
  for (let k = 0; k < s.kills; k++) {
    const child = spawn(process.execPath, [bundle, JSON.stringify(s.config), JSON.stringify(s.plan)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let partial = '';
    let mountAt: number | undefined;
    let mountSeen: () => void = () => undefined;
    const mounting = new Promise<void>((r) => (mountSeen = r));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const lines = (partial + d.toString()).split('\n');
      partial = lines.pop()!;
      for (const l of lines) {
        if (l === 'mount:started') {
          mountAt = performance.now();
          mountSeen();
        } else if ((l === 'mount:ok' || l === 'mount:failed') && mountAt !== undefined) {
          inFlightMs.push(performance.now() - mountAt);
          mountAt = undefined;
        }
      }
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    await Promise.race([
      new Promise<void>((r) => {
        const t = setInterval(() => out.includes('ready') && (clearInterval(t), r()), 2);
      }),
      exited.then(() => assert.fail(`seed ${seed} kill ${k}: the bridge exited before it was ready: ${err}`)),
    ]);
    if (k % 2 === 1) {
      // killOnMount: the first mount of this process seen started, then a uniform share of how long a Mount has been in
      // flight here, so the kill falls mid-mount, its entry journalled (a fixed delay, on a loaded machine, fell before any mount).
      await Promise.race([mounting, exited.then(() => assert.fail(`seed ${seed} kill ${k}: the bridge exited before any mount: ${err}`))]);
      onMount++;
      await new Promise((r) => setTimeout(r, random() * median(inFlightMs)));
    } else {
      await new Promise((r) => setTimeout(r, random() * s.maxDelayMs));
    }
    child.kill('SIGKILL');
    await exited;
    started += out.split('\n').filter((l) => l === 'validate:started').length;
    const verdicts = out.split('\n').filter((l) => l.startsWith('verdict:'));
    completed += verdicts.length;
    assert.deepEqual([...new Set(verdicts)].filter((v) => v !== 'verdict:mounted-and-released'), [], `seed ${seed} kill ${k}: ${out.slice(-2000)}`);

    // Restart on the same state dir, as `serve` does: the local driver first (which recover() knows as the embedded
    // one: a Mount the killed one had in flight is judged once its mount children are gone), then recover().
    const local = s.plan.local ? await startLocalDriver({ stateDir: s.config.stateDir, socketDir: s.config.pluginDirs[0] }) : undefined;
    const runner = await createDryRunner({ ...s.config, log: () => undefined, ...(local ? { embeddedDriver: local } : {}) });
    const rep = await runner.recover();
    await runner.close();
    await local?.close();
    history.push(`kill ${k}: ${out.split('\n').filter(Boolean).slice(-8).join(' ')} → ${JSON.stringify(rep)}`);
    const at = `seed ${seed} kill ${k}; the last restarts:\n${history.slice(-3).join('\n')}\n`;
    assert.deepEqual(rep.failed, [], at);
    assert.deepEqual(rep.unverified, [], at);
    recovered.released += rep.released.length;
    recovered.notMounted += rep.notMounted.length;
    assert.deepEqual(await mountsUnder(lab.root), [], at);
    assert.deepEqual((await readdir(join(s.config.stateDir, 'journal'))).filter((f) => f.endsWith('.json')), [], at);
    assert.equal(await checksumTree(s.data), sum, `${at}: the pre-existing volume's bytes changed`);
  }
  assert.ok(onMount > 0, `seed ${seed}: no kill was timed on a mount`);
  return { started, completed, recovered };
}

/** The middle sample, 0 without any (the first kill on a mount then lands as soon as it is seen). */
function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const seed = Number(process.env.KILLSTORM_SEED ?? Date.now() % 100_000);
const fast = { mount: 3000, unmount: 3000, pluginCall: 2000 };

describe(`kill -9 at random instants, restart on the same state dir (seed ${seed})`, () => {
  let total = 0;

  test('embedded local driver (killed with the bridge), all three engines', async () => {
    const stateDir = join(lab.root, 'state-local');
    const config = runnerConfig(lab, { stateDir, pluginDirs: [join(lab.root, 'sock-local')], leftoverRetryMs: 50, timeouts: { ...fast, lateMountGrace: 400 } });
    // The volumes exist before the storm, one with data.
    const local = await startLocalDriver({ stateDir, socketDir: config.pluginDirs[0] });
    const client = new PluginClient({ transport: 'unix', socketPath: local.socketPath, address: local.socketPath, source: 'test' });
    for (const n of ['keep', 'b', 'c']) await client.create(n, {}, { timeoutMs: 5000 });
    const data = join(stateDir, 'local-driver', 'volumes', 'keep', 'data');
    await seedData(data);
    await local.close();
    const r = await storm({ config, plan: { local: true, driver: 'local', names: ['keep', 'b', 'c'], engines: ALL }, kills: 110, maxDelayMs: 120, data }, seed);
    total += r.started;
    console.log(`local: ${r.started} dry runs started, ${r.completed} completed, recovered ${JSON.stringify(r.recovered)}`);
    assert.ok(r.recovered.released + r.recovered.notMounted > 0, 'no kill landed while a mount was journalled');
  });

  test('rclone serve docker (real FUSE), all three engines', { skip: fuseSkipReason() }, async () => {
    const rclone = await startRclone(lab);
    procs.push(rclone);
    const client = new PluginClient({ transport: 'unix', socketPath: join(lab.pluginDir, 'rclone.sock'), address: join(lab.pluginDir, 'rclone.sock'), source: 'test' });
    const data = join(lab.root, 'backing', 'r1');
    await seedData(data);
    await client.create('r1', { type: 'local', path: data }, { timeoutMs: 5000 });
    // recover() waits this long for a Mount the killed bridge left in flight; rclone's FUSE mount can take over
    // 600 ms on a loaded 2-core machine, and a mount that lands after the window is by design not waited for.
    const config = runnerConfig(lab, { stateDir: join(lab.root, 'state-rclone'), leftoverRetryMs: 50, timeouts: { ...fast, lateMountGrace: 1500 } });
    const r = await storm({ config, plan: { local: false, driver: 'rclone', names: ['r1'], engines: ALL }, kills: 100, maxDelayMs: 150, data }, seed + 1);
    total += r.started;
    console.log(`rclone: ${r.started} dry runs started, ${r.completed} completed, recovered ${JSON.stringify(r.recovered)}`);
  });

  test('at least 200 dry runs were cut at random instants', { skip: fuseSkipReason() }, () => {
    assert.ok(total >= 200, `only ${total} dry runs started`);
  });

  test('a Mount still in flight at a slow plugin when the bridge dies is waited for, then released', async () => {
    const f = await startFault(lab, 'slowks', 'slow', 300);
    procs.push(f);
    const data = join(f.stateDir, 'backing', 'v');
    await seedData(data);
    const config = runnerConfig(lab, { stateDir: join(lab.root, 'state-slow'), leftoverRetryMs: 50, timeouts: { ...fast, lateMountGrace: 1500 } });
    const r = await storm({ config, plan: { local: false, driver: 'slowks', names: ['v'], engines: ['plugin', 'docker-volume', 'plugin'] }, kills: 30, maxDelayMs: 450, data }, seed + 2);
    console.log(`slow plugin: ${r.started} dry runs started, ${r.completed} completed, recovered ${JSON.stringify(r.recovered)}`);
    assert.ok(r.recovered.released > 0, 'no kill landed with a Mount in flight that the plugin then finished');
  });
});
