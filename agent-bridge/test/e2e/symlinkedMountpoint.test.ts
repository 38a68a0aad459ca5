// A plugin whose base dir is reached through a symlink (as /var/run is /run on every current Debian): the kernel
// lists its mounts under the resolved path, so the bridge must resolve the path the plugin names before looking it
// up in /proc/self/mountinfo. Against Debian's `rclone serve docker` (real FUSE mounts).
import assert from 'node:assert/strict';
import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DryRunner } from '../../src/dryrun/contract';
import { createDryRunner } from '../../src/dryrun/runner';
import { pluginAndKernelUsers } from '../../src/inuse/check';
import { PluginClient } from '../../src/plugin/client';
import { discoverPlugin } from '../../src/plugin/discovery';
import { ctx, fuseSkipReason, makeLab, mountsUnder, openPolicy, runnerConfig, seedData, startRclone, type Lab } from './harness';

describe('a plugin mountpoint behind a symlink', { skip: fuseSkipReason() }, () => {
  let lab: Lab;
  let rclone: Awaited<ReturnType<typeof startRclone>>;
  let runner: DryRunner;
  let client: PluginClient;
  const call = { timeoutMs: 5000 };

  before(async () => {
    lab = await makeLab('symlinked');
    await mkdir(join(lab.root, 'real'), { recursive: true });
    await symlink(join(lab.root, 'real'), join(lab.root, 'run-link'));
    rclone = await startRclone(lab, join(lab.root, 'run-link', 'base'));
    runner = await createDryRunner(runnerConfig(lab));
    client = new PluginClient((await discoverPlugin('rclone', [lab.pluginDir]))!);
    for (const n of ['shown', 'held']) {
      await seedData(join(lab.root, 'backing', n));
      await client.create(n, { type: 'local', path: join(lab.root, 'backing', n) }, call);
    }
  });
  after(async () => {
    await runner?.close();
    await rclone?.stop();
    await lab?.cleanup();
  });

  test('the dry run sees its own FUSE mount in the kernel table, not a directory-only driver', async () => {
    const r = await runner.dryRunMount({ driver: 'rclone', name: 'shown', engine: 'plugin' }, ctx(openPolicy));
    assert.equal(r.verdict, 'mounted-and-released', JSON.stringify(r, null, 1));
    assert.equal(r.mountpoint, join(lab.root, 'run-link', 'base', 'shown'), 'the path as the plugin names it');
    assert.match(r.steps.find((s) => s.step === 'verify')?.detail ?? '', /fuse\.rclone/);
    assert.deepEqual(r.warnings.filter((w) => /not a mount point/.test(w)), []);
    assert.deepEqual(await mountsUnder(lab.root), []);
  });

  test('a volume a task holds is in use by the kernel table alone (a Get without Status.Mounts, as REX-Ray answers)', async () => {
    const mountpoint = await client.mount('held', 'task-1', call);
    try {
      const users = await pluginAndKernelUsers({ Name: 'held', Mountpoint: mountpoint });
      assert.equal(users.inUse, true, JSON.stringify(users));
      assert.match(users.reasons.join('; '), /is mounted \(fuse\.rclone/);
    } finally {
      await client.unmount('held', 'task-1', call);
    }
    assert.deepEqual(await mountsUnder(lab.root), []);
  });

  // The mountpoint itself a symlink (a plugin whose volumes dir holds links to where each volume is mounted): the
  // kernel lists the mount under the link's target, and a look at the link's own path found nothing there, so a
  // volume a task held was "free" to a Get without Status.Mounts, and a mount of ours "gone" after any Unmount.
  test('a Mountpoint that is itself a symlink to the mount: in use by the kernel table, not free', async () => {
    const mountpoint = await client.mount('held', 'task-1', call);
    const link = join(lab.root, 'links', 'held');
    await mkdir(join(lab.root, 'links'), { recursive: true });
    await symlink(mountpoint, link);
    try {
      const users = await pluginAndKernelUsers({ Name: 'held', Mountpoint: link });
      assert.equal(users.inUse, true, JSON.stringify(users));
      assert.match(users.reasons.join('; '), /is mounted \(fuse\.rclone/);
    } finally {
      await client.unmount('held', 'task-1', call);
    }
    assert.deepEqual(await pluginAndKernelUsers({ Name: 'held', Mountpoint: link }), { inUse: false, reasons: [], problems: [] });
    assert.deepEqual(await mountsUnder(lab.root), []);
  });
});
