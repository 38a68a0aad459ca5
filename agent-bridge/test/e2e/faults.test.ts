// Faults a real plugin cannot be made to produce on demand, through the fault-plugin stand-in (its own
// process, real bind mounts), plus cancellation and kill -9 of a bridge process followed by recover().
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { EngineName } from '../../src/dryrun/contract';
import { createDryRunner } from '../../src/dryrun/runner';
import { ctx, makeLab, mountsUnder, runnerConfig, startFault, type Lab, type Proc } from './harness';

const here = import.meta.dirname;
let lab: Lab;
const procs: Proc[] = [];
before(async () => {
  lab = await makeLab('faults');
});
after(async () => {
  for (const p of procs) await p.stop();
  await lab.cleanup();
});

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
    const runner = await createDryRunner(runnerConfig(lab, { timeouts: fast }));
    const a = await runner.dryRunMount({ driver: 'hangall', name: 'v' }, ctx());
    assert.equal(a.verdict, 'failed');
    assert.match(a.steps.find((s) => s.step === 'activate')!.detail!, /within 800 ms/);
    for (const engine of ['docker-volume', 'dvdi-module', 'plugin'] as EngineName[]) {
      const t0 = Date.now();
      const r = await runner.dryRunMount({ driver: 'hangmnt', name: `v-${engine}`, engine }, ctx());
      assert.equal(r.verdict, 'failed', engine);
      assert.match(r.steps.find((s) => s.step === 'mount')!.detail!, /timed out|within 1500 ms/);
      assert.ok(Date.now() - t0 < 8000, `${engine} took ${Date.now() - t0} ms`);
    }
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

  test('slow mount succeeds and its time shows in the mount step', async () => {
    await fault('slow', 'slow', 700);
    const runner = await createDryRunner(runnerConfig(lab));
    const r = await runner.dryRunMount({ driver: 'slow', name: 'v', engine: 'docker-volume' }, ctx());
    assert.equal(r.verdict, 'mounted-and-released', JSON.stringify(r));
    assert.ok(r.steps.find((s) => s.step === 'mount')!.ms >= 700);
    assert.deepEqual(await mountsUnder(lab.root), []);
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
      const config = runnerConfig(lab);
      const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'crash-runner.ts'), JSON.stringify(config), JSON.stringify({ driver, name: 'v', engine })], { stdio: ['ignore', 'pipe', 'inherit'] });
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
      assert.equal(rep.released.length, 1);
      assert.equal(rep.released[0].name, 'v');
      assert.deepEqual(await mountsUnder(lab.root), []);
      assert.deepEqual(await journal(), []);
    });
  }
});
