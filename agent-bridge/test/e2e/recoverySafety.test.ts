// recover() after a restart must touch only what the killed predecessor itself started or mounted: real
// processes standing in for the agent's own dvdcli runs, real journal files, the fault-plugin stand-in.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createDryRunner } from '../../src/dryrun/runner';
import type { JournalEntry } from '../../src/journal/journal';
import { mountsAt, readMountinfo } from '../../src/inuse/mountinfo';
import { PluginClient } from '../../src/plugin/client';
import { ctx, DVDCLI_STANDIN, fuseSkipReason, makeLab, mountsUnder, runnerConfig, startFault, startRclone, type Lab } from './harness';

let lab: Lab;
const children: ChildProcess[] = [];
before(async () => {
  lab = await makeLab('recovery');
});
after(async () => {
  for (const c of children) {
    try {
      process.kill(-c.pid!, 'SIGKILL');
    } catch (e) {
      // Gone already: it can exit before its 'exit' event has set exitCode (a loaded host).
      if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
    }
  }
  await lab.cleanup();
});

/** A process group leader whose argv looks like `<dvdcli> mount --volumedriver=D --volumename=N` (what the agent runs for a task). */
function dvdcliLookalike(driver: string, name: string): ChildProcess {
  const c = spawn('sh', ['-c', 'sleep 30; true', DVDCLI_STANDIN, 'mount', `--volumedriver=${driver}`, `--volumename=${name}`], { detached: true, stdio: 'ignore' });
  children.push(c);
  return c;
}

/** Field 22 of /proc/<pid>/stat: the start time, in clock ticks since boot. */
const startTime = (pid: number) => { const s = readFileSync(`/proc/${pid}/stat`, 'utf8'); return s.slice(s.lastIndexOf(')') + 2).split(' ')[19]; };
const layersAt = async (p: string) => mountsAt(await readMountinfo(), p).length;
const deadPid = () => spawnSync('true').pid!;
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function writeEntry(e: Partial<JournalEntry> & { driver: string; name: string }): Promise<string> {
  const dir = join(lab.stateDir, 'journal');
  await mkdir(dir, { recursive: true });
  const entry: JournalEntry = { id: randomUUID(), engine: 'docker-volume', dvdcliPath: DVDCLI_STANDIN, bridgePid: deadPid(), startedAt: new Date().toISOString(), phase: 'mounting', ...e };
  await writeFile(join(dir, `${entry.id}.json`), JSON.stringify(entry));
  return entry.id;
}

describe('recover() and leftover dvdcli processes', () => {
  test('kills only the dvdcli it started: not a task dvdcli for a volume whose name merely starts the same, not a reused pid', async () => {
    // The agent's dvdcli for "data2" happens to have the pid the journal recorded for our dvdcli of "data".
    const task = dvdcliLookalike('nodrv', 'data2');
    await new Promise((r) => setTimeout(r, 100));
    await writeEntry({ driver: 'nodrv', name: 'data', childPgid: task.pid, childStart: startTime(task.pid!) });
    // The agent's dvdcli for the very same volume, on a pid the journal recorded for a process started earlier.
    const same = dvdcliLookalike('nodrv', 'data3');
    await new Promise((r) => setTimeout(r, 100));
    await writeEntry({ driver: 'nodrv', name: 'data3', childPgid: same.pid, childStart: String(Number(startTime(same.pid!)) - 500) });
    // Our own leftover dvdcli (right pid, right start time, right volume) is still stopped.
    const ours = dvdcliLookalike('nodrv', 'mine');
    await new Promise((r) => setTimeout(r, 100));
    await writeEntry({ driver: 'nodrv', name: 'mine', childPgid: ours.pid, childStart: startTime(ours.pid!) });

    const runner = await createDryRunner(runnerConfig(lab));
    await runner.recover();
    await new Promise((r) => setTimeout(r, 100));
    assert.ok(alive(task.pid!), 'recover() killed a task dvdcli for "data2" while releasing "data"');
    assert.ok(alive(same.pid!), 'recover() killed a process whose start time is not the one journalled (reused pid)');
    assert.ok(!alive(ours.pid!), 'recover() left the predecessor\'s own dvdcli running');
    await runner.close();
  });
});

describe('recover() and the pid of the bridge that wrote an entry', () => {
  test('a live node process that merely reuses that pid does not hold the mount: it is released; the same process (pid and start time) still does', async () => {
    const fault = await startFault(lab, 'rpid', 'ok');
    const sock = join(lab.pluginDir, 'rpid.sock');
    const client = new PluginClient({ transport: 'unix', socketPath: sock, address: sock, source: 'test' });
    // Stands for whatever node process got the killed bridge's pid after a restart (a fresh pid namespace, a reboot).
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { detached: true, stdio: 'ignore' });
    children.push(other);
    const ids: string[] = [];
    try {
      await new Promise((r) => setTimeout(r, 200));
      const mp = await client.mount('reused', 'dvdi-bridge-gone', { timeoutMs: 5000 });
      const entry = { driver: 'rpid', engine: 'plugin' as const, dvdcliPath: undefined, pluginAddress: sock, bridgePid: other.pid!, phase: 'mounted' as const };
      ids.push(await writeEntry({ ...entry, name: 'reused', mountId: 'dvdi-bridge-gone', mountpoint: mp, bridgeStart: String(Number(startTime(other.pid!)) - 700) }));
      // The very process that wrote it (its start time matches) is still running: its mount is not touched.
      ids.push(await writeEntry({ ...entry, name: 'alive', mountId: 'dvdi-bridge-alive', bridgeStart: startTime(other.pid!) }));
      const runner = await createDryRunner(runnerConfig(lab));
      const rep = await runner.recover();
      await runner.close();
      assert.deepEqual(rep.released.filter((r) => r.driver === 'rpid').map((r) => r.name), ['reused'], JSON.stringify(rep));
      assert.equal(await layersAt(mp), 0, 'released');
      const held = rep.failed.find((f) => f.name === 'alive');
      assert.match(held?.error ?? '', /still running; not touching its mount/, JSON.stringify(rep));
    } finally {
      await client.unmount('reused', 'dvdi-bridge-gone', { timeoutMs: 5000 }).catch(() => undefined);
      for (const id of ids) await unlink(join(lab.stateDir, 'journal', `${id}.json`)).catch(() => undefined);
      process.kill(-other.pid!, 'SIGKILL');
      await fault.stop();
    }
  });
});

describe('a mount whose outcome is unknown', () => {
  test('is not "cleaned up" with an unmount once a task uses the volume (dvdcli unmount is ID-less)', async () => {
    const fault = await startFault(lab, 'slowtask', 'slow', 1800);
    try {
      const runner = await createDryRunner(runnerConfig(lab, { timeouts: { mount: 900, unmount: 3000, pluginCall: 1000 } }));
      const c = ctx();
      c.onProgress = (step, status) => {
        // While dvdcli waits on the plugin, the agent starts a task on the same volume (docker/volume checkpoint).
        if (step === 'mount' && status === 'started') void mkdir(join(lab.checkpoints.dockerVolume, 'task-1'), { recursive: true }).then(() => writeFile(join(lab.checkpoints.dockerVolume, 'task-1', 'volumes'), JSON.stringify({ volumes: [{ driver: 'slowtask', name: 'shared' }] })));
      };
      const r = await runner.dryRunMount({ driver: 'slowtask', name: 'shared', engine: 'docker-volume' }, c);
      assert.equal(r.verdict, 'failed', JSON.stringify(r));
      assert.match(r.steps.find((s) => s.step === 'mount')!.detail!, /timed out/);
      assert.ok(!r.steps.some((s) => s.step === 'unmount'), `the bridge unmounted a volume a task had started using: ${JSON.stringify(r.steps)}`);
      assert.ok(r.warnings.some((w) => /NOT unmounted/.test(w)), JSON.stringify(r.warnings));
      await runner.close();
      // The plugin finishes the mount the bridge gave up on; once the task is gone, recover() releases it.
      await new Promise((res) => setTimeout(res, 1500));
      await rm(join(lab.checkpoints.dockerVolume, 'task-1'), { recursive: true });
      const next = await createDryRunner(runnerConfig(lab));
      const rep = await next.recover();
      assert.deepEqual(rep.released.map((x) => x.name), ['shared'], JSON.stringify(rep));
      assert.deepEqual(await mountsUnder(lab.root), []);
      await next.close();
    } finally {
      await fault.stop();
    }
  });
});

describe('recover() re-checks like any unmount: plugin Get and mountinfo, not only the checkpoints', () => {

  test('a caller ID the plugin reports for someone else (no checkpoint lists it): left mounted, entry kept', async () => {
    const fault = await startFault(lab, 'rget', 'ok');
    const sock = join(lab.pluginDir, 'rget.sock');
    const client = new PluginClient({ transport: 'unix', socketPath: sock, address: sock, source: 'test' });
    const mp = join(fault.stateDir, 'mnt', 'shared');
    let id: string | undefined;
    try {
      // The predecessor was killed before its Mount (ID dvdi-bridge-dead) landed; meanwhile a container engine
      // mounted the volume with its own ID, which only the plugin's Get shows.
      assert.equal(await client.mount('shared', 'task-1', { timeoutMs: 5000 }), mp);
      id = await writeEntry({ driver: 'rget', name: 'shared', engine: 'plugin', dvdcliPath: undefined, pluginAddress: sock, mountId: 'dvdi-bridge-dead' });
      const runner = await createDryRunner(runnerConfig(lab));
      const rep = await runner.recover();
      await runner.close();
      const mine = rep.failed.find((f) => f.driver === 'rget');
      assert.ok(mine, JSON.stringify(rep));
      assert.match(mine.error, /now in use, or its use cannot be ruled out \(plugin Get now reports other caller IDs \["task-1"\]\)/);
      assert.ok(!/unmount:/.test(mine.error), `recover() sent an unmount: ${mine.error}`);
      assert.equal(await layersAt(mp), 1);
      assert.ok((await readdir(join(lab.stateDir, 'journal'))).includes(`${id}.json`));
    } finally {
      await client.unmount('shared', 'task-1', { timeoutMs: 5000 }).catch(() => undefined);
      if (id) await unlink(join(lab.stateDir, 'journal', `${id}.json`)).catch(() => undefined);
      await fault.stop();
    }
    assert.equal(await layersAt(mp), 0);
  });

  test('a second mount stacked on the mountpoint (a plugin without reference counting): the ID-less unmount is not sent', async () => {
    const fault = await startFault(lab, 'rstack', 'ok');
    const sock = join(lab.pluginDir, 'rstack.sock');
    const client = new PluginClient({ transport: 'unix', socketPath: sock, address: sock, source: 'test' });
    const mp = join(fault.stateDir, 'mnt', 'v');
    const theirs = join(lab.root, 'their-data');
    let id: string | undefined;
    try {
      // The predecessor's dvdcli mount (ID-less) landed; then another caller mounted the same volume again, on top.
      assert.equal(await client.mount('v', '', { timeoutMs: 5000 }), mp);
      await mkdir(theirs, { recursive: true });
      assert.equal(spawnSync('mount', ['--bind', theirs, mp]).status, 0);
      assert.equal(await layersAt(mp), 2);
      id = await writeEntry({ driver: 'rstack', name: 'v', mountpoint: mp, phase: 'mounted' });
      const runner = await createDryRunner(runnerConfig(lab));
      const rep = await runner.recover();
      await runner.close();
      const mine = rep.failed.find((f) => f.driver === 'rstack');
      assert.ok(mine, JSON.stringify(rep));
      assert.match(mine.error, /2 mounts stacked/);
      // Before: dvdcli unmount made the plugin umount the path, which took the other caller's top layer.
      assert.equal(await layersAt(mp), 2, 'recover() unmounted a layer of a volume someone else had mounted on top');
      assert.ok((await readdir(join(lab.stateDir, 'journal'))).includes(`${id}.json`));
    } finally {
      for (let i = 0; i < 2 && (await layersAt(mp)) > 0; i++) spawnSync('umount', [mp]);
      if (id) await unlink(join(lab.stateDir, 'journal', `${id}.json`)).catch(() => undefined);
      await fault.stop();
    }
    assert.equal(await layersAt(mp), 0);
  });
});

describe('recover() and the read-only probe a killed predecessor left in the mount (rclone serve docker, real FUSE)', { skip: fuseSkipReason() }, () => {
  test('the probe is killed, gone and let go of before the Unmount: rclone forgets a mount whose unmount failed busy', async () => {
    const rclone = await startRclone(lab);
    const sock = join(lab.pluginDir, 'rclone.sock');
    const client = new PluginClient({ transport: 'unix', socketPath: sock, address: sock, source: 'test' });
    const backing = join(lab.root, 'backing', 'probed');
    await mkdir(backing, { recursive: true });
    // Enough entries that the probe's listing (an lstat per entry through FUSE) is still running when recovery starts.
    spawnSync('bash', ['-c', 'cd "$1" && touch top-{0..19999}', 'bash', backing]);
    let id: string | undefined;
    try {
      await client.create('probed', { type: 'local', path: backing }, { timeoutMs: 5000 });
      const mp = await client.mount('probed', 'dvdi-bridge-dead', { timeoutMs: 10_000 });
      id = await writeEntry({ driver: 'rclone', name: 'probed', engine: 'plugin', dvdcliPath: undefined, pluginAddress: sock, mountId: 'dvdi-bridge-dead', phase: 'mounted', mountpoint: mp });
      // The predecessor's verify probe, orphaned (its parent, a shell here, the bridge there, is gone): fsProbe.ts's argv.
      const find = ['/usr/bin/find', '/bin/find'].find((p) => existsSync(p))!;
      const sh = spawnSync('sh', ['-c', '"$@" >/dev/null 2>&1 & echo $!', 'sh', find, '-H', mp, '-maxdepth', '1', '-printf', '%y\\n'], { encoding: 'utf8' });
      const probe = Number(sh.stdout.trim());
      await new Promise((r) => setTimeout(r, 50));
      assert.ok(alive(probe), 'the probe is still listing the mount when recovery starts (otherwise this test proves nothing)');
      const runner = await createDryRunner(runnerConfig(lab));
      const rep = await runner.recover();
      await runner.close();
      // (Entries the file's other tests left for a plugin that is gone are theirs.)
      assert.deepEqual(rep.failed.filter((f) => f.driver === 'rclone'), [], JSON.stringify(rep));
      assert.deepEqual(rep.released.filter((r) => r.driver === 'rclone').map((r) => r.name), ['probed'], JSON.stringify(rep));
      assert.deepEqual((await mountsUnder(lab.root)).filter((m) => m.includes('probed')), []);
    } finally {
      await client.unmount('probed', 'dvdi-bridge-dead', { timeoutMs: 5000 }).catch(() => undefined);
      for (const m of (await mountsUnder(lab.root)).filter((x) => x.includes('probed'))) spawnSync('fusermount3', ['-uz', m.split(' ')[0]], { stdio: 'ignore' });
      if (id) await unlink(join(lab.stateDir, 'journal', `${id}.json`)).catch(() => undefined);
      await rclone.stop();
    }
  });
});

describe('recover() and a mount the plugin has disowned (rclone serve docker, real FUSE)', { skip: fuseSkipReason() }, () => {
  // rclone's `unmount` drops the mount request before it unmounts (volume.go), so an Unmount that failed busy leaves a
  // kernel mount that rclone no longer knows: every later Unmount answers "volume is not mounted", Get lists no
  // caller, and rclone's next Mount of the volume fails on the non-empty mountpoint. Only an unmount of the kernel
  // mount itself can take it down.
  async function disownedMount(name: string): Promise<{ rclone: Awaited<ReturnType<typeof startRclone>>; client: PluginClient; mp: string; holder: ChildProcess; id: string }> {
    const rclone = await startRclone(lab);
    const sock = join(lab.pluginDir, 'rclone.sock');
    const client = new PluginClient({ transport: 'unix', socketPath: sock, address: sock, source: 'test' });
    const backing = join(lab.root, 'backing', name);
    await mkdir(backing, { recursive: true });
    await client.create(name, { type: 'local', path: backing }, { timeoutMs: 5000 });
    const mp = await client.mount(name, 'dvdi-bridge-dead', { timeoutMs: 10_000 });
    const id = await writeEntry({ driver: 'rclone', name, engine: 'plugin', dvdcliPath: undefined, pluginAddress: sock, mountId: 'dvdi-bridge-dead', phase: 'unmounting', mountpoint: mp });
    // A process inside the mount makes the killed bridge's Unmount fail busy, as its verify probe did in the kill storm.
    const holder = spawn('sleep', ['60'], { cwd: mp, detached: true, stdio: 'ignore' });
    children.push(holder);
    await new Promise((r) => setTimeout(r, 100));
    await assert.rejects(client.unmount(name, 'dvdi-bridge-dead', { timeoutMs: 5000 }), /busy/i);
    await assert.rejects(client.unmount(name, 'dvdi-bridge-dead', { timeoutMs: 5000 }), /not mounted/);
    assert.deepEqual((await client.get(name, { timeoutMs: 5000 }))?.Status, { Mounts: [] }, 'rclone no longer lists the mount');
    assert.equal(await layersAt(mp), 1, 'while the kernel mount stays');
    return { rclone, client, mp, holder, id };
  }

  async function cleanup(name: string, id: string, rclone: { stop(): Promise<void> }): Promise<void> {
    for (const m of (await mountsUnder(lab.root)).filter((x) => x.includes(name))) spawnSync('fusermount3', ['-uz', m.split(' ')[0]], { stdio: 'ignore' });
    await unlink(join(lab.stateDir, 'journal', `${id}.json`)).catch(() => undefined);
    await rclone.stop();
  }

  test('nobody holds it any more: recovery unmounts the kernel mount itself, says so, and clears the entry', async () => {
    const { rclone, mp, holder, id } = await disownedMount('disowned');
    try {
      const exited = new Promise((r) => holder.once('exit', r));
      process.kill(-holder.pid!, 'SIGKILL');
      await exited;
      const runner = await createDryRunner(runnerConfig(lab));
      const rep = await runner.recover();
      await runner.close();
      assert.deepEqual(rep.failed.filter((f) => f.name === 'disowned'), [], JSON.stringify(rep));
      const mine = rep.released.filter((r) => r.name === 'disowned');
      assert.equal(mine.length, 1, JSON.stringify(rep));
      assert.match(mine[0].detail ?? '', /no longer lists any caller.*unmounted .* itself/s);
      assert.equal(await layersAt(mp), 0);
      assert.ok(!existsSync(join(lab.stateDir, 'journal', `${id}.json`)), 'the entry is cleared');
    } finally {
      await cleanup('disowned', id, rclone);
    }
  });

  test('a process still works inside it: the kernel refuses the unmount (never a lazy one), the mount and the entry stay, reported', async () => {
    const { rclone, mp, holder, id } = await disownedMount('held');
    try {
      const runner = await createDryRunner(runnerConfig(lab));
      const rep = await runner.recover();
      await runner.close();
      const mine = rep.failed.filter((f) => f.name === 'held');
      assert.equal(mine.length, 1, JSON.stringify(rep));
      assert.match(mine[0].error, /busy/i);
      assert.equal(await layersAt(mp), 1, 'still mounted under the process');
      assert.ok(alive(holder.pid!));
      assert.ok(existsSync(`/proc/${holder.pid}/cwd/.`), "the process's working directory is still reachable");
      assert.ok(existsSync(join(lab.stateDir, 'journal', `${id}.json`)), 'the entry stays for the next start');
    } finally {
      process.kill(-holder.pid!, 'SIGKILL');
      await cleanup('held', id, rclone);
    }
  });
});
