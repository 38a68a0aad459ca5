/**
 * While startup recovery waits for a Mount a killed bridge sent to a live plugin (startupRecovery.ts), the volume
 * is locked under the plugin's identity, not the driver name the entry was journalled under: a dry run of that
 * volume through any other name of the plugin (a symlinked socket, a `.spec` naming its socket) answers `in-use`
 * saying it is being recovered, and mounts nothing (ARCHITECTURE.md: a plugin is one identity however it is named).
 * Real runner, the fault-plugin stand-in (`slow`) as the plugin.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createDryRunner } from '../../src/dryrun/runner';
import { Journal } from '../../src/journal/journal';
import { ctx, makeLab, mountsUnder, runnerConfig, startFault, type Lab, type Proc } from './harness';

let lab: Lab;
let plugin: Proc;

before(async () => {
  lab = await makeLab('recovery-aliases');
  plugin = await startFault(lab, 'slowa', 'slow', 60_000);
  await symlink(join(lab.pluginDir, 'slowa.sock'), join(lab.pluginDir, 'slowb.sock'));
  await writeFile(join(lab.pluginDir, 'slowc.spec'), `unix://${join(lab.pluginDir, 'slowa.sock')}\n`);
});
after(async () => {
  await plugin?.stop();
  for (const m of (await mountsUnder(lab.root)).reverse()) spawnSync('umount', ['-l', m.split(' ')[0]]);
  await lab.cleanup();
});

describe('a volume under startup recovery, dry-run through another name of its plugin', () => {
  it('answers in-use from the recovery lock through a symlinked socket and through a spec, in any letter case', async () => {
    const journal = new Journal(lab.stateDir);
    await journal.init();
    const dead = spawnSync('true').pid!;
    await journal.write({ id: 'killed-a', driver: 'slowa', name: 'Vol', engine: 'plugin', pluginAddress: join(lab.pluginDir, 'slowa.sock'), mountId: 'killed-a', bridgePid: dead, startedAt: new Date().toISOString(), phase: 'mounting' });
    const runner = await createDryRunner(runnerConfig(lab, { leftoverRetryMs: 0, log: () => undefined, timeouts: { mount: 5_000, unmount: 5_000, pluginCall: 5_000, lateMountGrace: 4_000 } }));
    const started = await runner.startRecovery();
    try {
      assert.deepEqual(started.pending(), [{ driver: 'slowa', name: 'Vol' }]);
      for (const driver of ['slowb', 'slowc', 'slowa']) {
        const r = await runner.dryRunMount({ driver, name: driver === 'slowa' ? 'vol' : 'Vol' }, ctx());
        assert.equal(r.verdict, 'in-use', `${driver}: ${JSON.stringify(r.steps)}`);
        assert.match(JSON.stringify(r.steps), /a killed bridge left/, driver);
      }
      assert.deepEqual(await mountsUnder(lab.root), []);
    } finally {
      await runner.close();
    }
  });
});

// A journalled driver no plugin answers to yet has no lock a dry run would share: were it judged behind the
// `not-found:` key, a plugin of that name appearing while recovery waits would be served, and mounted, beside a
// recovery that then judges and unmounts through it. So such an entry is judged before the bridge listens.
describe('a journalled driver whose plugin is not there at startup', () => {
  it('is judged before recovery lets the bridge listen, not behind a lock no dry run takes', async () => {
    const journal = new Journal(lab.stateDir);
    await journal.init();
    const dead = spawnSync('true').pid!;
    await journal.write({ id: 'killed-ghost', driver: 'ghost', name: 'Vol', engine: 'plugin', mountId: 'killed-ghost', bridgePid: dead, startedAt: new Date().toISOString(), phase: 'mounting' });
    const runner = await createDryRunner(runnerConfig(lab, { leftoverRetryMs: 0, log: () => undefined, timeouts: { mount: 5_000, unmount: 5_000, pluginCall: 5_000, lateMountGrace: 1_500 } }));
    try {
      const started = await runner.startRecovery();
      assert.deepEqual(started.pending().filter((p) => p.driver === 'ghost'), []);
      const report = await started.done;
      assert.equal([...report.released, ...report.notMounted, ...report.unverified, ...report.failed].filter((x) => x.driver === 'ghost').length, 1, JSON.stringify(report));
    } finally {
      await runner.close();
      await journal.clear('killed-ghost').catch(() => undefined);
    }
  });
});
