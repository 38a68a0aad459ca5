/**
 * A dvdcli that dies of a signal the bridge did not send (the OOM killer's SIGKILL, an operator's kill) after its Mount
 * reached the plugin: the plugin may still finish that Mount, so its outcome is unknown, as after a timeout. The
 * docker/volume isolator execs dvdcli itself and sees the signal; mesos-module-dvdi runs it under `sh -c`
 * (dvdi-bridge.md §1.3), and sh reports the death as exit status 128+N. Read as a refusal of dvdcli's own (which exits
 * only 0, 1 or 2: dvdi-bridge.md §3.1), the bridge cleared the journal entry and let go of the volume while the plugin was
 * still mounting it, and the mount that landed a moment later was nobody's to release.
 * Real processes (the dvdcli stand-in, the fault-plugin stand-in in `slow` mode, real bind mounts); the test kills the
 * dvdcli child itself, by its pid, once the plugin has the Mount.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { EngineName } from '../../src/dryrun/contract';
import { createDryRunner } from '../../src/dryrun/runner';
import { until } from '../server/harness';
import { ctx, makeLab, mountsUnder, runnerConfig, startFault, type Lab, type Proc } from './harness';

let lab: Lab;
const procs: Proc[] = [];
beforeEach(async () => {
  lab = await makeLab('dvdcli-killed');
});
afterEach(async () => {
  for (const p of procs.splice(0)) await p.stop();
  for (const m of (await mountsUnder(lab.root)).reverse()) spawnSync('umount', ['-l', m.split(' ')[0]]);
  await lab.cleanup();
});

/** The pid of the dvdcli stand-in running `mount` for `driver` (not the module's sh around it), if it runs. */
async function dvdcliMounting(driver: string): Promise<number | undefined> {
  for (const pid of (await readdir('/proc')).filter((n) => /^\d+$/.test(n))) {
    const argv = await readFile(`/proc/${pid}/cmdline`, 'utf8').then((t) => t.split('\0'), () => [] as string[]);
    if (argv.includes('mount') && argv.includes(`--volumedriver=${driver}`)) return Number(pid);
  }
  return undefined;
}

describe('a dvdcli killed by a signal while its Mount is in flight at the plugin', () => {
  // 37 is SIGRTMIN+3 on Linux, a real-time signal (default action: terminate) that node's signal table does not name:
  // sh's exit 165 was read as dvdcli's own refusal.
  const cases: [EngineName, NodeJS.Signals | number][] = [['docker-volume', 'SIGKILL'], ['dvdi-module', 'SIGKILL'], ['dvdi-module', 37]];
  for (const [engine, signal] of cases) {
    test(`${engine}, ${signal}: the outcome is unknown, so the late-mount sweep keeps the volume and releases the mount that lands`, async () => {
      const driver = `oom${engine.replace('-', '')}${signal === 'SIGKILL' ? '' : signal}`;
      const plugin = await startFault(lab, driver, 'slow', 2500);
      procs.push(plugin);
      const lines: { event: string; outcome?: string }[] = [];
      const runner = await createDryRunner(runnerConfig(lab, { timeouts: { mount: 15_000, unmount: 5000, pluginCall: 2000, lateMountGrace: 10_000 }, log: (_l, event, f) => void lines.push({ event, ...f }) }));
      try {
        const run = runner.dryRunMount({ driver, name: 'v', engine }, ctx());
        const calls = () => readFile(join(plugin.stateDir, 'calls.log'), 'utf8').catch(() => '');
        await until(async () => (await calls()).includes('VolumeDriver.Mount v\n'), 10_000, 'the Mount to reach the plugin');
        const pid = await dvdcliMounting(driver);
        assert.ok(pid, 'no dvdcli mounting');
        process.kill(pid, signal);
        const r = await run;
        assert.equal(r.verdict, 'failed', JSON.stringify(r));
        assert.ok(r.warnings.some((w) => /late-mount sweep/.test(w)), `the volume was let go while the plugin was still mounting it: ${JSON.stringify(r)}`);
        assert.match(r.steps.find((s) => s.step === 'mount')!.detail!, signal === 'SIGKILL' ? /SIGKILL/ : /killed by signal 37 \(sh's exit 165\)/);
        // The plugin finishes the Mount (a real bind mount) after dvdcli died; the sweep releases it.
        await until(async () => lines.some((l) => l.event === 'late-mount-sweep'), 15_000, 'the late-mount sweep to end');
        assert.equal(lines.find((l) => l.event === 'late-mount-sweep')!.outcome, 'released', JSON.stringify(lines));
        assert.deepEqual(await mountsUnder(lab.root), []);
        assert.deepEqual(await readdir(join(lab.stateDir, 'journal')), []);
      } finally {
        await runner.close();
      }
    });
  }
});
