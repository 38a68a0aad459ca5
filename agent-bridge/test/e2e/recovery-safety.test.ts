// recover() after a restart must touch only what the killed predecessor itself started or mounted: real
// processes standing in for the agent's own dvdcli runs, real journal files, the fault-plugin stand-in.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createDryRunner } from '../../src/dryrun/runner';
import type { JournalEntry } from '../../src/journal/journal';
import { ctx, DVDCLI_STANDIN, makeLab, mountsUnder, runnerConfig, startFault, type Lab } from './harness';

let lab: Lab;
const children: ChildProcess[] = [];
before(async () => {
  lab = await makeLab('recovery');
});
after(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) process.kill(-c.pid!, 'SIGKILL');
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
const deadPid = () => spawnSync('true').pid!;
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function writeEntry(e: Partial<JournalEntry> & { driver: string; name: string }): Promise<void> {
  const dir = join(lab.stateDir, 'journal');
  await mkdir(dir, { recursive: true });
  const entry: JournalEntry = { id: randomUUID(), engine: 'docker-volume', dvdcliPath: DVDCLI_STANDIN, bridgePid: deadPid(), startedAt: new Date().toISOString(), phase: 'mounting', ...e };
  await writeFile(join(dir, `${entry.id}.json`), JSON.stringify(entry));
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
