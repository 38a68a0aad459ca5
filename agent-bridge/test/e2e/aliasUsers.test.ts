// A task that uses a volume through another name of the same plugin is a user of the volume. One real rclone serve
// docker is reachable as `rclone` (its socket), `byspec` (a .spec naming the socket), `bylink` (a symlinked .sock)
// and `byjson` (a .json Addr); the isolators' checkpoints are written in the agent's own formats
// (dvdi-bridge.md §1.5, dvdi-bridge.md §2.5) and Docker's containers come from the Docker Engine API stand-in. Before, the
// checkpoint and Docker checks compared driver names only, so a dry run through `rclone` mounted (and unmounted) a
// volume a task held through `byspec`: in the window before the isolator mounts, nothing else shows that use.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import type { DryRunMountResult } from '../../src/dryrun/contract';
import { createDryRunner } from '../../src/dryrun/runner';
import { DVDI_CHECKPOINT_FILE } from '../../src/inuse/dvdiCheckpoint';
import { PluginClient } from '../../src/plugin/client';
import { discoverPlugin } from '../../src/plugin/discovery';
import { externalMount, mountList, stoutFile } from '../engines/dvdiCheckpointFile';
import { ctx, fuseSkipReason, makeLab, mountsUnder, runnerConfig, seedData, startDockerEngine, startRclone, type Lab } from './harness';
import { releaseLeftovers } from './leftoverCleanup';

describe('a task using the volume through another name of the same plugin is in-use (rclone serve docker, real FUSE)', { skip: fuseSkipReason() }, () => {
  let lab: Lab;
  let rclone: Awaited<ReturnType<typeof startRclone>>;
  let other: Awaited<ReturnType<typeof startRclone>>;
  let docker: Awaited<ReturnType<typeof startDockerEngine>>;
  let client: PluginClient;
  let runner: Awaited<ReturnType<typeof createDryRunner>>;
  const call = { timeoutMs: 5000 };
  const journalDir = () => join(lab.stateDir, 'journal');
  const journal = async () => (await readdir(journalDir()).catch(() => [] as string[])).filter((f) => f.endsWith('.json'));
  const volumes = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7'];

  before(async () => {
    lab = await makeLab('aliasusers');
    rclone = await startRclone(lab);
    // A second, separate plugin: a name that resolves to it is not the first plugin, whatever volume name it uses.
    other = await startRclone(lab, join(lab.root, 'other', 'base'), 'other');
    docker = await startDockerEngine(lab, []);
    const sock = join(lab.pluginDir, 'rclone.sock');
    await writeFile(join(lab.pluginDir, 'byspec.spec'), `unix://${sock}\n`);
    await writeFile(join(lab.pluginDir, 'byjson.json'), JSON.stringify({ Name: 'byjson', Addr: `unix://${sock}` }));
    await symlink(sock, join(lab.pluginDir, 'bylink.sock'));
    // A plugin that is gone: its spec names a socket nobody listens on any more (removed with the plugin).
    await writeFile(join(lab.pluginDir, 'gone.spec'), `unix://${join(lab.root, 'gone.sock')}\n`);
    client = new PluginClient((await discoverPlugin('rclone', [lab.pluginDir]))!);
    for (const name of volumes) {
      await seedData(join(lab.root, 'backing', name));
      await client.create(name, { type: 'local', path: join(lab.root, 'backing', name) }, call);
    }
    runner = await createDryRunner(runnerConfig(lab, { leftoverRetryMs: 0 }));
    await runner.recover();
  });

  /** The agent's records as a task's start leaves them. */
  const dvdiTask = (containerId: string, driver: string, volume: string) =>
    writeFile(join(lab.checkpoints.dvdiModule, DVDI_CHECKPOINT_FILE), stoutFile(mountList([externalMount({ containerId, volumeDriver: driver, volumeName: volume, mountpoint: '', options: '', containerPath: '/data', dvdcliPath: '/usr/bin/dvdcli', explicitCreate: false })])));
  const dockerVolumeTask = async (containerId: string, driver: string, volume: string) => {
    await mkdir(join(lab.checkpoints.dockerVolume, containerId), { recursive: true });
    await writeFile(join(lab.checkpoints.dockerVolume, containerId, 'volumes'), JSON.stringify({ volumes: [{ driver, name: volume }] }));
  };
  const dockerContainer = (id: string, driver: string, volume: string) =>
    docker.set([{ Id: `${id}0123456789abcdef`, Names: [`/${id}`], State: 'running', Mounts: [{ Type: 'volume', Name: volume, Source: '', Destination: '/data', Driver: driver, Mode: '', RW: true }] }]);

  /** Whatever a failing run left (leftoverCleanup.ts). */
  async function cleanUp(): Promise<void> {
    await releaseLeftovers(lab, [client]);
  }

  afterEach(async () => {
    await rm(join(lab.checkpoints.dvdiModule, DVDI_CHECKPOINT_FILE), { force: true });
    for (const c of await readdir(lab.checkpoints.dockerVolume)) await rm(join(lab.checkpoints.dockerVolume, c), { recursive: true, force: true });
    await docker.set([]);
    await cleanUp();
  });
  after(async () => {
    await runner?.close();
    await cleanUp().catch(() => undefined);
    await docker?.stop();
    await other?.stop();
    await rclone?.stop();
    await lab?.cleanup();
  });

  const run = (driver: string, name: string) => runner.dryRunMount({ driver, name, engine: 'plugin' }, ctx());
  const step = (r: DryRunMountResult, s: string) => r.steps.find((x) => x.step === s);
  const refusedBeforeMount = async (r: DryRunMountResult, reason: RegExp) => {
    assert.equal(r.verdict, 'in-use', JSON.stringify(r, null, 1));
    assert.match(step(r, 'in-use')?.detail ?? '', reason);
    assert.ok(!step(r, 'mount'), 'nothing was mounted');
    assert.deepEqual(await mountsUnder(lab.root), []);
    assert.deepEqual(await journal(), []);
  };

  test('mesos-module-dvdi checkpoint: a task on byspec/u1 (a spec naming the socket) keeps a dry run of rclone/u1 off the volume', async () => {
    await dvdiTask('task-dvdi', 'byspec', 'u1');
    await refusedBeforeMount(await run('rclone', 'u1'), /mesos-module-dvdi checkpoint .*container task-dvdi .*driver byspec, which reaches the same plugin .*rclone\.sock/);
  });

  test('docker/volume checkpoint: a task on bylink/u2 (a symlinked socket) keeps a dry run of byjson/u2 off the volume', async () => {
    await dockerVolumeTask('task-dv', 'bylink', 'u2');
    await refusedBeforeMount(await run('byjson', 'u2'), /docker\/volume checkpoint .*task-dv\/volumes: container task-dv .*driver bylink, which reaches the same plugin/);
  });

  test('Docker Engine API: a container mounting byspec/u3 keeps a dry run of rclone/u3 off the volume', async () => {
    await dockerContainer('web', 'byspec', 'u3');
    await refusedBeforeMount(await run('rclone', 'u3'), /Docker container web012345678 \(\/web\) mounts it through driver byspec, which reaches the same plugin/);
  });

  test('a checkpoint driver name that resolves to no plugin now (spec naming a removed socket; no spec at all) counts as a use of the volume', async () => {
    await dvdiTask('task-gone', 'gone', 'u4');
    await refusedBeforeMount(await run('rclone', 'u4'), /container task-gone .*driver gone, whose plugin cannot be identified now .*gone\.sock does not exist.*counted as a use/);
    await rm(join(lab.checkpoints.dvdiModule, DVDI_CHECKPOINT_FILE));
    await dockerVolumeTask('task-vanished', 'vanished', 'u4');
    await refusedBeforeMount(await run('rclone', 'u4'), /container task-vanished .*driver vanished, whose plugin cannot be identified now .*no socket or spec.*counted as a use/);
  });

  test('the same volume name on another plugin, or on dockerd\'s built-in local driver, is not a use: the dry run mounts and releases', async () => {
    await dvdiTask('task-other', 'other', 'u5');
    await dockerVolumeTask('task-other', 'other', 'u5');
    await dockerContainer('elsewhere', 'other', 'u5');
    const containers = JSON.parse(await readFile(join(lab.root, 'docker-containers.json'), 'utf8')) as unknown[];
    await docker.set([...containers, { Id: 'builtin0123456789', Names: ['/builtin'], State: 'running', Mounts: [{ Type: 'volume', Name: 'u5', Destination: '/data', Driver: 'local' }] }]);
    const r = await run('rclone', 'u5');
    assert.equal(r.verdict, 'mounted-and-released', JSON.stringify(r, null, 1));
    assert.deepEqual(await mountsUnder(lab.root), []);
  });

  test('the exact name still matches, case-insensitively (mesos-module-dvdi lower-cases names)', async () => {
    await dvdiTask('task-exact', 'RClone', 'u7');
    await refusedBeforeMount(await run('rclone', 'u7'), /mesos-module-dvdi checkpoint .*container task-exact/);
  });

  test('a task that starts on byspec/u6 while the dry run of rclone/u6 holds it mounted: the mount is not taken from it', async () => {
    const c = ctx();
    c.onProgress = (s, status) => {
      if (s !== 'mount' || status !== 'ok') return;
      // Written at once (sync), before the run goes on to its re-check, as a task the agent starts meanwhile.
      mkdirSync(join(lab.checkpoints.dockerVolume, 'task-late'), { recursive: true });
      writeFileSync(join(lab.checkpoints.dockerVolume, 'task-late', 'volumes'), JSON.stringify({ volumes: [{ driver: 'byspec', name: 'u6' }] }));
    };
    const r = await runner.dryRunMount({ driver: 'rclone', name: 'u6', engine: 'plugin' }, c);
    assert.equal(r.verdict, 'in-use', JSON.stringify(r, null, 1));
    assert.match(step(r, 'in-use-recheck')?.detail ?? '', /container task-late .*driver byspec, which reaches the same plugin/);
    assert.equal((await mountsUnder(lab.root)).length, 1, 'the mount stays for the task');
    assert.equal((await journal()).length, 1, 'journalled as a leftover');
  });
});
