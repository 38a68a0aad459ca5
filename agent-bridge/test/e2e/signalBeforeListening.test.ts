/**
 * A stop signal while `dvdi-bridge serve` is still starting: here while its startup recovery waits (up to 2 s before
 * it listens) for a Mount a killed bridge sent to a plugin that is still alive. serve.ts promises SIGTERM, SIGINT
 * and SIGHUP a graceful stop (state dir lock given back, `stopped` logged, exit 0), and docs/dvdi-bridge.md says a
 * stop during that wait ends it without judging, the entry kept for the next start. The signal is sent once the
 * bridge holds its state dir (bridge.lock), before any `listening` line. Real processes: the bundled serve
 * (`npm run build` first) and the fault-plugin stand-in.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Journal } from '../../src/journal/journal';
import { BRIDGE_BUNDLE, needsBundle } from '../server/lockTestBed';
import { makeLab, mountsUnder, startFault, type Lab, type Proc } from './harness';
import { journalEntries, tokenFileIn, waitFor } from './serveKillBed';

let lab: Lab;
let plugin: Proc;
let tokens: string;

before(async () => {
  lab = await makeLab('signal-recovery');
  plugin = await startFault(lab, 'alive', 'slow', 60_000);
  tokens = await tokenFileIn(lab.root);
});
after(async () => {
  await plugin?.stop();
  for (const m of (await mountsUnder(lab.root)).reverse()) spawnSync('umount', ['-l', m.split(' ')[0]]);
  await lab.cleanup();
});

describe('a stop signal while serve recovers, before it listens', { skip: needsBundle }, () => {
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    it(`${signal}: a graceful stop, exit 0, no listening line, the entry kept`, async () => {
      // What a bridge killed with a Mount in flight at a live plugin leaves: its pid (exited), phase `mounting`.
      const journal = new Journal(lab.stateDir);
      await journal.init();
      const dead = spawnSync('true').pid!;
      await journal.write({ id: `killed-${signal}`, driver: 'alive', name: 'v', engine: 'plugin', pluginAddress: join(lab.pluginDir, 'alive.sock'), mountId: `killed-${signal}`, bridgePid: dead, startedAt: new Date().toISOString(), phase: 'mounting' });

      const flags = ['--plugin-dirs', lab.pluginDir, '--engine', 'plugin', '--no-docker-volume-isolator', '--no-dvdi-module', '--docker-socket', 'none'];
      const p = spawn(process.execPath, [BRIDGE_BUNDLE, 'serve', '--listen', '127.0.0.1:0', '--token-file', tokens, '--state-dir', lab.stateDir, ...flags], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      p.stdout.on('data', (d: Buffer) => (out += d.toString()));
      p.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const exited = new Promise<[number | null, string | null]>((r) => p.once('exit', (c, s) => r([c, s])));
      assert.ok(await waitFor(() => existsSync(join(lab.stateDir, 'bridge.lock')), 10_000), `serve never took its state dir: ${err}`);
      await new Promise((r) => setTimeout(r, 100)); // into the recovery's wait (2 s before it would listen)
      assert.equal(out, '', 'serve listened before the signal: this test sends it during startup');
      p.kill(signal);
      const [code, killedBy] = await exited;
      assert.deepEqual([code, killedBy], [0, null], `ended by ${killedBy ?? `exit ${code}`}; stderr: ${err}`);
      assert.match(err, /"event":"stopped"/);
      assert.equal(out, '', 'a bridge told to stop while starting still said it was listening');
      assert.deepEqual((await journalEntries(lab.stateDir)).map((e) => e.id), [`killed-${signal}`], 'the entry of a Mount not yet judged is kept');
      assert.ok(!existsSync(join(lab.stateDir, 'bridge.lock')), 'the state dir lock was not given back');
      await journal.clear(`killed-${signal}`);
    });
  }
});
