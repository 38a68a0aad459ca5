// Prove unused, or refuse (issue 8): a task's volume — checkpointed, used by a Docker container, or on a driver
// that cannot show its users (REX-Ray vfs) — is never mounted or unmounted by a dry run, and the answer says why
// and which operator flag would vouch for a missing proof. Real runner, real plugin processes (the REX-Ray vfs
// and Docker Engine API stand-ins, the fault-plugin's kernel bind mounts), the dvdcli stand-in for the task.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DryRunMountResult } from '../../src/dryrun/contract';
import { createDryRunner } from '../../src/dryrun/runner';
import { ctx, DVDCLI_STANDIN, makeLab, mountsUnder, runnerConfig, startDockerEngine, startFault, startRexrayVfs, type Lab, type Proc } from './harness';

let lab: Lab;
const procs: Proc[] = [];
before(async () => {
  lab = await makeLab('proofs');
});
after(async () => {
  for (const p of procs) await p.stop();
  for (const m of (await mountsUnder(lab.root)).reverse()) spawnSync('umount', ['-l', m.split(' ')[0]]);
  await lab.cleanup();
});

const step = (r: DryRunMountResult, name: string) => r.steps.find((s) => s.step === name)?.detail ?? '';
/** What the agent's dvdcli does for a task (dvdcli mount, ID-less), through the stand-in dvdcli. */
const taskMount = (driver: string, name: string) => spawnSync(DVDCLI_STANDIN, ['mount', `--volumedriver=${driver}`, `--volumename=${name}`], { encoding: 'utf8' });
const dockerVolumeCheckpoint = async (container: string, driver: string, name: string) => {
  await mkdir(join(lab.checkpoints.dockerVolume, container), { recursive: true });
  await writeFile(join(lab.checkpoints.dockerVolume, container, 'volumes'), JSON.stringify({ volumes: [{ driver, name }] }));
};

describe('REX-Ray vfs (stand-in): Get shows no Mountpoint and no users, Mount wipes an unattached volume', () => {
  test('a task\'s volume is never mounted or unmounted; without the checkpoints\' word the answer is refused, naming the flag', async () => {
    const rr = await startRexrayVfs(lab, 'rexray', ['--ignoreusedcount']);
    procs.push(rr);
    assert.equal(spawnSync(DVDCLI_STANDIN, ['create', '--volumedriver=rexray', '--volumename=pg', '--volumeopts=size=1']).status, 0);
    const task = taskMount('rexray', 'pg');
    assert.equal(task.status, 0, task.stderr);
    const mp = task.stdout.trim();
    await writeFile(join(mp, 'table.db'), 'the task\'s data\n');
    const callsBefore = (await rr.calls()).length;

    // 1. Nothing vouches for the driver: refused, and the reason names the missing proof and the flag.
    const plain = await createDryRunner(runnerConfig(lab));
    const r1 = await plain.dryRunMount({ driver: 'rexray', name: 'pg', engine: 'docker-volume' }, ctx());
    assert.equal(r1.verdict, 'refused', JSON.stringify(r1));
    assert.match(step(r1, 'in-use'), /cannot prove rexray\/pg unused: .*no Mountpoint and no Status\.Mounts.*--trust-checkpoints-for rexray/);

    // 2. Vouched, and the task is in the docker/volume checkpoint: in-use, with the container named.
    await dockerVolumeCheckpoint('task-1', 'rexray', 'pg');
    const trusting = await createDryRunner(runnerConfig(lab, { proofs: { dockerSocket: '', trustCheckpointsFor: ['rexray'] } }));
    const r2 = await trusting.dryRunMount({ driver: 'rexray', name: 'pg', engine: 'dvdi-module' }, ctx());
    assert.equal(r2.verdict, 'in-use', JSON.stringify(r2));
    assert.match(step(r2, 'in-use'), /docker\/volume checkpoint .*task-1\/volumes: container task-1/);

    // Neither dry run sent anything but Activate and Get: the task's volume was not touched.
    const ours = (await rr.calls()).slice(callsBefore);
    assert.deepEqual(ours.filter((c) => !/^(Plugin\.Activate|VolumeDriver\.Get) /.test(c)), [], ours.join('\n'));
    assert.equal(await readFile(join(mp, 'table.db'), 'utf8'), 'the task\'s data\n');
    await plain.close();
    await trusting.close();
  });

  test('an unused pre-existing vfs volume: refused for the wipe hazard (any module name); allowed, it comes up empty with a warning', async () => {
    const rr = await startRexrayVfs(lab, 'ebs'); // a REX-Ray module under another name (dvdi-bridge.md §5.1): recognised by what Get shows
    procs.push(rr);
    assert.equal(spawnSync(DVDCLI_STANDIN, ['create', '--volumedriver=ebs', '--volumename=old']).status, 0);
    const mp = taskMount('ebs', 'old').stdout.trim();
    await writeFile(join(mp, 'keep.txt'), 'precious\n');
    assert.equal(spawnSync(DVDCLI_STANDIN, ['unmount', '--volumedriver=ebs', '--volumename=old']).status, 0);

    const trusting = await createDryRunner(runnerConfig(lab, { proofs: { dockerSocket: '', trustCheckpointsFor: ['ebs'] } }));
    const r = await trusting.dryRunMount({ driver: 'ebs', name: 'old', engine: 'docker-volume' }, ctx());
    assert.equal(r.verdict, 'refused', JSON.stringify(r));
    assert.match(step(r, 'hazards'), /hazard rexray-vfs-wipe-on-mount: .*os\.RemoveAll.*--allow-hazard rexray-vfs-wipe-on-mount/);
    assert.equal(await readFile(join(mp, 'keep.txt'), 'utf8'), 'precious\n');

    // The operator accepts the hazard: the Mount wipes, as the real REX-Ray does, and the result says data may be missing.
    const allowing = await createDryRunner(runnerConfig(lab, { proofs: { dockerSocket: '', trustCheckpointsFor: ['ebs'], allowHazards: ['rexray-vfs-wipe-on-mount'] } }));
    const a = await allowing.dryRunMount({ driver: 'ebs', name: 'old', engine: 'docker-volume' }, ctx());
    assert.equal(a.verdict, 'mounted-and-released', JSON.stringify(a));
    assert.ok(a.warnings.some((w) => /pre-existing volume old came up empty .*data may be missing/.test(w)), JSON.stringify(a.warnings));
    // No kernel mount and no users in Get: the release cannot be seen, and the result says so instead of claiming it.
    assert.match(step(a, 'verify-released'), /cannot be seen/);
    await trusting.close();
    await allowing.close();
  });
});

describe('recovery on a driver that cannot show its mounts', () => {
  test('killed during a slow vfs Mount: the restart waits, unmounts, and reports unverified, never released', async () => {
    const rr = await startRexrayVfs(lab, 'slowvfs', ['--mount-delay', '400']);
    procs.push(rr);
    assert.equal(spawnSync(DVDCLI_STANDIN, ['create', '--volumedriver=slowvfs', '--volumename=s']).status, 0);
    const config = runnerConfig(lab, { stateDir: join(lab.root, 'state-slowvfs'), proofs: { dockerSocket: '', trustCheckpointsFor: ['slowvfs'], allowHazards: ['rexray-vfs-wipe-on-mount'] }, timeouts: { mount: 3000, unmount: 3000, pluginCall: 1000, lateMountGrace: 800 } });
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'crashRunner.ts'), JSON.stringify(config), JSON.stringify({ driver: 'slowvfs', name: 's', engine: 'plugin' })], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      let buf = '';
      child.stdout!.on('data', (d: Buffer) => {
        buf += d.toString();
        if (buf.includes('mount:started')) setTimeout(() => (child.kill('SIGKILL'), resolve()), 100); // the Mount is at the plugin
      });
      child.once('exit', () => reject(new Error(`runner exited early: ${buf}`)));
    });
    await new Promise((r) => child.once('exit', r));
    const runner = await createDryRunner(config);
    const rep = await runner.recover();
    await runner.close();
    assert.deepEqual(rep.released, [], `claimed a release it could not see: ${JSON.stringify(rep)}`);
    assert.equal(rep.unverified.length, 1, JSON.stringify(rep));
    assert.match(rep.unverified[0].detail, /cannot be seen/);
    // It did undo the mount it made: an Unmount followed the (late) Mount at the plugin.
    const calls = await rr.calls();
    assert.ok(calls.lastIndexOf('VolumeDriver.Unmount s') > calls.lastIndexOf('VolumeDriver.Mount s'), calls.join('\n'));
    assert.deepEqual((await readdir(join(config.stateDir, 'journal'))).filter((f) => f.endsWith('.json')), []);
  });
});

describe('a leftover mount on a driver that cannot show its mounts', () => {
  test('does not block the next dry run of the volume: the Unmount is sent again, said to be unverifiable, and the dry run goes on', async () => {
    const rr = await startRexrayVfs(lab, 'leftvfs');
    procs.push(rr);
    assert.equal(spawnSync(DVDCLI_STANDIN, ['create', '--volumedriver=leftvfs', '--volumename=lv']).status, 0);
    const stateDir = join(lab.root, 'state-leftvfs');
    const config = runnerConfig(lab, { stateDir, leftoverRetryMs: 0, proofs: { dockerSocket: '', trustCheckpointsFor: ['leftvfs'], allowHazards: ['rexray-vfs-wipe-on-mount'] } });
    const runner = await createDryRunner(config);
    await runner.recover();
    // What a dry run whose Unmount failed leaves: the journal entry of a mount the driver cannot show.
    const deadPid = spawnSync('true').pid!;
    await writeFile(join(stateDir, 'journal', 'left-1.json'), JSON.stringify({ id: 'left-1', driver: 'leftvfs', name: 'lv', engine: 'plugin', mountId: 'dvdi-bridge-gone', bridgePid: deadPid, startedAt: new Date(Date.now() - 60_000).toISOString(), phase: 'unmounting' }));
    try {
      const r = await runner.dryRunMount({ driver: 'leftvfs', name: 'lv' }, ctx());
      assert.notEqual(r.verdict, 'in-use', JSON.stringify(r));
      const left = r.steps.find((s) => s.step === 'leftover');
      assert.ok(left?.ok, JSON.stringify(r.steps));
      assert.match(left.detail!, /accepted the Unmount, but cannot show whether the mount is gone/);
      assert.ok(r.steps.some((s) => s.step === 'mount'), JSON.stringify(r.steps));
      assert.ok((await rr.calls()).includes('VolumeDriver.Unmount lv'));
      assert.deepEqual((await readdir(join(stateDir, 'journal'))).filter((f) => f.endsWith('.json')), []);
    } finally {
      await runner.close();
    }
  });
});

describe('Docker containerizer tasks (Docker Engine API stand-in) and missing checkpoint dirs', () => {
  test('a volume a Docker container mounts is in-use and never mounted; a broken dockerd refuses, naming --docker-socket none', async () => {
    const f = await startFault(lab, 'dk', 'ok');
    procs.push(f);
    const docker = await startDockerEngine(lab, [{ Id: 'f00dcafe0001ffff', Names: ['/web-1'], State: 'running', Mounts: [{ Type: 'volume', Name: 'shared', Driver: 'dk', Destination: '/data' }] }]);
    procs.push(docker);
    const runner = await createDryRunner(runnerConfig(lab));
    const used = await runner.dryRunMount({ driver: 'dk', name: 'shared' }, ctx());
    assert.equal(used.verdict, 'in-use', JSON.stringify(used));
    assert.match(step(used, 'in-use'), /Docker container f00dcafe0001 \(\/web-1\) mounts it/);
    assert.ok(!used.steps.some((s) => s.step === 'mount'));
    // Same name on another driver is not this volume.
    const other = await runner.dryRunMount({ driver: 'dk', name: 'data' }, ctx());
    assert.equal(other.verdict, 'mounted-and-released', JSON.stringify(other));
    await docker.set('broken');
    const broken = await runner.dryRunMount({ driver: 'dk', name: 'data' }, ctx());
    assert.equal(broken.verdict, 'refused', JSON.stringify(broken));
    assert.match(step(broken, 'in-use'), /Docker Engine API at .*docker\.sock did not answer properly \(HTTP 500.*--docker-socket none/);
    assert.deepEqual(await mountsUnder(lab.root), []);
    await runner.close();
  });

  test('a missing checkpoint dir refuses, naming the flag; the operator\'s --no-docker-volume-isolator vouches for it', async () => {
    await startFault(lab, 'ck', 'ok').then((p) => procs.push(p));
    const moved = { ...lab.checkpoints, dockerVolume: join(lab.root, 'moved-elsewhere') };
    const strict = await createDryRunner(runnerConfig(lab, { checkpointDirs: moved }));
    const r = await strict.dryRunMount({ driver: 'ck', name: 'v' }, ctx());
    assert.equal(r.verdict, 'refused', JSON.stringify(r));
    assert.match(step(r, 'in-use'), /moved-elsewhere does not exist .*--docker-volume-checkpoint-dir .*--no-docker-volume-isolator/);
    const vouched = await createDryRunner(runnerConfig(lab, { checkpointDirs: moved, proofs: { dockerSocket: '', noDockerVolumeIsolator: true } }));
    assert.equal((await vouched.dryRunMount({ driver: 'ck', name: 'v' }, ctx())).verdict, 'mounted-and-released');
    // An unreadable checkpoint is never vouched away.
    await rm(lab.checkpoints.dvdiModule, { recursive: true });
    await writeFile(lab.checkpoints.dvdiModule, 'not a dir');
    const r2 = await vouched.dryRunMount({ driver: 'ck', name: 'v' }, ctx());
    assert.equal(r2.verdict, 'refused', JSON.stringify(r2));
    assert.match(step(r2, 'in-use'), /cannot read the mesos-module-dvdi checkpoint/);
    await rm(lab.checkpoints.dvdiModule);
    await mkdir(lab.checkpoints.dvdiModule);
    await strict.close();
    await vouched.close();
  });
});
