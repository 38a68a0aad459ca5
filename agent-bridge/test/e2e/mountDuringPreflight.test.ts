/**
 * A task's mount that lands during the pre-flight, after the plugin's Get and the kernel's table were read but before
 * the bridge's own Mount. Those two are read alongside the agent's other sources (the checkpoints, the Docker Engine
 * API), and the Mount waited for the slowest: a busy dockerd left the Get that old. Through dvdcli's ID-less Mount
 * (dvdi-bridge.md §3.1) rclone then refused ours ("already mounted by this id"), the bridge took the task's caller ""
 * for a mount it had made and failed to report, and its Unmount took the volume from the task, whose
 * mesos-module-dvdi checkpoint comes only once all its volumes are mounted (dvdi-bridge.md §1.5).
 * Real parts: Debian's rclone (`serve docker`, FUSE); the dvdcli stand-in for both the bridge's engine and the task's
 * module; the Docker Engine API stand-in, answering slowly as a busy dockerd does.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DryRunner } from '../../src/dryrun/contract';
import { createDryRunner } from '../../src/dryrun/runner';
import { runProcess } from '../../src/engines/runProcess';
import { PluginClient } from '../../src/plugin/client';
import { discoverPlugin } from '../../src/plugin/discovery';
import { checksumTree, ctx, DVDCLI_STANDIN, fuseSkipReason, makeLab, mountsUnder, runnerConfig, seedData, startDockerEngine, startRclone, type Lab } from './harness';

describe('a task mounts the volume while the pre-flight waits for a slow source', { skip: fuseSkipReason() }, () => {
  let lab: Lab;
  let rclone: Awaited<ReturnType<typeof startRclone>>;
  let docker: Awaited<ReturnType<typeof startDockerEngine>>;
  let runner: DryRunner;
  const backing = () => join(lab.root, 'backing', 'shared');
  /** What the task's mesos-module-dvdi runs (dvdi-bridge.md §1.3), without a shell: the same dvdcli request. */
  const task = (cmd: 'mount' | 'unmount') => runProcess(DVDCLI_STANDIN, [cmd, '--volumedriver=rclone', '--volumename=shared'], { timeoutMs: 30_000 });

  before(async () => {
    lab = await makeLab('mount-during-preflight');
    rclone = await startRclone(lab);
    docker = await startDockerEngine(lab, [], 3000);
    runner = await createDryRunner(runnerConfig(lab, { defaultEngine: 'docker-volume' }));
    await seedData(backing());
    const client = new PluginClient((await discoverPlugin('rclone', [lab.pluginDir]))!);
    await client.create('shared', { type: 'local', path: backing() }, { timeoutMs: 10_000 });
  });
  after(async () => {
    await runner?.close();
    await docker?.stop();
    await rclone?.stop();
    for (const m of (await mountsUnder(lab.root)).reverse()) spawnSync('umount', ['-l', m.split(' ')[0]]);
    await lab?.cleanup();
  });

  test('the task\'s mount is seen before ours is sent: in use, and the task keeps its volume', async () => {
    const sum = await checksumTree(backing());
    const run = runner.dryRunMount({ driver: 'rclone', name: 'shared' }, ctx());
    // The dry run has read Get and the mount table by now, and waits for dockerd (3 s): the task's isolator mounts.
    await new Promise((r) => setTimeout(r, 800));
    const mounted = await task('mount');
    assert.equal(mounted.code, 0, mounted.stderr);
    const taskMountpoint = mounted.stdout.trim();
    const r = await run;
    assert.deepEqual((await mountsUnder(lab.root)).map((m) => m.split(' ')[0]), [taskMountpoint], `the task's volume was unmounted by the dry run: ${JSON.stringify(r, null, 1)}`);
    assert.equal(r.verdict, 'in-use', JSON.stringify(r, null, 1));
    assert.equal(r.steps.find((s) => s.step === 'mount'), undefined, 'a Mount was sent for a volume in use');
    assert.match(r.steps.find((s) => s.step === 'in-use')!.detail!, /caller ID|is mounted/);

    const down = await task('unmount');
    assert.equal(down.code, 0, down.stderr);
    assert.deepEqual(await mountsUnder(lab.root), []);
    assert.equal(await checksumTree(backing()), sum);
  });

  // The pre-flight's decisions on a volume that does not exist (create it; no hazard and no "cannot show its users"
  // for a volume made now) do not hold for one someone else creates meanwhile: a task's dvdcli creates it implicitly
  // right before its Mount (dvdi-bridge.md §3.1). The dry run mounted it as its own new volume and said it created it.
  test('a volume someone else creates during the pre-flight is not mounted as one the dry run creates', async () => {
    const fresh = join(lab.root, 'backing', 'fresh');
    await seedData(fresh);
    const run = runner.dryRunMount({ driver: 'rclone', name: 'fresh', options: { type: 'local', path: fresh }, allowCreate: true }, ctx({ allowCreate: true, allowDestructiveOptions: [] }));
    await new Promise((r) => setTimeout(r, 800));
    const client = new PluginClient((await discoverPlugin('rclone', [lab.pluginDir]))!);
    await client.create('fresh', { type: 'local', path: fresh }, { timeoutMs: 10_000 });
    const r = await run;
    assert.equal(r.steps.find((s) => s.step === 'mount'), undefined, `a volume created by someone else was mounted: ${JSON.stringify(r, null, 1)}`);
    assert.equal(r.verdict, 'in-use', JSON.stringify(r, null, 1));
    assert.match(r.steps.find((s) => s.step === 'in-use')!.detail!, /created by someone else/);
    assert.ok(!r.warnings.some((w) => /created volume fresh/.test(w)), r.warnings.join('\n'));
  });
});
