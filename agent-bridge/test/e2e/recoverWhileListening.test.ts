/**
 * `dvdi-bridge serve` on an agent's plugin (the fault-plugin stand-in, `slow`: its Mount lands 15 s after it was
 * sent), SIGKILLed while a dry run's Mount is in flight there, then restarted on the same state dir. That Mount can
 * still land (the plugin is alive), so recovery must keep waiting for it and keep the volume locked and journalled
 * until it is judged, but the rest of the bridge must not wait with it: the restart listens within seconds, a dry
 * run of that volume answers `in-use` at once saying why, and when the Mount lands recovery releases it. A SIGTERM
 * during that wait stops the bridge at once and leaves the entry for the next start. Real serve and dry-run
 * processes (the bundle: `npm run build` first), real mounts made by the stand-in plugin.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { needsBundle } from '../server/lockTestBed';
import { makeLab, mountsUnder, startFault, type Lab, type Proc } from './harness';
import { dryRun, journalEntries, killWhenMounting, startBridge, tokenFileIn, waitFor, type Bridge } from './serveKillBed';

const MOUNT_MS = 15_000;
/** Well below MOUNT_MS: a restart that waited for the Mount in flight could not listen this early. */
const LISTEN_BOUND_MS = 7_000;

let lab: Lab;
let plugin: Proc;
let tokens: string;
const live: Bridge[] = [];
const flags = () => ['--plugin-dirs', lab.pluginDir, '--engine', 'plugin', '--no-docker-volume-isolator', '--no-dvdi-module', '--docker-socket', 'none'];

before(async () => {
  lab = await makeLab('recover-listening');
  plugin = await startFault(lab, 'slowrl', 'slow', MOUNT_MS);
  tokens = await tokenFileIn(lab.root);
});
after(async () => {
  for (const b of live) if (b.proc.exitCode === null && b.proc.signalCode === null) b.proc.kill('SIGKILL');
  await plugin?.stop();
  for (const m of (await mountsUnder(lab.root)).reverse()) spawnSync('umount', ['-l', m.split(' ')[0]]);
  await lab.cleanup();
});

/** A bridge killed with -9 while its Mount of `v` is in flight at the slow plugin. */
async function killedMidMount(): Promise<void> {
  for (const x of live) if (x.proc.exitCode === null && x.proc.signalCode === null) x.proc.kill('SIGKILL'), await x.exited; // a failed test's
  const b = await startBridge(lab.stateDir, tokens, 20_000, flags());
  live.push(b);
  const kill = killWhenMounting(b.proc, lab.stateDir, 1_000); // the Mount has reached the plugin by then
  const client = dryRun(b.url, tokens, 'v', 'slowrl');
  assert.ok(await waitFor(() => b.proc.signalCode === 'SIGKILL', 20_000), 'the dry run never reached its Mount');
  kill.stop();
  await b.exited;
  await client.done;
  assert.deepEqual((await journalEntries(lab.stateDir)).map((e) => e.phase), ['mounting']);
}

describe('a restarted serve while a Mount the killed one sent is still in flight at a live plugin', { skip: needsBundle }, () => {
  it('listens at once, refuses only that volume until the Mount lands, then releases it', async () => {
    await killedMidMount();
    const b = await startBridge(lab.stateDir, tokens, 3 * MOUNT_MS, flags());
    live.push(b);
    assert.ok(b.listenMs < LISTEN_BOUND_MS, `listening after ${b.listenMs} ms; log: ${JSON.stringify(b.logs)}`);
    assert.ok(!b.logs.some((l) => l.event === 'recovered'), `recovery was over before the Mount landed: ${JSON.stringify(b.logs)}`);

    const t0 = Date.now();
    const refused = await dryRun(b.url, tokens, 'v', 'slowrl').done;
    assert.ok(Date.now() - t0 < LISTEN_BOUND_MS, 'the dry run of the volume under recovery waited');
    assert.equal(refused.code, 1, refused.out);
    assert.match(refused.out, /"verdict": ?"in-use"/, refused.out);
    assert.match(refused.out, /a killed bridge left/, refused.out);
    assert.deepEqual((await journalEntries(lab.stateDir)).map((e) => e.name), ['v'], 'the entry stays while its Mount may land');

    assert.ok(await waitFor(() => b.logs.some((l) => l.event === 'recovered'), 2 * MOUNT_MS), `no "recovered" line: ${JSON.stringify(b.logs)}`);
    const rep = b.logs.find((l) => l.event === 'recovered')!;
    assert.deepEqual(rep.released.map((r: { name: string }) => r.name), ['v'], JSON.stringify(rep));
    assert.deepEqual(await mountsUnder(lab.root), []);
    assert.deepEqual(await journalEntries(lab.stateDir), []);
    b.proc.kill('SIGTERM');
    await b.exited;
  });

  it('a SIGTERM while recovery waits stops the bridge at once; the entry stays for the next start, which releases it', async () => {
    await killedMidMount();
    const b = await startBridge(lab.stateDir, tokens, 3 * MOUNT_MS, flags());
    live.push(b);
    const t0 = Date.now();
    b.proc.kill('SIGTERM');
    await b.exited;
    assert.ok(Date.now() - t0 < 5_000, `SIGTERM took ${Date.now() - t0} ms`);
    assert.equal(b.proc.exitCode, 0, JSON.stringify(b.logs));
    assert.deepEqual((await journalEntries(lab.stateDir)).map((e) => e.name), ['v'], 'the entry of a Mount not yet judged is kept');

    const next = await startBridge(lab.stateDir, tokens, 3 * MOUNT_MS, flags());
    live.push(next);
    assert.ok(await waitFor(() => next.logs.some((l) => l.event === 'recovered'), 2 * MOUNT_MS), `no "recovered" line: ${JSON.stringify(next.logs)}`);
    const rep = next.logs.find((l) => l.event === 'recovered')!;
    assert.deepEqual([rep.failed, rep.unverified], [[], []], JSON.stringify(rep));
    assert.deepEqual(await mountsUnder(lab.root), [], JSON.stringify(rep));
    assert.deepEqual(await journalEntries(lab.stateDir), []);
    next.proc.kill('SIGTERM');
    await next.exited;
  });
});
