// A Docker volume plugin answering well-formed JSON of the wrong shape (dvdi-bridge.md §4: Implements a list,
// Capabilities an object, Status.Mounts a list of caller IDs), through the fault-plugin stand-in in its own
// process. Junk is never read as "no user", and never passed on to clients against the protocol schema.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { bridgeProtocolValidators } from '@marathon-devtools/schema/validators';
import { createDryRunner } from '../../src/dryrun/runner';
import { BRIDGE_VERSION } from '../../src/server/version';
import { ctx, makeLab, mountsUnder, runnerConfig, startFault, type Lab, type Proc } from './harness';

let lab: Lab;
const procs: Proc[] = [];
beforeEach(async () => {
  lab = await makeLab('garbage');
});
afterEach(async () => {
  for (const p of procs.splice(0)) await p.stop();
  for (const m of (await mountsUnder(lab.root)).reverse()) spawnSync('umount', ['-l', m.split(' ')[0]]);
  await lab.cleanup();
});
const fault = async (driver: string, mode: string) => procs.push(await startFault(lab, driver, mode));
const fast = { mount: 1500, unmount: 3000, pluginCall: 800 };

describe('a plugin answering junk of the right syntax', () => {
  test('Status.Mounts that is not a list: the get step fails naming the plugin and the field; nothing is mounted', async () => {
    await fault('junkmounts', 'mounts-junk');
    const runner = await createDryRunner(runnerConfig(lab, { timeouts: fast }));
    try {
      const r = await runner.dryRunMount({ driver: 'junkmounts', name: 'v' }, ctx());
      assert.equal(r.verdict, 'failed', JSON.stringify(r.steps));
      const get = r.steps.find((s) => s.step === 'get')!;
      assert.equal(get.ok, false, JSON.stringify(r.steps));
      assert.match(get.detail!, /junkmounts\.sock .*Status\.Mounts/);
      assert.ok(!r.steps.some((s) => s.step === 'mount'), 'a caller list that cannot be read proves no one unused');
      assert.deepEqual(await mountsUnder(lab.root), []);
      assert.deepEqual(await readdir(join(lab.stateDir, 'journal')), []);
    } finally {
      await runner.close();
    }
  });

  test('Capabilities that is not an object, Implements that is not a list: bridge/info stays within the protocol and says what the plugin answered', async () => {
    await fault('junkcaps', 'caps-junk');
    await fault('junkactivate', 'activate-junk');
    const runner = await createDryRunner(runnerConfig(lab, { timeouts: fast }));
    try {
      const drivers = await runner.listDrivers();
      const info = { agent: 'test', version: BRIDGE_VERSION, engines: runner.engines(), drivers };
      assert.ok(bridgeProtocolValidators.bridgeInfoResult(info), JSON.stringify(bridgeProtocolValidators.bridgeInfoResult.errors) + JSON.stringify(drivers));
      const caps = drivers.find((d) => d.name === 'junkcaps')!.capabilities;
      assert.equal(caps.Scope, 'local', JSON.stringify(caps));
      assert.match(String(caps.error), /VolumeDriver\.Capabilities: .*"global"/, JSON.stringify(caps));
      const act = drivers.find((d) => d.name === 'junkactivate')!.capabilities;
      assert.match(String(act.error), /Implements "VolumeDriver"/, JSON.stringify(act));
    } finally {
      await runner.close();
    }
  });
});
