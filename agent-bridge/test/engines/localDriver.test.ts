// The embedded local driver is crash-consistent with the kernel (issue 8): it runs inside the bridge, so a kill -9
// can land between its `mount` child and its table save (or the child can finish after the kill). Real bind
// mounts, real files; each case builds the state such a kill leaves and starts a fresh driver on it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { mountsAt, readMountinfo } from '../../src/inuse/mountinfo';
import { LocalVolumes } from '../../src/local-driver/volumes';
import { makeLab, mountsUnder, type Lab } from '../e2e/harness';

let lab: Lab;
let root: string;
before(async () => {
  lab = await makeLab('localdrv');
  root = join(lab.stateDir, 'local-driver');
});
after(async () => {
  for (const m of (await mountsUnder(lab.root)).reverse()) spawnSync('umount', ['-l', m.split(' ')[0]]);
  await lab.cleanup();
});
const mounted = async (p: string) => mountsAt(await readMountinfo(), p).length;

describe('local driver after a kill', () => {
  test('a kernel mount the table never recorded (the child finished after the kill): Get shows it, Unmount releases it', async () => {
    const first = new LocalVolumes(root);
    await first.init();
    await first.create('orphan');
    const mp = first.mountpoint('orphan');
    // What the killed driver's `mount --bind` child did after its parent died: the kernel mount, no table entry.
    await mkdir(mp, { recursive: true });
    assert.equal(spawnSync('mount', ['--bind', join(root, 'volumes', 'orphan', 'data'), mp]).status, 0);

    const next = new LocalVolumes(root);
    await next.init();
    const got = await next.get('orphan');
    assert.equal(got.Mountpoint, mp, 'Get hid a mount the kernel has');
    assert.deepEqual(got.Status.Mounts, []);
    // Recovery's Unmount (with the dead run's caller ID) undoes the orphan instead of answering "not mounted".
    await next.unmount('orphan', 'dvdi-bridge-dead-run');
    assert.equal(await mounted(mp), 0);
    await assert.rejects(next.unmount('orphan', 'dvdi-bridge-dead-run'), /volume is not mounted/);
    // A Mount that finds an orphan adopts it instead of stacking a second layer.
    assert.equal(spawnSync('mount', ['--bind', join(root, 'volumes', 'orphan', 'data'), mp]).status, 0);
    assert.equal(await next.mount('orphan', 'a'), mp);
    assert.equal(await mounted(mp), 1);
    await next.unmount('orphan', 'a');
    assert.equal(await mounted(mp), 0);
  });

  test('a table entry whose kernel mount is gone (killed between umount and save) is dropped at start', async () => {
    const d = new LocalVolumes(root);
    await d.init();
    await d.create('stale');
    await writeFile(join(root, 'mounts.json'), JSON.stringify({ stale: ['dvdi-bridge-x'] }));
    const next = new LocalVolumes(root);
    await next.init();
    const got = await next.get('stale');
    assert.equal(got.Mountpoint, undefined);
    assert.deepEqual(got.Status.Mounts, []);
  });

  test('a failed or killed Create leaves no volume dir behind', async () => {
    const d = new LocalVolumes(root);
    await d.init();
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent'; // truncate/mkfs.ext4 cannot start: the Create fails after its temp dir exists
    try {
      await assert.rejects(d.create('img', { size: '16' }), /cannot create volume img/);
    } finally {
      process.env.PATH = path;
    }
    await assert.rejects(d.get('img'), /volume not found/);
    // A kill in the middle of a Create leaves its hidden temp dir; the next start sweeps it.
    await mkdir(join(root, 'volumes', '.create-killed', 'data'), { recursive: true });
    await new LocalVolumes(root).init();
    assert.deepEqual((await readdir(join(root, 'volumes'))).filter((n) => n.startsWith('.') || n === 'img'), []);
  });
});

describe('local driver under a state dir reached through a symlink (/var/run is /run)', () => {
  test('Mount, then Unmount with the same caller ID, really releases the bind mount', async () => {
    await mkdir(join(lab.root, 'real-state'), { recursive: true });
    await symlink(join(lab.root, 'real-state'), join(lab.root, 'state-link'));
    const drv = new LocalVolumes(join(lab.root, 'state-link', 'local-driver'));
    await drv.init();
    await drv.create('linked');
    const mp = await drv.mount('linked', 'run-1');
    assert.equal(mp, drv.mountpoint('linked'));
    assert.equal((await mountsUnder(join(lab.root, 'real-state'))).length, 1, 'the kernel lists the resolved path');
    assert.deepEqual((await drv.get('linked')).Status.Mounts, ['run-1']);
    await drv.unmount('linked', 'run-1');
    assert.deepEqual(await mountsUnder(join(lab.root, 'real-state')), [], 'nothing left mounted');
  });
});
