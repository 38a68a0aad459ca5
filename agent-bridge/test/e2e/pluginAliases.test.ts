// One real rclone serve docker reachable under several driver names (a `.spec` file naming its socket, a symlinked
// `.sock`, a `.json` Addr): the per-volume lock is one lock per (plugin endpoint, volume name), whatever name a
// request uses. Before, two concurrent dry runs of one volume through two names both mounted, each then saw the
// other's caller ID in the re-check, and both mounts stayed as leftovers that never released each other.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DryRunMountResult, EngineName } from '../../src/dryrun/contract';
import { createDryRunner } from '../../src/dryrun/runner';
import { PluginClient } from '../../src/plugin/client';
import { discoverPlugin, parseAddress } from '../../src/plugin/discovery';
import { pluginIdentity, samePlugin, THIS_HOST_KEY } from '../../src/plugin/endpoint';
import { interfaceAddresses } from '../../src/plugin/thisHost';
import { VolumeLocks } from '../../src/dryrun/volumeLock';
import { ctx, fuseSkipReason, makeLab, mountsUnder, runnerConfig, seedData, startRclone, type Lab } from './harness';
import { overlappingRuns } from './overlappingRuns';
import { releaseLeftovers } from './leftoverCleanup';

describe('one lock per plugin endpoint and volume, whatever name reaches the plugin (rclone serve docker, real FUSE)', { skip: fuseSkipReason() }, () => {
  let lab: Lab;
  let rclone: Awaited<ReturnType<typeof startRclone>>;
  let client: PluginClient;
  const call = { timeoutMs: 5000 };
  const journalDir = () => join(lab.stateDir, 'journal');
  const journal = async () => (await readdir(journalDir()).catch(() => [] as string[])).filter((f) => f.endsWith('.json'));

  before(async () => {
    lab = await makeLab('aliases');
    rclone = await startRclone(lab);
    const sock = join(lab.pluginDir, 'rclone.sock');
    await writeFile(join(lab.pluginDir, 'byspec.spec'), `unix://${sock}\n`);
    await writeFile(join(lab.pluginDir, 'byjson.json'), JSON.stringify({ Name: 'byjson', Addr: `unix://${sock}` }));
    await symlink(sock, join(lab.pluginDir, 'bylink.sock'));
    client = new PluginClient((await discoverPlugin('rclone', [lab.pluginDir]))!);
    for (const name of ['al1', 'al2', 'al3']) {
      await seedData(join(lab.root, 'backing', name));
      await client.create(name, { type: 'local', path: join(lab.root, 'backing', name) }, call);
    }
  });

  /** Whatever a failing run left (leftoverCleanup.ts). */
  async function cleanUp(): Promise<void> {
    await releaseLeftovers(lab, [client]);
  }

  let runner: Awaited<ReturnType<typeof createDryRunner>>;
  before(async () => {
    runner = await createDryRunner(runnerConfig(lab, { leftoverRetryMs: 0 }));
    await runner.recover();
  });
  after(async () => {
    await runner?.close();
    await cleanUp().catch(() => undefined);
    await rclone?.stop();
    await lab?.cleanup();
  });

  const run = (driver: string, name: string, engine: EngineName) => runner.dryRunMount({ driver, name, engine }, ctx());
  const lockStep = (r: DryRunMountResult) => r.steps.find((s) => s.step === 'lock');

  // (rclone tells volume names apart by case, so both requests spell it alike; the lock key stays case-insensitive in it.)
  for (const [first, second, engine, name] of [
    ['rclone', 'byspec', 'plugin', 'al1'],
    ['bylink', 'rclone', 'plugin', 'al1'],
    ['byjson', 'byspec', 'plugin', 'al1'],
    ['rclone', 'byspec', 'docker-volume', 'al2'],
  ] as [string, string, EngineName, string][]) {
    test(`${engine}: ${first}/${name} and ${second}/${name} at once: one mounts and releases, the other gets in-use from the lock; nothing left`, async () => {
      try {
        const [a, b] = await overlappingRuns((c) => runner.dryRunMount({ driver: first, name, engine }, c), (c) => runner.dryRunMount({ driver: second, name, engine }, c));
        assert.deepEqual([a.verdict, b.verdict].sort(), ['in-use', 'mounted-and-released'], JSON.stringify([a, b], null, 1));
        const loser = [a, b].find((x) => x.verdict === 'in-use')!;
        assert.ok(lockStep(loser) && !lockStep(loser)!.ok, JSON.stringify(loser.steps));
        assert.match(lockStep(loser)!.detail!, /another operation of this bridge is using .*\(dry-run of .* started .*; the plugin at .*\/rclone\.sock\)/);
        assert.ok(!loser.steps.some((s) => s.step === 'mount'), 'the loser never mounted');
        assert.deepEqual(await mountsUnder(lab.root), []);
        assert.deepEqual(await journal(), []);
      } finally {
        await cleanUp();
      }
    });
  }

  test('a leftover journalled under one name is the volume\'s leftover under every name: the next run through another name releases it first', async () => {
    const task = join(lab.checkpoints.dockerVolume, 'task-1');
    try {
      const c = ctx();
      c.onProgress = (step, status) => {
        if (step === 'mount' && status === 'ok') {
          // The agent starts a task on the volume while the dry run holds it mounted: the mount must stay.
          mkdirSync(task, { recursive: true });
          writeFileSync(join(task, 'volumes'), JSON.stringify({ volumes: [{ driver: 'byspec', name: 'al3' }] }));
        }
      };
      const left = await runner.dryRunMount({ driver: 'byspec', name: 'al3', engine: 'plugin' }, c);
      assert.equal(left.verdict, 'in-use', JSON.stringify(left));
      assert.equal((await journal()).length, 1);
      await rm(task, { recursive: true });

      const r = await run('rclone', 'al3', 'plugin');
      assert.equal(r.verdict, 'mounted-and-released', JSON.stringify(r, null, 1));
      const released = r.steps.find((s) => s.step === 'leftover');
      assert.ok(released?.ok, JSON.stringify(r.steps));
      assert.match(released.detail!, /released the mount at .*al3 an earlier dry run \(started .*\) left/);
      assert.deepEqual(await mountsUnder(lab.root), []);
      assert.deepEqual(await journal(), []);
    } finally {
      await rm(task, { recursive: true, force: true });
      await cleanUp();
    }
  });
});

// No FUSE needed: what the key is made of.
describe('plugin identity and the lock key', () => {
  test('a socket, a symlink to it and spec files naming either are one key; another socket and TCP URLs are their own', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dvdi-identity-'));
    const server = createServer();
    try {
      const sock = join(dir, 'a.sock');
      await new Promise<void>((r) => server.listen(sock, r));
      await symlink(sock, join(dir, 'b.sock'));
      await writeFile(join(dir, 'c.spec'), `unix://${join(dir, 'b.sock')}\n`);
      await writeFile(join(dir, 'd.json'), JSON.stringify({ Addr: `unix://${dir}/./a.sock` }));
      const key = async (d: string) => {
        const id = await pluginIdentity((await discoverPlugin(d, [dir]))!);
        assert.ok('keys' in id, JSON.stringify(id));
        return id.keys;
      };
      const keys = await Promise.all(['a', 'b', 'c', 'd'].map(key));
      assert.deepEqual(new Set(keys.flat()), new Set([`unix:${await realpath(sock)}`]));
      await writeFile(join(dir, 'gone.spec'), `unix://${join(dir, 'nobody.sock')}`);
      assert.match(JSON.stringify(await pluginIdentity((await discoverPlugin('gone', [dir]))!)), /unresolved.*nobody\.sock does not exist/);
    } finally {
      server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a TCP plugin is one key per address its host stands for, with the port, and its host name as a key too; every address of this host is one; names sharing a key are one plugin', async () => {
    const tcp = async (url: string) => {
      const id = await pluginIdentity(parseAddress(url, 'x'));
      assert.ok('keys' in id, JSON.stringify(id));
      return id.keys;
    };
    const byName = await tcp('tcp://LocalHost:8080');
    // /etc/hosts (hosts(5)): loopback, this host; the name itself too, whatever it resolves to (tcpChangingDns.test.ts).
    assert.deepEqual(byName, ['tcp-name://localhost:8080', `${THIS_HOST_KEY}:8080`]);
    assert.deepEqual(await tcp('tcp://LOCALHOST:8080'), byName, 'a name in any case is one name (RFC 4343)');
    assert.ok(!samePlugin(['tcp-name://localhost:8080'], await tcp('tcp://localhost:8081')), 'another port, another plugin');
    assert.ok(samePlugin(byName, await tcp('http://127.0.0.1:8080/')));
    assert.ok(samePlugin(byName, await tcp('tcp://127.1.2.3:8080')), '127.0.0.0/8 is loopback');
    assert.ok(samePlugin(byName, await tcp('tcp://0.0.0.0:8080')));
    assert.ok(!samePlugin(byName, await tcp('tcp://127.0.0.1:8081')));
    for (const own of interfaceAddresses()) assert.deepEqual(await tcp(`tcp://${own.includes(':') ? `[${own}]` : own}:8080`), [`${THIS_HOST_KEY}:8080`], own);
    // TEST-NET-2 (RFC 5737): no interface here has it.
    assert.deepEqual(await tcp('http://198.51.100.5/'), ['http://198.51.100.5:80']);
    assert.deepEqual(await tcp('tcp://198.51.100.5:80'), ['http://198.51.100.5:80']);
    assert.deepEqual(await tcp('tcp://[0:0:0:0:0:0:0:1]:8080'), [`${THIS_HOST_KEY}:8080`]);
    assert.deepEqual(await tcp('tcp://[::ffff:127.0.0.1]:8080'), [`${THIS_HOST_KEY}:8080`]);
    assert.deepEqual(await tcp('tcp://[2001:db8::5]:8080'), ['http://[2001:db8::5]:8080']);
    const shown = await pluginIdentity(parseAddress('tcp://127.0.0.1:8080', 'x'));
    assert.ok('shown' in shown && shown.shown === 'http://127.0.0.1:8080', 'shown as written, not as the key');
    assert.match(JSON.stringify(await pluginIdentity(parseAddress('tcp://plugins.invalid:8080', 'x.spec'))), /unresolved.*the plugin host plugins\.invalid \(from x\.spec\) cannot be looked up/);
  });

  test('the lock under several keys (a host name\'s addresses): held when any one is held, let go of all at once', () => {
    const locks = new VolumeLocks();
    const held = locks.tryAcquire(['http://127.0.0.1:8080', 'http://[::1]:8080'], 'data', 'by name');
    assert.deepEqual(locks.tryAcquire(['http://[::1]:8080'], 'Data', 'by v6'), { heldBy: 'by name' });
    assert.deepEqual(locks.tryAcquire('http://127.0.0.1:8080', 'data', 'by v4'), { heldBy: 'by name' });
    assert.ok('release' in held);
    held.release();
    const v6 = locks.tryAcquire(['http://[::1]:8080'], 'data', 'by v6');
    assert.ok('release' in v6);
    assert.deepEqual(locks.tryAcquire(['http://127.0.0.1:8080', 'http://[::1]:8080'], 'data', 'by name'), { heldBy: 'by v6' });
    assert.ok('release' in locks.tryAcquire(['http://127.0.0.1:8080'], 'data', 'by v4'), 'the v4 key was not left behind by the refused attempt');
  });

  test('the lock: one holder per (plugin, name), the name case-insensitive; other volumes and other plugins pass', () => {
    const locks = new VolumeLocks();
    const held = locks.tryAcquire('unix:/run/docker/plugins/a.sock', 'data', 'first');
    assert.ok('release' in held);
    assert.deepEqual(locks.tryAcquire('unix:/run/docker/plugins/a.sock', 'DATA', 'second'), { heldBy: 'first' });
    for (const [p, n] of [['unix:/run/docker/plugins/a.sock', 'other'], ['unix:/run/docker/plugins/b.sock', 'data']]) {
      const l = locks.tryAcquire(p!, n!, 'x');
      assert.ok('release' in l);
      l.release();
    }
    held.release();
    assert.ok('release' in locks.tryAcquire('unix:/run/docker/plugins/a.sock', 'DATA', 'third'));
  });
});
