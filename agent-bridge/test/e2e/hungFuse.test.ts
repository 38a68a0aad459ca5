// A real FUSE mount that hangs: `rclone mount :http:` pointed at a local TCP server that accepts and never
// answers. The mount itself succeeds (rclone needs no network for it) and stat of the root answers, but listing it
// blocks in the kernel until rclone's 5-minute HTTP timeout. The fault plugin (mode ok) bind-mounts such a mount
// as each volume's mountpoint: one rclone process per volume, because `rclone serve docker` itself stops
// answering once two of its own volumes are wedged (its Unmount hangs), which would test rclone, not us. Five such dry runs at once
// must each fail verify with a timeout and must not wedge the bridge: with the listing done on libuv's threadpool
// (4 threads) the pool would be gone and the next dry run's journal write would never return.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DryRunner } from '../../src/dryrun/contract';
import { createDryRunner } from '../../src/dryrun/runner';
import { MOUNTINFO_PATH, parseMountinfo } from '../../src/inuse/mountinfo';
import { connect, startHarness, type Harness } from '../server/harness';
import { fuseSkipReason, makeLab, mountsUnder, runnerConfig, startFault, within, type Lab } from './harness';

const skip = fuseSkipReason();
const HUNG = ['hung0', 'hung1', 'hung2', 'hung3', 'hung4'];
const VERIFY_TIMEOUT = 1500;

describe('hung FUSE mounts (rclone http remote that never answers)', { skip }, () => {
  let lab: Lab;
  let fault: Awaited<ReturnType<typeof startFault>>;
  const rclones: ChildProcess[] = [];
  let runner: DryRunner;
  let h: Harness;
  let blackhole: Server;
  const held = new Set<Socket>();

  before(async () => {
    lab = await makeLab('hungfuse');
    blackhole = createServer((s) => {
      held.add(s);
      s.on('error', () => {});
      s.resume(); // read the request, never answer
    });
    await new Promise<void>((r) => blackhole.listen(0, '127.0.0.1', r));
    const port = (blackhole.address() as { port: number }).port;
    const faultState = join(lab.root, 'fault-hung');
    await writeFile(join(lab.root, 'rclone.conf'), '');
    for (const n of HUNG) {
      const backing = join(faultState, 'backing', n);
      await mkdir(backing, { recursive: true });
      const child = spawn('rclone', ['mount', ':http:', backing, '--http-url', `http://127.0.0.1:${port}/`, '--config', join(lab.root, 'rclone.conf'), '--cache-dir', join(lab.root, 'rclone-cache')], { stdio: 'ignore' });
      rclones.push(child);
    }
    const end = Date.now() + 15_000;
    while ((await mountsUnder(join(faultState, 'backing'))).length < HUNG.length) {
      if (Date.now() > end) throw new Error(`rclone mount did not mount: ${await mountsUnder(lab.root)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    fault = await startFault(lab, 'hung', 'ok');
    runner = await createDryRunner(runnerConfig(lab, { timeouts: { pluginCall: VERIFY_TIMEOUT, unmount: 5000, lateMountGrace: 0 } }));
    h = await startHarness(runner, { policy: JSON.stringify({ '*': { allowedDrivers: ['hung'] } }), maxConcurrentPerConnection: 8 });
  });

  after(async () => {
    // The hung mounts cannot be unmounted normally (a listing is still blocked in them): detach them lazily.
    // Bind mounts (the fault plugin's mountpoints) first, then the rclone mounts under them. Read synchronously:
    // if the bridge did wedge this process's threadpool, an fs/promises read would never return here either.
    const ours = parseMountinfo(readFileSync(MOUNTINFO_PATH, 'utf8')).filter((m) => m.mountPoint.startsWith(lab.root + '/'));
    for (const mp of ours.map((m) => m.mountPoint).reverse()) {
      spawnSync('fusermount3', ['-uz', mp], { stdio: 'ignore' });
      spawnSync('umount', ['-l', mp], { stdio: 'ignore' });
    }
    for (const s of held) s.destroy();
    blackhole?.close();
    await h?.close();
    await fault?.stop();
    for (const c of rclones) {
      if (c.exitCode !== null || c.signalCode !== null) continue;
      const gone = new Promise((r) => c.once('exit', r));
      c.kill('SIGKILL');
      await gone;
    }
    await runner?.close();
    assert.deepEqual(await mountsUnder(lab.root), [], 'no mounts left behind');
    await lab?.cleanup();
  });

  test('five dry runs fail verify with a timeout; a normal dry run and /healthz still answer within seconds', async () => {
    const started = Date.now();
    const results = await within(
      30_000,
      'five dry runs on hung mounts',
      Promise.all(
        HUNG.map(async (name) => {
          const c = await connect(h.bridge.url);
          try {
            return (await c.request('volume/dryRunMount', { driver: 'hung', name, engine: 'plugin' }, name)).result;
          } finally {
            c.ws.close();
          }
        }),
      ),
    );
    for (const r of results) {
      assert.equal(r.verdict, 'failed', JSON.stringify(r, null, 1));
      const verify = r.steps.find((s: { step: string }) => s.step === 'verify');
      assert.equal(verify?.ok, false, JSON.stringify(r.steps));
      assert.match(verify.detail, new RegExp(`did not return within ${VERIFY_TIMEOUT} ms`), verify.detail);
    }
    // The mounts are really there and really hung (otherwise this test proves nothing).
    assert.ok((await mountsUnder(lab.root)).some((m) => m.endsWith(' fuse.rclone')), 'the hung rclone mounts are in mountinfo');
    const journalBefore = await within(5000, 'reading the journal dir', readdir(join(lab.stateDir, 'journal')));
    const t0 = Date.now();
    const health = await within(5000, 'GET /healthz', fetch(`${h.httpUrl}/healthz`).then((r) => r.json() as Promise<{ ok: boolean }>));
    assert.equal(health.ok, true);
    const c = await connect(h.bridge.url);
    const good = await within(10_000, 'a dry run on a healthy volume', c.request('volume/dryRunMount', { driver: 'hung', name: 'good', engine: 'plugin' }, 'good'));
    c.ws.close();
    assert.equal(good.result.verdict, 'mounted-and-released', JSON.stringify(good, null, 1));
    assert.ok(Date.now() - t0 < 10_000, `healthz + a dry run took ${Date.now() - t0} ms after the hung ones (${t0 - started} ms)`);
    // The healthy run journaled its mount and cleared it again: the file operations of the process still work.
    assert.deepEqual((await within(5000, 'reading the journal dir', readdir(join(lab.stateDir, 'journal')))).sort(), journalBefore.sort());
  });
});
