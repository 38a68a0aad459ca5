// Faults a real plugin cannot be made to produce on demand, through the fault-plugin stand-in (its own
// process, real bind mounts), plus cancellation and kill -9 of a bridge process followed by recover().
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { EngineName } from '../../src/dryrun/contract';
import { createDryRunner } from '../../src/dryrun/runner';
import { until } from '../server/harness';
import { ctx, makeLab, mountsUnder, runnerConfig, startFault, type Lab, type Proc } from './harness';

const here = import.meta.dirname;
let lab: Lab;
const procs: Proc[] = [];
// One lab per test: a test that fails with a mount or a journal entry left must not fail the tests after it.
beforeEach(async () => {
  lab = await makeLab('faults');
});
afterEach(async () => {
  for (const p of procs.splice(0)) await p.stop();
  // A failing test may leave a bind mount behind: never leave it on the machine (the tests assert on it first).
  for (const m of (await mountsUnder(lab.root)).reverse()) spawnSync('umount', ['-l', m.split(' ')[0]]);
  await lab.cleanup();
});

type LogLine = { level: string; event: string } & Record<string, unknown>;
function logSink(lines: LogLine[]) {
  return (level: string, event: string, fields: Record<string, unknown>) => void lines.push({ level, event, ...fields });
}

async function fault(driver: string, mode: string, delay?: number) {
  const p = await startFault(lab, driver, mode, delay);
  procs.push(p);
  return p;
}
const journal = () => readdir(join(lab.stateDir, 'journal'));
const fast = { mount: 1500, unmount: 3000, pluginCall: 800 };

describe('faults', () => {
  test('hang: every engine gives up at its own timeout, kills dvdcli, leaves nothing', async () => {
    await fault('hangall', 'hang');
    await fault('hangmnt', 'hang-mount');
    const lines: LogLine[] = [];
    const runner = await createDryRunner(runnerConfig(lab, { timeouts: { ...fast, lateMountGrace: 1000 }, log: logSink(lines) }));
    const a = await runner.dryRunMount({ driver: 'hangall', name: 'v' }, ctx());
    assert.equal(a.verdict, 'failed');
    assert.match(a.steps.find((s) => s.step === 'activate')!.detail!, /within 800 ms/);
    for (const engine of ['docker-volume', 'dvdi-module', 'plugin'] as EngineName[]) {
      const t0 = Date.now();
      const r = await runner.dryRunMount({ driver: 'hangmnt', name: `v-${engine}`, engine }, ctx());
      assert.equal(r.verdict, 'failed', engine);
      assert.match(r.steps.find((s) => s.step === 'mount')!.detail!, /timed out|within 1500 ms/);
      assert.ok(Date.now() - t0 < 8000, `${engine} took ${Date.now() - t0} ms`);
      // A hung Mount may still complete: the runner watches for it instead of forgetting the volume.
      assert.ok(r.warnings.some((w) => /late-mount sweep/.test(w)), JSON.stringify(r.warnings));
    }
    // The plugin never mounts: each sweep ends with its window, clears its entry and says so.
    await until(async () => lines.filter((l) => l.event === 'late-mount-sweep').length === 3, 5000, 'three late-mount sweeps to end');
    assert.deepEqual(lines.map((l) => l.outcome), ['nothing-mounted', 'nothing-mounted', 'nothing-mounted']);
    assert.deepEqual(await journal(), []);
    const ps = await new Promise<string>((res) => {
      let out = '';
      const c = spawn('ps', ['-eo', 'args']);
      c.stdout.on('data', (d) => (out += d));
      c.on('close', () => res(out));
    });
    assert.ok(!/standins\/dvdcli mount --volumedriver=hangmnt/.test(ps), 'a dvdcli outlived its timeout');
    assert.deepEqual(await mountsUnder(lab.root), []);
    await runner.close();
  });

  test('hung plugins: bridge/info (listDrivers) waits one plugin timeout, not one per hung plugin', async () => {
    for (const d of ['hung1', 'hung2', 'hung3', 'hung4']) await fault(d, 'hang');
    const runner = await createDryRunner(runnerConfig(lab, { timeouts: fast }));
    const t0 = Date.now();
    const drivers = await runner.listDrivers();
    const ms = Date.now() - t0;
    const hung = drivers.filter((d) => d.name.startsWith('hung'));
    assert.deepEqual(hung.map((d) => d.name).sort(), ['hung1', 'hung2', 'hung3', 'hung4']);
    for (const d of hung) assert.match(String(d.capabilities.error), /Plugin\.Activate: no answer .* within 800 ms/, JSON.stringify(d));
    // In sequence four hung plugins take 4 × 800 ms; asked at once, about one timeout.
    assert.ok(ms < 3 * fast.pluginCall, `listDrivers took ${ms} ms for four hung plugins`);
    await runner.close();
  });

  test('get-junk: a Get answering a Volume that is no volume fails the get step naming the plugin, mounts nothing', async () => {
    await fault('junkget', 'get-junk');
    const runner = await createDryRunner(runnerConfig(lab, { timeouts: fast }));
    for (const engine of ['docker-volume', 'plugin'] as EngineName[]) {
      const r = await runner.dryRunMount({ driver: 'junkget', name: `v-${engine}`, engine }, ctx());
      assert.equal(r.verdict, 'failed', JSON.stringify(r));
      const get = r.steps.find((s) => s.step === 'get')!;
      assert.equal(get.ok, false, JSON.stringify(r.steps));
      assert.match(get.detail!, /VolumeDriver\.Get "v-[a-z-]+": plugin at .*junkget\.sock answered a Volume that is not a volume .*"Mountpoint":7/);
      assert.doesNotMatch(JSON.stringify(r), /is not a function|Cannot read properties/);
      assert.ok(!r.steps.some((s) => s.step === 'mount'), 'nothing is mounted on a plugin whose Get cannot be read');
    }
    assert.deepEqual(await mountsUnder(lab.root), []);
    assert.deepEqual(await journal(), []);
    await runner.close();
  });

  test('stale socket: refused connection reported at activate, no dvdcli 15 s wait', async () => {
    await fault('stale', 'stale');
    const runner = await createDryRunner(runnerConfig(lab));
    const t0 = Date.now();
    const r = await runner.dryRunMount({ driver: 'stale', name: 'v', engine: 'docker-volume' }, ctx());
    assert.equal(r.verdict, 'failed');
    assert.match(r.steps.find((s) => s.step === 'activate')!.detail!, /ECONNREFUSED/);
    assert.ok(Date.now() - t0 < 2000);
  });

  for (const engine of ['docker-volume', 'dvdi-module', 'plugin'] as EngineName[]) {
    test(`${engine}: 500 with Err, empty mountpoint, crash mid-mount → failed, nothing mounted, journal empty`, async () => {
      const tag = engine.replace('-', '');
      await fault(`err${tag}`, 'error500');
      await fault(`empty${tag}`, 'empty');
      await fault(`crash${tag}`, 'crash');
      const runner = await createDryRunner(runnerConfig(lab, { timeouts: fast }));
      const e = await runner.dryRunMount({ driver: `err${tag}`, name: 'v', engine }, ctx());
      assert.equal(e.verdict, 'failed');
      assert.match(e.steps.find((s) => s.step === 'mount')!.detail!, /backend exploded/);
      const m = await runner.dryRunMount({ driver: `empty${tag}`, name: 'v', engine }, ctx());
      assert.equal(m.verdict, 'failed');
      assert.match(m.steps.find((s) => s.step === 'mount')!.detail!, /empty/i);
      const c = await runner.dryRunMount({ driver: `crash${tag}`, name: 'v', engine }, ctx());
      assert.equal(c.verdict, 'failed', JSON.stringify(c));
      assert.deepEqual(await mountsUnder(lab.root), []);
      assert.deepEqual(await journal(), []);
    });
  }

  // The cleanup of a mount the plugin left after its error is a real unmount (a cloud volume's detach), given the
  // unmount's timeout, not a plugin call's: with the call's, a detach slower than it left the mount for later.
  test('plugin: a mount left after an error whose Unmount takes longer than a plugin call is still released at once', async () => {
    await fault('merrslow', 'mount-err-slow-unmount', 1500);
    const runner = await createDryRunner(runnerConfig(lab, { timeouts: { mount: 1500, unmount: 6000, pluginCall: 800 } }));
    try {
      const r = await runner.dryRunMount({ driver: 'merrslow', name: 'v', engine: 'plugin' }, ctx());
      assert.equal(r.verdict, 'failed', JSON.stringify(r));
      assert.ok(r.steps.some((s) => s.step === 'verify-released' && s.ok), JSON.stringify(r.steps));
      assert.deepEqual(await mountsUnder(lab.root), [], `the plugin's mount was left behind: ${JSON.stringify(r)}`);
      assert.deepEqual(await journal(), []);
    } finally {
      await runner.close();
    }
  });

  for (const engine of ['docker-volume', 'dvdi-module', 'plugin'] as EngineName[]) {
    test(`${engine}: a plugin that mounts and then answers an error: the mount it left is released, not forgotten`, async () => {
      const driver = `merr${engine.replace('-', '')}`;
      await fault(driver, 'mount-err');
      const runner = await createDryRunner(runnerConfig(lab, { timeouts: fast }));
      try {
        const r = await runner.dryRunMount({ driver, name: 'v', engine }, ctx());
        assert.equal(r.verdict, 'failed', JSON.stringify(r));
        assert.match(r.steps.find((s) => s.step === 'mount')!.detail!, /mounted, then failed/);
        assert.deepEqual(await mountsUnder(lab.root), [], `the plugin's mount was left behind: ${JSON.stringify(r)}`);
        assert.ok(r.steps.some((s) => s.step === 'verify-released' && s.ok), JSON.stringify(r.steps));
        assert.ok(r.warnings.some((w) => /answered the mount with an error/i.test(w)), JSON.stringify(r.warnings));
        assert.deepEqual(await journal(), []);
      } finally {
        await runner.close();
      }
    });
  }

  test('slow mount succeeds and its time shows in the mount step', async () => {
    await fault('slow', 'slow', 700);
    const runner = await createDryRunner(runnerConfig(lab));
    const r = await runner.dryRunMount({ driver: 'slow', name: 'v', engine: 'docker-volume' }, ctx());
    assert.equal(r.verdict, 'mounted-and-released', JSON.stringify(r));
    assert.ok(r.steps.find((s) => s.step === 'mount')!.ms >= 700);
    assert.deepEqual(await mountsUnder(lab.root), []);
  });

  for (const engine of ['docker-volume', 'plugin'] as EngineName[]) {
    test(`${engine}: a mount that finishes after the mount timeout is released by the late-mount sweep`, async () => {
      const driver = `late${engine.replace('-', '')}`;
      await fault(driver, 'slow', 1500);
      const lines: LogLine[] = [];
      const runner = await createDryRunner(runnerConfig(lab, { timeouts: { mount: 700, unmount: 3000, pluginCall: 800 }, log: logSink(lines) }));
      const r = await runner.dryRunMount({ driver, name: 'v', engine }, ctx());
      assert.equal(r.verdict, 'failed', JSON.stringify(r));
      assert.match(r.steps.find((s) => s.step === 'mount')!.detail!, /timed out|within 700 ms/);
      assert.ok(r.warnings.some((w) => /late-mount sweep/.test(w)), JSON.stringify(r.warnings));
      // The entry stays while the plugin may still be mounting, and the volume stays locked against a new dry run.
      assert.equal((await journal()).length, 1);
      const again = await runner.dryRunMount({ driver, name: 'v', engine }, ctx());
      assert.equal(again.verdict, 'in-use');
      assert.match(again.steps.find((s) => s.step === 'lock')!.detail!, /late-mount sweep/);
      // The plugin finishes the mount (a real bind mount) after the bridge gave up; the sweep releases it.
      await until(async () => lines.some((l) => l.event === 'late-mount-sweep'), 8000, 'the late-mount sweep to end');
      assert.deepEqual(await mountsUnder(lab.root), []);
      const end = lines.find((l) => l.event === 'late-mount-sweep')!;
      assert.equal(end.outcome, 'released', JSON.stringify(end));
      assert.equal(end.level, 'info');
      assert.match(String(end.mountpoint), /mnt\/v$/);
      assert.deepEqual(await journal(), []);
      await runner.close();
    });
  }

  test('close() cancels a late-mount sweep and leaves the entry; recover() at the next start releases the late mount', async () => {
    await fault('latec', 'slow', 2000);
    const lines: LogLine[] = [];
    const config = runnerConfig(lab, { timeouts: { mount: 600, unmount: 3000, pluginCall: 800 }, log: logSink(lines) });
    const runner = await createDryRunner(config);
    const r = await runner.dryRunMount({ driver: 'latec', name: 'v', engine: 'docker-volume' }, ctx());
    assert.equal(r.verdict, 'failed');
    const t0 = Date.now();
    await runner.close();
    assert.ok(Date.now() - t0 < 1000, `close() waited ${Date.now() - t0} ms for a sweep`);
    assert.deepEqual(lines.map((l) => [l.event, l.outcome]), [['late-mount-sweep', 'cancelled']]);
    assert.equal(lines[0].level, 'warn');
    assert.equal((await journal()).length, 1);
    // The plugin completes the mount nobody is watching any more; the restarted bridge finds it in the journal.
    // The plugin's own 2 s delay, plus whatever a loaded CI machine adds: a bound, not a timing assertion.
    await until(async () => (await mountsUnder(lab.root)).length === 1, 20000, 'the plugin to finish the mount');
    const next = await createDryRunner({ ...config, log: logSink([]) });
    const rep = await next.recover();
    assert.deepEqual(rep.failed, []);
    assert.deepEqual(rep.released.map((x) => x.name), ['v']);
    assert.deepEqual(await mountsUnder(lab.root), []);
    assert.deepEqual(await journal(), []);
    await next.close();
  });

  test('cancel mid-mount: the mount finishes, is unmounted, verdict failed', async () => {
    await fault('slowc', 'slow', 800);
    const runner = await createDryRunner(runnerConfig(lab));
    const ac = new AbortController();
    const events: string[] = [];
    const c = ctx(undefined, ac.signal, events);
    const orig = c.onProgress;
    c.onProgress = (step, status) => {
      orig(step, status);
      if (step === 'mount' && status === 'started') setTimeout(() => ac.abort(), 100);
    };
    const r = await runner.dryRunMount({ driver: 'slowc', name: 'v', engine: 'plugin' }, c);
    assert.equal(r.verdict, 'failed');
    assert.ok(r.steps.some((s) => s.step === 'unmount' && s.ok));
    assert.ok(r.warnings.some((w) => /cancelled/.test(w)));
    assert.deepEqual(await mountsUnder(lab.root), []);
    assert.deepEqual(await journal(), []);
  });

  for (const [engine, killAt] of [['plugin', 'mount:started'], ['docker-volume', 'mount:started'], ['dvdi-module', 'verify:started'], ['plugin', 'verify:started']] as const) {
    test(`kill -9 of a bridge at ${killAt} (${engine}), then recover(): nothing left mounted`, async () => {
      const driver = `k${engine.replace('-', '')}${killAt.split(':')[0]}`;
      await fault(driver, 'slow', 600);
      // recover() waits (bounded by the grace window) for a Mount that may still be in flight at the plugin.
      const config = runnerConfig(lab, { timeouts: { mount: 3000, unmount: 3000, pluginCall: 1000, lateMountGrace: 1500 } });
      const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'crashRunner.ts'), JSON.stringify(config), JSON.stringify({ driver, name: 'v', engine })], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve, reject) => {
        let buf = '';
        child.stdout!.on('data', (d: Buffer) => {
          buf += d.toString();
          if (buf.includes(killAt)) {
            child.kill('SIGKILL');
            resolve();
          }
        });
        child.once('exit', () => reject(new Error(`runner exited before ${killAt}: ${buf}`)));
      });
      await new Promise((r) => child.once('exit', r));
      // One entry; a kill during a detail update (not fsync'd, atomic rename) may leave its .tmp beside it,
      // which recover() deletes (the final assertion checks the directory is empty).
      assert.equal((await journal()).filter((f) => f.endsWith('.json')).length, 1, String(await journal()));
      // Let a mount the plugin was still performing finish, as it would while the bridge restarts.
      await new Promise((r) => setTimeout(r, 900));
      // Killed during verify, the predecessor really left a kernel mount behind, so recover() has work to do.
      if (killAt === 'verify:started') assert.equal((await mountsUnder(lab.root)).length, 1);
      const runner = await createDryRunner(config);
      const rep = await runner.recover();
      assert.deepEqual(rep.failed, []);
      assert.deepEqual(rep.unverified, []);
      // Killed as the mount step started, the Mount may not have been sent: then nothing was mounted, and the
      // report says so instead of claiming a release. Killed during verify, the mount was there and is released.
      const handled = [...rep.released, ...rep.notMounted];
      assert.deepEqual(handled.map((x) => x.name), ['v'], JSON.stringify(rep));
      if (killAt === 'verify:started') assert.equal(rep.released.length, 1, JSON.stringify(rep));
      assert.deepEqual(await mountsUnder(lab.root), []);
      assert.deepEqual(await journal(), []);
    });
  }
});
