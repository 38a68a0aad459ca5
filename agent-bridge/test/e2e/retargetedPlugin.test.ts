// A driver name moved to another plugin (its `.sock` symlink retargeted, as when a plugin is restarted on another
// socket and its alias follows it) must be known for the plugin it leads to *now*, by the lock and by the in-use check.
// Two real rclone serve docker plugins, p1 and p2; `moving.sock` points at p1, a dry run through it is done, then
// it is pointed at p2. Before, discovery reused its answer for 2 s, the socket's realpath with it: a dry run through
// `moving` right after the move was locked as p1 while every call (and dvdcli's own discovery) reached p2, so a dry
// run of the same volume through `p2` at the same moment took a second lock and both mounted it on p2; and a task
// recorded through `moving` was taken for a user of p1, not of p2, so a dry run through p2 mounted its volume.
import assert from 'node:assert/strict';
import { mkdir, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { EngineName } from '../../src/dryrun/contract';
import { createDryRunner } from '../../src/dryrun/runner';
import { PluginClient } from '../../src/plugin/client';
import { discoverPlugin } from '../../src/plugin/discovery';
import { ctx, fuseSkipReason, makeLab, mountsUnder, runnerConfig, seedData, startRclone, type Lab } from './harness';
import { overlappingRuns } from './overlappingRuns';
import { releaseLeftovers } from './leftoverCleanup';

describe('a driver name retargeted to another plugin is that plugin at once (two rclone serve docker, real FUSE)', { skip: fuseSkipReason() }, () => {
  let lab: Lab;
  let p1: Awaited<ReturnType<typeof startRclone>>;
  let p2: Awaited<ReturnType<typeof startRclone>>;
  const clients: PluginClient[] = [];
  let runner: Awaited<ReturnType<typeof createDryRunner>>;
  const call = { timeoutMs: 5000 };
  const journalDir = () => join(lab.stateDir, 'journal');
  const journal = async () => (await readdir(journalDir()).catch(() => [] as string[])).filter((f) => f.endsWith('.json'));
  const moving = () => join(lab.pluginDir, 'moving.sock');
  /** Atomically, as a deploy tool would (`ln -sfn` then rename). */
  const pointAt = async (target: string) => {
    await symlink(join(lab.pluginDir, `${target}.sock`), moving() + '.new');
    await rename(moving() + '.new', moving());
  };

  before(async () => {
    lab = await makeLab('retarget');
    p1 = await startRclone(lab, join(lab.root, 'p1', 'base'), 'p1');
    p2 = await startRclone(lab, join(lab.root, 'p2', 'base'), 'p2');
    for (const d of ['p1', 'p2']) {
      const c = new PluginClient((await discoverPlugin(d, [lab.pluginDir]))!);
      clients.push(c);
      for (const name of ['warm', 'rv1', 'rv2', 'rv3', 'rv4']) {
        await seedData(join(lab.root, 'backing', d, name));
        await c.create(name, { type: 'local', path: join(lab.root, 'backing', d, name) }, call);
      }
    }
    // A spec naming the moving symlink: its identity is the symlink resolved (plugin/endpoint.ts), not discovery's.
    await writeFile(join(lab.pluginDir, 'viaspec.spec'), `unix://${moving()}\n`);
    runner = await createDryRunner(runnerConfig(lab, { leftoverRetryMs: 0 }));
    await runner.recover();
  });

  /** Whatever a failing run left (leftoverCleanup.ts). */
  async function cleanUp(): Promise<void> {
    await releaseLeftovers(lab, clients);
  }
  after(async () => {
    await runner?.close();
    await cleanUp().catch(() => undefined);
    await p1?.stop();
    await p2?.stop();
    await lab?.cleanup();
  });

  const run = (driver: string, name: string, engine: EngineName = 'plugin') => runner.dryRunMount({ driver, name, engine }, ctx());

  for (const [engine, name, via] of [['plugin', 'rv1', 'moving'], ['docker-volume', 'rv2', 'moving'], ['plugin', 'rv4', 'viaspec']] as [EngineName, string, string][]) {
    test(`${engine}: moved from p1 to p2, then ${via}/${name} and p2/${name} at once: one lock, one mount`, async () => {
      try {
        await pointAt('p1');
        assert.equal((await run(via, 'warm', engine)).verdict, 'mounted-and-released');
        await pointAt('p2');
        const [a, b] = await overlappingRuns((c) => runner.dryRunMount({ driver: via, name, engine }, c), (c) => runner.dryRunMount({ driver: 'p2', name, engine }, c));
        assert.deepEqual([a.verdict, b.verdict].sort(), ['in-use', 'mounted-and-released'], JSON.stringify([a, b], null, 1));
        const loser = [a, b].find((x) => x.verdict === 'in-use')!;
        assert.match(loser.steps.find((s) => s.step === 'lock')?.detail ?? '', /another operation of this bridge is using .*\/p2\.sock/, JSON.stringify(loser.steps));
        assert.deepEqual(await mountsUnder(lab.root), []);
        assert.deepEqual(await journal(), []);
      } finally {
        await cleanUp();
      }
    });
  }

  test('moved from p1 to p2: a task recorded through moving uses p2\'s volume, so a dry run through p2 refuses it', async () => {
    const task = join(lab.checkpoints.dockerVolume, 'task-rt');
    try {
      await pointAt('p1');
      assert.equal((await run('moving', 'warm')).verdict, 'mounted-and-released');
      await pointAt('p2');
      await mkdir(task, { recursive: true });
      await writeFile(join(task, 'volumes'), JSON.stringify({ volumes: [{ driver: 'moving', name: 'rv3' }] }));
      const r = await run('p2', 'rv3');
      assert.equal(r.verdict, 'in-use', JSON.stringify(r, null, 1));
      assert.match(JSON.stringify(r.steps), /task-rt.*through driver moving, which reaches the same plugin/);
      assert.deepEqual(await mountsUnder(lab.root), []);
    } finally {
      await rm(task, { recursive: true, force: true });
      await cleanUp();
    }
  });
});
