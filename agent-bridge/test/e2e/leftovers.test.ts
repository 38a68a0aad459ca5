// A mount a dry run could not release (the volume became in use while it was mounted: never torn from that user)
// is released as soon as nobody else uses it, without a restart: before the next dry run of the volume, and by the
// runner's periodic pass. Real rclone serve docker (FUSE), a real docker/volume checkpoint standing for the task.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DryRunnerConfig } from '../../src/dryrun/contract';
import { createDryRunner } from '../../src/dryrun/runner';
import { PluginClient } from '../../src/plugin/client';
import { discoverPlugin } from '../../src/plugin/discovery';
import { startServe } from '../serveProcess';
import { checksumTree, ctx, DVDCLI_STANDIN, fuseSkipReason, makeLab, mountsUnder, runnerConfig, seedData, startFault, startRclone, type Lab } from './harness';

describe('leftover mounts are released once nobody else uses them (rclone serve docker, real FUSE)', { skip: fuseSkipReason() }, () => {
  let lab: Lab;
  let rclone: Awaited<ReturnType<typeof startRclone>>;
  const task = () => join(lab.checkpoints.dockerVolume, 'task-1');
  const journal = async () => readdir(join(lab.stateDir, 'journal'));

  before(async () => {
    lab = await makeLab('leftovers');
    rclone = await startRclone(lab);
    const client = new PluginClient((await discoverPlugin('rclone', [lab.pluginDir]))!);
    for (const name of ['lv1', 'lv2', 'lv3', 'lv4']) {
      await seedData(join(lab.root, 'backing', name));
      await client.create(name, { type: 'local', path: join(lab.root, 'backing', name) }, { timeoutMs: 5000 });
    }
  });
  after(async () => {
    await rclone?.stop();
    await lab?.cleanup();
  });

  /** A dry run during which the agent starts a task on the volume (its docker/volume checkpoint appears once mounted). */
  async function leaveInUse(runner: Awaited<ReturnType<typeof createDryRunner>>, name: string) {
    const c = ctx();
    c.onProgress = (step, status) => {
      if (step === 'mount' && status === 'ok') {
        mkdirSync(task(), { recursive: true });
        writeFileSync(join(task(), 'volumes'), JSON.stringify({ volumes: [{ driver: 'rclone', name }] }));
      }
    };
    const r = await runner.dryRunMount({ driver: 'rclone', name }, c);
    assert.equal(r.verdict, 'in-use', JSON.stringify(r));
    assert.ok(r.warnings.some((w) => /NOT unmounted/.test(w)), JSON.stringify(r.warnings));
    assert.equal((await mountsUnder(lab.root)).filter((m) => m.includes(name)).length, 1, 'left mounted under the task');
    assert.equal((await journal()).length, 1);
  }

  test('the next dry run of the volume releases the leftover first, once the task is gone; while it is there, it says why not', async () => {
    const runner = await createDryRunner(runnerConfig(lab, { leftoverRetryMs: 0 }));
    await runner.recover();
    const sum = await checksumTree(join(lab.root, 'backing', 'lv1'));
    try {
      await leaveInUse(runner, 'lv1');
      const still = await runner.dryRunMount({ driver: 'rclone', name: 'lv1' }, ctx());
      assert.equal(still.verdict, 'in-use', JSON.stringify(still));
      const kept = still.steps.find((s) => s.step === 'leftover');
      assert.ok(kept && !kept.ok, JSON.stringify(still.steps));
      assert.match(kept.detail!, /left rclone\/lv1 mounted at .*cannot be released yet: now in use, or its use cannot be ruled out \(.*task-1/);
      assert.equal((await mountsUnder(lab.root)).filter((m) => m.includes('lv1')).length, 1, 'still mounted: the task uses it');

      await rm(task(), { recursive: true });
      const r = await runner.dryRunMount({ driver: 'rclone', name: 'lv1' }, ctx());
      assert.equal(r.verdict, 'mounted-and-released', JSON.stringify(r, null, 1));
      const released = r.steps.find((s) => s.step === 'leftover');
      assert.ok(released?.ok, JSON.stringify(r.steps));
      assert.match(released.detail!, /released the mount at .*lv1 an earlier dry run \(started .*\) left/);
      assert.deepEqual(await mountsUnder(lab.root), []);
      assert.deepEqual(await journal(), []);
      assert.equal(await checksumTree(join(lab.root, 'backing', 'lv1')), sum);
    } finally {
      await rm(task(), { recursive: true, force: true });
      await runner.close();
    }
  });

  test('a checkpoint that cannot be read when the mount is to be released keeps it mounted (no proof, no unmount), until it reads again', async () => {
    const runner = await createDryRunner(runnerConfig(lab, { leftoverRetryMs: 0 }));
    await runner.recover();
    try {
      const c = ctx();
      c.onProgress = (step, status) => {
        if (step === 'mount' && status === 'ok') {
          // A checkpoint being written as the task starts: it says nothing yet, so the task's use cannot be ruled out.
          mkdirSync(task(), { recursive: true });
          writeFileSync(join(task(), 'volumes'), '{"volumes": [');
        }
      };
      const r = await runner.dryRunMount({ driver: 'rclone', name: 'lv4' }, c);
      assert.equal(r.verdict, 'in-use', JSON.stringify(r));
      const recheck = r.steps.find((s) => s.step === 'in-use-recheck');
      assert.ok(recheck && !recheck.ok, JSON.stringify(r.steps));
      assert.match(recheck.detail!, /task-1\/volumes is not valid JSON .*cannot be ruled out/);
      assert.equal((await mountsUnder(lab.root)).filter((m) => m.includes('lv4')).length, 1, 'kept mounted: a task may use it');

      writeFileSync(join(task(), 'volumes'), JSON.stringify({ volumes: [{ driver: 'rclone', name: 'other' }] }));
      const again = await runner.dryRunMount({ driver: 'rclone', name: 'lv4' }, ctx());
      assert.equal(again.verdict, 'mounted-and-released', JSON.stringify(again, null, 1));
      assert.deepEqual(await mountsUnder(lab.root), []);
      assert.deepEqual(await journal(), []);
    } finally {
      await rm(task(), { recursive: true, force: true });
      await runner.close();
    }
  });

  test('with no further dry run, the periodic pass releases it once the task is gone, and logs it', async () => {
    const events: { level: string; event: string; fields: Record<string, unknown> }[] = [];
    const config: DryRunnerConfig = { ...runnerConfig(lab), leftoverRetryMs: 200, log: (level, event, fields) => void events.push({ level, event, fields }) };
    const runner = await createDryRunner(config);
    await runner.recover();
    try {
      await leaveInUse(runner, 'lv2');
      await new Promise((r) => setTimeout(r, 700)); // a few passes while the task uses it: kept, said once
      assert.equal((await mountsUnder(lab.root)).filter((m) => m.includes('lv2')).length, 1);
      assert.equal(events.filter((e) => e.event === 'leftover-kept').length, 1, JSON.stringify(events));
      await rm(task(), { recursive: true });
      const deadline = Date.now() + 10_000;
      while ((await journal()).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual(await journal(), []);
      assert.deepEqual(await mountsUnder(lab.root), []);
      const ev = events.find((e) => e.event === 'leftover-released');
      assert.ok(ev, JSON.stringify(events));
      assert.equal(ev.fields.name, 'lv2');
    } finally {
      await rm(task(), { recursive: true, force: true });
      await runner.close();
    }
  });

  test('dvdi-bridge serve --leftover-retry-ms: a leftover that appears while it serves is released and logged', async () => {
    const stateDir = join(lab.root, 'state-serve');
    const tokens = join(lab.root, 'tokens');
    await writeFile(tokens, `ops:${'b'.repeat(32)}\n`, { mode: 0o600 });
    const main = resolve(import.meta.dirname, '../../src/main.ts');
    const serve = await startServe(['--import', 'tsx', main, 'serve', '--listen', '127.0.0.1:0', '--token-file', tokens, '--state-dir', stateDir,
      '--engine', 'plugin', '--dvdcli', DVDCLI_STANDIN, '--plugin-dirs', lab.pluginDir, '--docker-volume-checkpoint-dir', lab.checkpoints.dockerVolume,
      '--dvdi-checkpoint-dir', lab.checkpoints.dvdiModule, '--docker-socket', 'none', '--leftover-retry-ms', '200']);
    try {
      // What a dry run that could not release leaves: its mount at the plugin, and its journal entry.
      const sock = join(lab.pluginDir, 'rclone.sock');
      const client = new PluginClient({ transport: 'unix', socketPath: sock, address: sock, source: 'test' });
      const mp = await client.mount('lv3', 'dvdi-bridge-left', { timeoutMs: 10_000 });
      await mkdir(join(stateDir, 'journal'), { recursive: true });
      const deadPid = spawnSync('true').pid!;
      await writeFile(join(stateDir, 'journal', 'left-3.json'), JSON.stringify({ id: 'left-3', driver: 'rclone', name: 'lv3', engine: 'plugin', pluginAddress: sock, mountId: 'dvdi-bridge-left', bridgePid: deadPid, startedAt: new Date().toISOString(), phase: 'mounted', mountpoint: mp, seenKernel: true }));
      assert.equal((await mountsUnder(lab.root)).filter((m) => m.includes('lv3')).length, 1);
      const deadline = Date.now() + 10_000;
      while (!serve.logs.some((l) => l.event === 'leftover-released') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const ev = serve.logs.find((l) => l.event === 'leftover-released');
      assert.ok(ev, JSON.stringify(serve.logs));
      assert.equal(ev.name, 'lv3');
      assert.deepEqual(await mountsUnder(lab.root), []);
      assert.deepEqual(await readdir(join(stateDir, 'journal')), []);
    } finally {
      serve.proc.kill('SIGTERM');
      assert.equal(await serve.exited, 0);
    }
  });
});

describe('a journal the next dry run cannot read', () => {
  test('the dry run fails at step leftover, naming the journal, and mounts nothing', async () => {
    const lab = await makeLab('leftover-journal');
    const fault = await startFault(lab, 'jf', 'ok');
    const stateDir = join(lab.root, 'state-jf');
    const runner = await createDryRunner(runnerConfig(lab, { stateDir, leftoverRetryMs: 0 }));
    try {
      await runner.recover();
      await rm(join(stateDir, 'journal'), { recursive: true });
      await writeFile(join(stateDir, 'journal'), 'not a directory');
      const events: string[] = [];
      const r = await runner.dryRunMount({ driver: 'jf', name: 'x' }, ctx(undefined, undefined, events));
      assert.equal(r.verdict, 'failed', JSON.stringify(r));
      assert.match(r.steps.find((s) => s.step === 'leftover')?.detail ?? '', /cannot read the journal in .*state-jf\/journal \(ENOTDIR/);
      assert.ok(!r.steps.some((s) => s.step === 'mount'), JSON.stringify(r.steps));
      assert.deepEqual(events.filter((e) => e.startsWith('leftover:')), ['leftover:started', 'leftover:failed']);
      assert.deepEqual(await mountsUnder(lab.root), []);
    } finally {
      await rm(join(stateDir, 'journal'), { force: true });
      await runner.close();
      await fault.stop();
      await lab.cleanup();
    }
  });
});
