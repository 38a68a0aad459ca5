/**
 * The in-use re-check before the unmount must be read after everything else the dry run does with the mount
 * (dvdi-bridge.md §8.9: "re-read the checkpoints just before unmounting"). It ran alongside verify, and the unmount
 * waited for both: a verify that takes long (the first listing of a volume whose remote answers slowly) left the
 * re-check's answer as old as that listing, and a task whose isolator checkpointed the volume meanwhile had it
 * unmounted by dvdcli's ID-less Unmount.
 * Real parts: Debian's rclone (`serve docker`) mounting an `http` remote served by a real HTTP server in this test,
 * which answers the listing slowly (a far or loaded store); the dvdcli stand-in; the docker/volume isolator's checkpoint
 * written as Mesos writes it (dvdi-bridge.md §2.5).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DryRunner } from '../../src/dryrun/contract';
import { createDryRunner } from '../../src/dryrun/runner';
import { PluginClient } from '../../src/plugin/client';
import { discoverPlugin } from '../../src/plugin/discovery';
import { ctx, fuseSkipReason, makeLab, mountsUnder, runnerConfig, startRclone, type Lab } from './harness';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a task that checkpoints the volume while verify lists it', { skip: fuseSkipReason() }, () => {
  let lab: Lab;
  let rclone: Awaited<ReturnType<typeof startRclone>>;
  let remote: Server;
  let runner: DryRunner;
  /** Runs once, on the first listing of the remote's root (verify's): the task's isolator checkpoints the volume. */
  let onListing: (() => Promise<void>) | undefined;
  const checkpoint = () => join(lab.checkpoints.dockerVolume, 'task-7', 'volumes');

  before(async () => {
    lab = await makeLab('recheck-after-verify');
    // An empty directory index, given after a delay; rclone mounts without asking it, and lists it on the first readdir.
    remote = createServer((req, res) => {
      const hook = req.url === '/' ? onListing : undefined;
      onListing = undefined;
      void (hook ?? (() => Promise.resolve()))().then(() => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(req.method === 'HEAD' ? undefined : '<html><body></body></html>');
      });
    }).listen(0, '127.0.0.1');
    await new Promise((r) => remote.once('listening', r));
    rclone = await startRclone(lab);
    runner = await createDryRunner(runnerConfig(lab, { defaultEngine: 'docker-volume' }));
    const client = new PluginClient((await discoverPlugin('rclone', [lab.pluginDir]))!);
    await client.create('slow', { type: 'http', 'http-url': `http://127.0.0.1:${(remote.address() as AddressInfo).port}/` }, { timeoutMs: 10_000 });
  });
  after(async () => {
    await runner?.close();
    await rclone?.stop();
    for (const m of (await mountsUnder(lab.root)).reverse()) spawnSync('umount', ['-l', m.split(' ')[0]]);
    remote?.close();
    await lab?.cleanup();
  });

  test('the re-check reads it after verify: in use, not unmounted', async () => {
    onListing = async () => {
      // The re-check, were it started with verify, has long answered by now: a task starts on the volume.
      await sleep(1500);
      await mkdir(join(lab.checkpoints.dockerVolume, 'task-7'), { recursive: true });
      await writeFile(checkpoint(), JSON.stringify({ volumes: [{ driver: 'rclone', name: 'slow' }] }));
      await sleep(300);
    };
    const r = await runner.dryRunMount({ driver: 'rclone', name: 'slow' }, ctx());
    assert.equal(r.verdict, 'in-use', `the volume a task checkpointed during verify was unmounted: ${JSON.stringify(r, null, 1)}`);
    assert.match(r.steps.find((s) => s.step === 'in-use-recheck')!.detail!, /docker\/volume checkpoint .*task-7/);
    assert.equal(r.steps.find((s) => s.step === 'unmount'), undefined);
    assert.deepEqual((await mountsUnder(lab.root)).map((m) => m.split(' ')[1]), ['fuse.rclone']);

    // The task is gone again: the next dry run releases the mount the first one kept, then runs as usual.
    await rm(join(lab.checkpoints.dockerVolume, 'task-7'), { recursive: true });
    const next = await runner.dryRunMount({ driver: 'rclone', name: 'slow' }, ctx());
    assert.equal(next.verdict, 'mounted-and-released', JSON.stringify(next, null, 1));
    assert.match(next.steps.find((s) => s.step === 'leftover')!.detail!, /released the mount/);
    assert.deepEqual(await mountsUnder(lab.root), []);
  });
});
