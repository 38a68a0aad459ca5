/**
 * Startup recovery of a Mount a killed bridge had in flight at its embedded local driver (recover.ts, step 2). The
 * driver died with that bridge, so recovery does not wait the late-mount grace for it, but a mount(8) child the
 * dead driver had started outlives the kill and may still land: recovery must wait for that child and release what
 * it mounted, never clear the entry while it runs. The journal entry is the one the killed bridge wrote (its pid,
 * dead; phase `mounting`); the lingering child is a stand-in for a slow mount(8) (`sh` renamed `mount` with the
 * driver's argv, then the real mount(8)), since a real one is over in milliseconds. Real driver, real mounts.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DryRunnerConfig } from '../../src/dryrun/contract';
import { createDryRunner } from '../../src/dryrun/runner';
import { Journal } from '../../src/journal/journal';
import { startLocalDriver } from '../../src/local-driver/server';
import { PluginClient } from '../../src/plugin/client';
import { checksumTree, makeLab, mountsUnder, runnerConfig, seedData, type Lab } from './harness';

let lab: Lab;
let local: Awaited<ReturnType<typeof startLocalDriver>>;
let data: string;
const socketDir = () => join(lab.stateDir, 'plugins');
const mountpoint = () => join(lab.stateDir, 'local-driver', 'mounts', 'v');

before(async () => {
  lab = await makeLab('embedded-recovery');
  local = await startLocalDriver({ stateDir: lab.stateDir, socketDir: socketDir() });
  const client = new PluginClient({ transport: 'unix', socketPath: local.socketPath, address: local.socketPath, source: 'test' });
  await client.create('v', {}, { timeoutMs: 5000 });
  data = join(lab.stateDir, 'local-driver', 'volumes', 'v', 'data');
  await seedData(data);
});
after(async () => {
  await local.close();
  for (const m of (await mountsUnder(lab.root)).reverse()) spawnSync('umount', ['-l', m.split(' ')[0]]);
  await lab.cleanup();
});

/** The entry a bridge killed during the Mount leaves: its pid (a process that has exited), phase `mounting`. */
async function entryOfKilledBridge(): Promise<void> {
  const dead = spawnSync('true').pid!;
  const journal = new Journal(lab.stateDir);
  await journal.init();
  await journal.write({ id: `killed-${Date.now()}`, driver: 'local', name: 'v', engine: 'plugin', pluginAddress: local.socketPath, mountId: 'killed-run', bridgePid: dead, startedAt: new Date().toISOString(), phase: 'mounting' });
}

function config(embedded: boolean, lateMountGrace: number): DryRunnerConfig {
  return runnerConfig(lab, { stateDir: lab.stateDir, pluginDirs: [socketDir()], onlyPluginEngine: true, proofs: { privateDrivers: ['local'] }, leftoverRetryMs: 0, timeouts: { mount: 120_000, unmount: 10_000, pluginCall: 5_000, lateMountGrace }, ...(embedded ? { embeddedDriver: local } : {}) });
}

async function recoverTimed(c: DryRunnerConfig) {
  const runner = await createDryRunner({ ...c, log: () => undefined });
  const t0 = Date.now();
  const report = await runner.recover();
  const ms = Date.now() - t0;
  await runner.close();
  return { report, ms };
}

describe('recovery of a Mount in flight at the killed bridge\'s embedded local driver', () => {
  it('nothing of the dead driver still running: judged at once, not after the grace window', async () => {
    const sum = await checksumTree(data);
    await entryOfKilledBridge();
    const { report, ms } = await recoverTimed(config(true, 60_000));
    assert.ok(ms < 3_000, `recovery took ${ms} ms with a 60 s grace`);
    assert.deepEqual(report.notMounted.map((n) => n.name), ['v'], JSON.stringify(report));
    assert.match(report.notMounted[0].detail, /died with the bridge that sent it/);
    assert.deepEqual(await mountsUnder(lab.root), []);
    assert.deepEqual((await new Journal(lab.stateDir).list()).entries, []);
    assert.equal(await checksumTree(data), sum);
  });

  it('a mount(8) child of the dead driver still running: waited for, and what it mounted is released', async () => {
    const sum = await checksumTree(data);
    await entryOfKilledBridge();
    await mkdir(mountpoint(), { recursive: true });
    // The driver's argv (volumes.ts: mount --bind <data> <mountpoint>), landing 1.5 s after recovery starts.
    const child = spawn('bash', ['-c', `exec -a mount /bin/sh -c 'sleep 1.5; exec /bin/mount "$@"' mount --bind ${JSON.stringify(data)} ${JSON.stringify(mountpoint())}`], { stdio: 'ignore' });
    const landed = new Promise((r) => child.once('exit', r));
    const { report, ms } = await recoverTimed(config(true, 60_000));
    assert.equal(await landed, 0, 'the stand-in mount(8) failed'); // so it did mount
    assert.ok(ms >= 1_400, `recovery judged the entry after ${ms} ms, while the mount child still ran`);
    assert.deepEqual(report.released.map((n) => [n.name, n.mountpoint]), [['v', mountpoint()]], JSON.stringify(report));
    assert.deepEqual(await mountsUnder(lab.root), []);
    assert.deepEqual((await new Journal(lab.stateDir).list()).entries, []);
    assert.equal(await checksumTree(data), sum);
  });

  it('the same entry without the embedded driver (any other plugin could still finish it): the grace window is waited', async () => {
    assert.deepEqual(await mountsUnder(lab.root), [], 'a mount the test before left');
    await entryOfKilledBridge();
    const { report, ms } = await recoverTimed(config(false, 1_500));
    assert.ok(ms >= 1_400, `recovery took ${ms} ms, less than the 1.5 s grace`);
    assert.deepEqual(report.notMounted.map((n) => n.name), ['v'], JSON.stringify(report));
    assert.match(report.notMounted[0].detail, /waited until .* for a Mount still in flight/);
  });
});
