// One real rclone serve docker on TCP (127.0.0.1:<port>) named by two spec files, `tcp://localhost:<port>` and
// `tcp://127.0.0.1:<port>` (dvdi-bridge.md §3.2: a TCP plugin needs a .spec). Before, the lock key was the URL's
// origin as written, so the two names were two keys: two concurrent dry runs of one volume both mounted it, and each
// then found the other's caller ID and kept its mount. Now host names are looked up and names that share an address
// are one plugin; a host that cannot be looked up fails the run before anything is mounted. A second rclone listens on
// 0.0.0.0 and is named by `tcp://127.0.0.1:<port>` and by an address of this host's own interface: before, two
// addresses were two plugins to the lock; now every address of this machine is one host (plugin/thisHost.ts).
import assert from 'node:assert/strict';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DryRunMountResult } from '../../src/dryrun/contract';
import { createDryRunner } from '../../src/dryrun/runner';
import { PluginClient } from '../../src/plugin/client';
import { discoverPlugin } from '../../src/plugin/discovery';
import { ctx, fuseSkipReason, makeLab, mountsUnder, runnerConfig, seedData, startRcloneTcp, type Lab } from './harness';
import { overlappingRuns } from './overlappingRuns';
import { releaseLeftovers } from './leftoverCleanup';

describe('a TCP plugin named by host name and by address is one plugin (rclone serve docker on TCP, real FUSE)', { skip: fuseSkipReason() }, () => {
  let lab: Lab;
  let rclone: Awaited<ReturnType<typeof startRcloneTcp>>;
  let client: PluginClient;
  let runner: Awaited<ReturnType<typeof createDryRunner>>;
  const call = { timeoutMs: 5000 };
  const journalDir = () => join(lab.stateDir, 'journal');
  const journal = async () => (await readdir(journalDir()).catch(() => [] as string[])).filter((f) => f.endsWith('.json'));

  before(async () => {
    lab = await makeLab('tcpaliases');
    rclone = await startRcloneTcp(lab);
    await writeFile(join(lab.pluginDir, 'byname.spec'), `tcp://localhost:${rclone.port}\n`);
    await writeFile(join(lab.pluginDir, 'byip.spec'), `tcp://127.0.0.1:${rclone.port}\n`);
    await writeFile(join(lab.pluginDir, 'byjson.json'), JSON.stringify({ Name: 'byjson', Addr: `tcp://LOCALHOST:${rclone.port}` }));
    // .invalid never resolves (RFC 2606), here or anywhere.
    await writeFile(join(lab.pluginDir, 'nohost.spec'), `tcp://no-such-plugin-host.invalid:${rclone.port}\n`);
    client = new PluginClient((await discoverPlugin('byip', [lab.pluginDir]))!);
    for (const name of ['t1', 't2', 't3']) {
      await seedData(join(lab.root, 'backing', name));
      await client.create(name, { type: 'local', path: join(lab.root, 'backing', name) }, call);
    }
    runner = await createDryRunner(runnerConfig(lab, { leftoverRetryMs: 0 }));
    await runner.recover();
  });

  /** Whatever a failing run left (leftoverCleanup.ts). */
  async function cleanUp(): Promise<void> {
    await releaseLeftovers(lab, [client]);
  }
  after(async () => {
    await runner?.close();
    await cleanUp().catch(() => undefined);
    await rclone?.stop();
    await lab?.cleanup();
  });

  const run = (driver: string, name: string) => runner.dryRunMount({ driver, name, engine: 'plugin' }, ctx());
  const step = (r: DryRunMountResult, s: string) => r.steps.find((x) => x.step === s);

  for (const [first, second] of [
    ['byname', 'byip'],
    ['byip', 'byjson'],
  ]) {
    test(`${first}/t1 and ${second}/t1 at once: one mounts and releases, the other gets in-use from the lock; nothing left`, async () => {
      try {
        const [a, b] = await overlappingRuns((c) => runner.dryRunMount({ driver: first!, name: 't1', engine: 'plugin' }, c), (c) => runner.dryRunMount({ driver: second!, name: 't1', engine: 'plugin' }, c));
        assert.deepEqual([a.verdict, b.verdict].sort(), ['in-use', 'mounted-and-released'], JSON.stringify([a, b], null, 1));
        const loser = [a, b].find((x) => x.verdict === 'in-use')!;
        assert.equal(step(loser, 'lock')?.ok, false, JSON.stringify(loser.steps));
        assert.match(step(loser, 'lock')!.detail!, new RegExp(`another operation of this bridge is using .*/t1 \\(dry-run of .*; the plugin at http://127\\.0\\.0\\.1:${rclone.port}`));
        assert.ok(!step(loser, 'mount'), 'the loser never mounted');
        assert.deepEqual(await mountsUnder(lab.root), []);
        assert.deepEqual(await journal(), []);
      } finally {
        await cleanUp();
      }
    });
  }

  test('a plugin host name that cannot be looked up fails the run, naming the driver and the host; nothing mounted', async () => {
    const r = await run('nohost', 't2');
    assert.equal(r.verdict, 'failed', JSON.stringify(r, null, 1));
    assert.match(step(r, 'lock')?.detail ?? '', /driver nohost: the plugin host no-such-plugin-host\.invalid \(from .*nohost\.spec\) cannot be looked up: no such host/);
    assert.ok(!step(r, 'mount'));
    assert.deepEqual(await mountsUnder(lab.root), []);
  });

  test('a task on byname/t3 (docker/volume checkpoint) keeps a dry run of byip/t3 off the volume', async () => {
    const task = join(lab.checkpoints.dockerVolume, 'task-tcp');
    try {
      await mkdir(task, { recursive: true });
      await writeFile(join(task, 'volumes'), JSON.stringify({ volumes: [{ driver: 'byname', name: 't3' }] }));
      const r = await run('byip', 't3');
      assert.equal(r.verdict, 'in-use', JSON.stringify(r, null, 1));
      assert.match(step(r, 'in-use')?.detail ?? '', /container task-tcp .*driver byname, which reaches the same plugin/);
      assert.ok(!step(r, 'mount'));
    } finally {
      await rm(task, { recursive: true, force: true });
      await cleanUp();
    }
  });
});

/** An address of one of this host's interfaces other than loopback (IPv4 first), if it has one. */
function interfaceAddress(): string | undefined {
  const all = Object.values(networkInterfaces()).flatMap((l) => l ?? []).filter((a) => !a.internal && !a.address.startsWith('fe80:'));
  return (all.find((a) => a.family === 'IPv4') ?? all[0])?.address;
}

const ownAddress = interfaceAddress();
describe('a TCP plugin on 0.0.0.0 named by loopback and by an interface address is one plugin (rclone serve docker, real FUSE)', { skip: fuseSkipReason() ?? (ownAddress ? undefined : 'this host has no interface address besides loopback') }, () => {
  let lab: Lab;
  let rclone: Awaited<ReturnType<typeof startRcloneTcp>>;
  let client: PluginClient;
  let runner: Awaited<ReturnType<typeof createDryRunner>>;
  const call = { timeoutMs: 5000 };
  const host = ownAddress!.includes(':') ? `[${ownAddress}]` : ownAddress!;

  before(async () => {
    lab = await makeLab('tcphost');
    rclone = await startRcloneTcp(lab, 'rclonewild', '0.0.0.0');
    await writeFile(join(lab.pluginDir, 'byloop.spec'), `tcp://127.0.0.1:${rclone.port}\n`);
    await writeFile(join(lab.pluginDir, 'byiface.spec'), `tcp://${host}:${rclone.port}\n`);
    client = new PluginClient((await discoverPlugin('byloop', [lab.pluginDir]))!);
    for (const name of ['w1', 'w2']) {
      await seedData(join(lab.root, 'backing', name));
      await client.create(name, { type: 'local', path: join(lab.root, 'backing', name) }, call);
    }
    runner = await createDryRunner(runnerConfig(lab, { leftoverRetryMs: 0 }));
    await runner.recover();
  });

  after(async () => {
    await runner?.close();
    await releaseLeftovers(lab, [client]);
    await rclone?.stop();
    await lab?.cleanup();
  });

  const run = (driver: string, name: string) => runner.dryRunMount({ driver, name, engine: 'plugin' }, ctx());
  const step = (r: DryRunMountResult, s: string) => r.steps.find((x) => x.step === s);

  test(`byloop/w1 and byiface/w1 (${ownAddress}) at once: one mounts and releases, the other gets in-use from the lock; nothing left`, async () => {
    // Both names reach the one plugin: the same volume list through either address.
    const other = new PluginClient((await discoverPlugin('byiface', [lab.pluginDir]))!);
    assert.deepEqual((await other.list(call)).map((v) => v.Name).sort(), ['w1', 'w2']);
    const [a, b] = await overlappingRuns((c) => runner.dryRunMount({ driver: 'byloop', name: 'w1', engine: 'plugin' }, c), (c) => runner.dryRunMount({ driver: 'byiface', name: 'w1', engine: 'plugin' }, c));
    assert.deepEqual([a.verdict, b.verdict].sort(), ['in-use', 'mounted-and-released'], JSON.stringify([a, b], null, 1));
    const loser = [a, b].find((x) => x.verdict === 'in-use')!;
    assert.match(step(loser, 'lock')?.detail ?? '', /another operation of this bridge is using .*\/w1 \(dry-run of /);
    assert.ok(!step(loser, 'mount'), 'the loser never mounted');
    assert.deepEqual(await mountsUnder(lab.root), []);
    assert.deepEqual(await readdir(join(lab.stateDir, 'journal')).catch(() => []), []);
  });

  test('a task on byiface/w2 (docker/volume checkpoint) keeps a dry run of byloop/w2 off the volume', async () => {
    const task = join(lab.checkpoints.dockerVolume, 'task-iface');
    try {
      await mkdir(task, { recursive: true });
      await writeFile(join(task, 'volumes'), JSON.stringify({ volumes: [{ driver: 'byiface', name: 'w2' }] }));
      const r = await run('byloop', 'w2');
      assert.equal(r.verdict, 'in-use', JSON.stringify(r, null, 1));
      assert.match(step(r, 'in-use')?.detail ?? '', /container task-iface .*driver byiface, which reaches the same plugin/);
      assert.ok(!step(r, 'mount'));
    } finally {
      await rm(task, { recursive: true, force: true });
    }
  });
});
