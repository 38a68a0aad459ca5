// End to end against Debian's `rclone serve docker` (real FUSE mounts) and the embedded local driver (real bind
// mounts), through all three engines: the dvdcli stand-in for docker-volume / dvdi-module, the protocol directly
// for plugin. Each test checksums the pre-existing volume data and compares mountinfo before and after.
import assert from 'node:assert/strict';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DryRunner, EngineName } from '../../src/dryrun/contract';
import { createDryRunner } from '../../src/dryrun/runner';
import { startLocalDriver } from '../../src/local-driver/server';
import { PluginClient } from '../../src/plugin/client';
import { discoverPlugin } from '../../src/plugin/discovery';
import { checksumTree, ctx, fuseSkipReason, makeLab, mountsUnder, openPolicy, runnerConfig, seedData, startRclone, type Lab } from './harness';

const skip = fuseSkipReason();
const ENGINES: EngineName[] = ['docker-volume', 'dvdi-module', 'plugin'];

describe('dry-run against rclone serve docker', { skip }, () => {
  let lab: Lab;
  let rclone: Awaited<ReturnType<typeof startRclone>>;
  let runner: DryRunner;
  let client: PluginClient;
  const backing = () => join(lab.root, 'backing', 'data1');
  const call = { timeoutMs: 5000 };

  before(async () => {
    lab = await makeLab('rclone');
    rclone = await startRclone(lab);
    runner = await createDryRunner(runnerConfig(lab));
    client = new PluginClient((await discoverPlugin('rclone', [lab.pluginDir]))!);
    await seedData(backing());
    // Pre-create with a path option: the module could never pass "/" itself (dvdi-bridge.md §6.3), so volumes are made first.
    await client.create('data1', { type: 'local', path: backing() }, call);
  });
  after(async () => {
    await runner?.close();
    await rclone?.stop();
    await lab?.cleanup();
  });

  for (const engine of ENGINES) {
    test(`${engine}: mounts, verifies, releases; data and mount table unchanged`, async () => {
      const sum = await checksumTree(backing());
      const mountsBefore = await mountsUnder(lab.root);
      const events: string[] = [];
      const r = await runner.dryRunMount({ driver: 'rclone', name: 'data1', engine }, ctx(openPolicy, undefined, events));
      assert.equal(r.verdict, 'mounted-and-released', JSON.stringify(r, null, 1));
      assert.equal(r.mountpoint, join(rclone.base, 'data1'));
      const names = r.steps.map((s) => s.step);
      for (const s of ['validate', 'policy', 'discover', 'activate', 'get', 'in-use', 'mount', 'verify', 'in-use-recheck', 'unmount', 'verify-released']) assert.ok(names.includes(s), `step ${s} missing: ${names}`);
      assert.match(r.steps.find((s) => s.step === 'verify')!.detail!, /fuse\.rclone/);
      assert.ok(events.includes('mount:started') && events.indexOf('mount:started') < events.indexOf('mount:ok'));
      assert.deepEqual(await mountsUnder(lab.root), mountsBefore);
      assert.equal(await checksumTree(backing()), sum);
      assert.deepEqual(await readdir(join(lab.stateDir, 'journal')), []);
    });
  }

  test('missing volume: would-create with the options, nothing created', async () => {
    const r = await runner.dryRunMount({ driver: 'rclone', name: 'nosuchvol', options: { type: 'memory' } }, ctx());
    assert.equal(r.verdict, 'would-create');
    assert.match(r.steps.find((s) => s.step === 'create')!.detail!, /"Opts":\{"type":"memory"\}/);
    assert.equal(await client.get('nosuchvol', call), undefined);
  });

  test('allowCreate honoured only when the policy allows it', async () => {
    const denied = await runner.dryRunMount({ driver: 'rclone', name: 'made1', options: { type: 'memory' }, allowCreate: true }, ctx());
    assert.equal(denied.verdict, 'would-create');
    assert.ok(denied.warnings.some((w) => /policy does not allow/.test(w)));
    const r = await runner.dryRunMount({ driver: 'rclone', name: 'made1', options: { type: 'memory' }, allowCreate: true, engine: 'docker-volume' }, ctx({ ...openPolicy, allowCreate: true }));
    assert.equal(r.verdict, 'mounted-and-released', JSON.stringify(r, null, 1));
    assert.ok(await client.get('made1', call));
  });

  test('volume mounted by a task (another caller ID): in-use, left mounted, untouched', async () => {
    const mp = await client.mount('data1', 'task-7', call);
    try {
      for (const engine of ENGINES) {
        const r = await runner.dryRunMount({ driver: 'rclone', name: 'data1', engine }, ctx());
        assert.equal(r.verdict, 'in-use', `${engine}: ${JSON.stringify(r)}`);
        assert.match(r.steps.find((s) => s.step === 'in-use')!.detail!, /task-7/);
        assert.ok(!r.steps.some((s) => s.step === 'mount'));
      }
      assert.equal((await mountsUnder(mp)).length, 1);
    } finally {
      await client.unmount('data1', 'task-7', call);
    }
  });

  test('isolator checkpoints naming the volume: in-use (both formats, read-only)', async () => {
    const dv = join(lab.checkpoints.dockerVolume, 'c0ffee-1');
    await mkdir(dv, { recursive: true });
    await writeFile(join(dv, 'volumes'), JSON.stringify({ volumes: [{ driver: 'rclone', name: 'data1' }] }));
    let r = await runner.dryRunMount({ driver: 'rclone', name: 'data1', engine: 'docker-volume' }, ctx());
    assert.equal(r.verdict, 'in-use');
    assert.match(r.steps.find((s) => s.step === 'in-use')!.detail!, /c0ffee-1/);
    await writeFile(join(dv, 'volumes'), JSON.stringify({ volumes: [] }));
    r = await runner.dryRunMount({ driver: 'rclone', name: 'data1', engine: 'docker-volume' }, ctx());
    assert.equal(r.verdict, 'mounted-and-released');
  });

  test('two concurrent dry-runs of one volume: the second gets in-use at once', async () => {
    const [a, b] = await Promise.all([
      runner.dryRunMount({ driver: 'rclone', name: 'data1', engine: 'docker-volume' }, ctx()),
      runner.dryRunMount({ driver: 'rclone', name: 'DATA1', engine: 'plugin' }, ctx()),
    ]);
    assert.deepEqual([a.verdict, b.verdict].sort(), ['in-use', 'mounted-and-released']);
    assert.match([a, b].find((x) => x.verdict === 'in-use')!.steps.at(-1)!.detail!, /another operation/);
  });

  test('injection and bad options are refused naming the field, before anything runs', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '--x' }, 'name'],
      [{ name: 'a;reboot' }, 'name'],
      [{ name: 'a b' }, 'name'],
      [{ name: 'a\0b' }, 'name'],
      [{ name: 'a\nb' }, 'name'],
      [{ driver: 'rclone;id' }, 'driver'],
      [{ options: { 'noequals,x': 'y' } }, 'options.noequals,x'],
      [{ options: { label: 'a=b' } }, 'options.label'],
      [{ options: { path: '$(reboot)' } }, 'options.path'],
      [{ options: { overwriteFs: 'true' } }, 'options.overwriteFs'],
    ];
    for (const [patch, field] of cases) {
      const r = await runner.dryRunMount({ driver: 'rclone', name: 'data1', engine: 'dvdi-module', ...patch } as never, ctx());
      assert.equal(r.verdict, 'refused', JSON.stringify(patch));
      assert.ok(r.steps.some((s) => !s.ok && s.detail!.startsWith(`${field}:`)), `${JSON.stringify(patch)} → ${JSON.stringify(r.steps)}`);
      assert.ok(!r.steps.some((s) => s.step === 'discover'));
    }
  });

  test('module rules: "/" in an option is refused for dvdi-module but passed by docker-volume', async () => {
    const m = await runner.dryRunMount({ driver: 'rclone', name: 'pathvol', options: { path: '/srv/x' }, engine: 'dvdi-module' }, ctx());
    assert.equal(m.verdict, 'refused');
    assert.match(m.steps[0].detail!, /options\.path: mesos-module-dvdi rejects/);
    const d = await runner.dryRunMount({ driver: 'rclone', name: 'pathvol', options: { type: 'local', path: '/srv/x' }, engine: 'docker-volume' }, ctx());
    assert.equal(d.verdict, 'would-create');
  });

  test('a Portworx-style inline name passes validation on every engine and mounts through rclone', async () => {
    const name = 'name=vol1,size=10';
    await mkdir(join(lab.root, 'backing', 'px'), { recursive: true });
    await client.create(name, { type: 'local', path: join(lab.root, 'backing', 'px') }, call);
    for (const engine of ENGINES) {
      const r = await runner.dryRunMount({ driver: 'rclone', name, engine }, ctx());
      assert.equal(r.verdict, 'mounted-and-released', `${engine}: ${JSON.stringify(r)}`);
      assert.equal(r.mountpoint, join(rclone.base, name));
    }
    assert.deepEqual(await mountsUnder(lab.root), []);
  });

  test('listVolumes and listDrivers', async () => {
    const v = await runner.listVolumes('rclone', new AbortController().signal);
    assert.ok(v.volumes.some((x) => x.name === 'data1' && x.inUse === false));
    const d = await runner.listDrivers();
    assert.deepEqual(d.find((x) => x.name === 'rclone')?.capabilities, { Scope: 'local' });
    assert.deepEqual(runner.engines(), ['docker-volume', 'dvdi-module', 'plugin']);
  });
});

describe('dry-run against the embedded local driver', () => {
  let lab: Lab;
  let local: Awaited<ReturnType<typeof startLocalDriver>>;
  let runner: DryRunner;
  let client: PluginClient;
  const call = { timeoutMs: 5000 };

  before(async () => {
    lab = await makeLab('local');
    local = await startLocalDriver({ stateDir: lab.stateDir, socketDir: lab.pluginDir });
    runner = await createDryRunner(runnerConfig(lab));
    client = new PluginClient((await discoverPlugin('local', [lab.pluginDir]))!);
    await client.create('keep', {}, call);
    await seedData(join(lab.stateDir, 'local-driver', 'volumes', 'keep', 'data'));
  });
  after(async () => {
    await runner?.close();
    await local?.close();
    await lab?.cleanup();
  });

  for (const engine of ENGINES) {
    test(`${engine}: bind mount appears, is verified and released; data unchanged`, async () => {
      const data = join(lab.stateDir, 'local-driver', 'volumes', 'keep', 'data');
      const sum = await checksumTree(data);
      const r = await runner.dryRunMount({ driver: 'local', name: 'keep', engine }, ctx());
      assert.equal(r.verdict, 'mounted-and-released', JSON.stringify(r, null, 1));
      assert.match(r.steps.find((s) => s.step === 'verify')!.detail!, /2 entries/);
      assert.deepEqual(await mountsUnder(lab.root), []);
      assert.equal(await checksumTree(data), sum);
    });
  }

  test('options on an existing volume: dvdcli engines say dvdcli ignores them, the plugin engine says they are not sent', async () => {
    const p = await runner.dryRunMount({ driver: 'local', name: 'keep', options: { size: '16' }, engine: 'plugin' }, ctx());
    assert.ok(p.warnings.some((w) => /options \{"size":"16"\} are not sent/.test(w)), JSON.stringify(p.warnings));
    assert.ok(!p.warnings.some((w) => /dvdcli/.test(w)), JSON.stringify(p.warnings));
    const d = await runner.dryRunMount({ driver: 'local', name: 'keep', options: { size: '16' }, engine: 'docker-volume' }, ctx());
    assert.ok(d.warnings.some((w) => /dvdcli ignores the options/.test(w)), JSON.stringify(d.warnings));
  });

  test('relative containerPath: docker-volume and plugin mount it (sandbox-relative), dvdi-module refuses with the module message', async () => {
    for (const engine of ['docker-volume', 'plugin'] as const) {
      const r = await runner.dryRunMount({ driver: 'local', name: 'keep', containerPath: 'data/pg', engine }, ctx());
      assert.equal(r.verdict, 'mounted-and-released', `${engine}: ${JSON.stringify(r)}`);
    }
    const m = await runner.dryRunMount({ driver: 'local', name: 'keep', containerPath: 'data/pg', engine: 'dvdi-module' }, ctx());
    assert.equal(m.verdict, 'refused');
    assert.match(m.steps[0].detail!, /^containerPath: mesos-module-dvdi: "prepare\(\) failed, containerpaths must start with \/"/);
    assert.ok(!m.steps.some((s) => s.step === 'mount'));
    const missing = await runner.dryRunMount({ driver: 'local', name: 'keep', containerPath: '/nonexistent-dvdi-bridge-test/pg', engine: 'dvdi-module' }, ctx());
    assert.equal(missing.verdict, 'refused');
    assert.match(missing.steps[0].detail!, /must pre-exist, or be under \/tmp/);
    const absolute = await runner.dryRunMount({ driver: 'local', name: 'keep', containerPath: lab.root, engine: 'dvdi-module' }, ctx());
    assert.equal(absolute.verdict, 'mounted-and-released', JSON.stringify(absolute));
  });

  test('image volume (size=): loop-mounted ext4, released', async () => {
    const r = await runner.dryRunMount({ driver: 'local', name: 'img1', options: { size: '16' }, allowCreate: true }, ctx({ ...openPolicy, allowCreate: true }));
    assert.equal(r.verdict, 'mounted-and-released', JSON.stringify(r, null, 1));
    assert.match(r.steps.find((s) => s.step === 'verify')!.detail!, /ext4/);
    assert.deepEqual(await mountsUnder(lab.root), []);
  });
});
