/**
 * A journal an older dvdi-bridge left (before serve made --state-dir absolute, commit c02a273): run as
 * `serve --state-dir st` and killed with -9 mid dry run, it named the embedded driver's socket and mountpoint relative
 * to the directory it ran in. The entries below are verbatim what that build (c02a273^, its bundle) wrote when killed
 * while mounting and once mounted. A bridge started from another directory must release exactly that mount, and must
 * keep (never guess) an entry whose relative socket it cannot prove: another plugin answering at that path from its
 * own directory (a REX-Ray stand-in logging every call) is never asked anything.
 * Real processes (the bundled serve, `npm run build` first), real mounts.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startLocalDriver } from '../../src/local-driver/server';
import { PluginClient } from '../../src/plugin/client';
import { needsBundle } from '../server/lockTestBed';
import { checksumTree, mountsUnder } from './harness';
import { cleanUpBed, expectCleanRecovery, journalEntries, startBridge, stateWithVolumes, tokenFileIn, waitFor, type Bridge } from './serveKillBed';

/** As dvdi-bridge c02a273^ wrote them under `--state-dir st` (killed while mounting; killed after the Mount answered). */
const OLDER_ENTRIES = {
  mounting: { id: 'c8644640-0f4b-42f7-9c73-fcfbfe9ff320', driver: 'local', name: 'keep', engine: 'plugin', pluginAddress: 'st/plugins/local.sock', mountId: 'dvdi-bridge-808ef35f-2dc0-4e05-b2db-5dcd7fc544c3', bridgePid: 25398, bridgeStart: '80205', startedAt: '2026-12-07T20:47:01.860Z', phase: 'mounting' },
  mounted: { id: '4511e036-2d24-4817-aa6f-7bde7e55e730', driver: 'local', name: 'keep', engine: 'plugin', pluginAddress: 'st/plugins/local.sock', mountId: 'dvdi-bridge-1250f99d-7a05-452b-9f23-386757cd702d', bridgePid: 25890, bridgeStart: '81839', startedAt: '2026-12-07T20:47:18.062Z', phase: 'mounted', mountpoint: 'st/local-driver/mounts/keep' },
};

/**
 * What the killed older bridge left: `keep` mounted by the embedded driver of `state` for the entry's caller ID (the
 * driver's table saved, as after the Mount answered), and the entry in the journal of `journalIn` (its own state dir).
 */
async function leftByOlderBridge(state: string, entry: Record<string, unknown>, journalIn = state, alsoMountedBy?: string): Promise<string> {
  const local = await startLocalDriver({ stateDir: state, socketDir: join(state, 'plugins') });
  try {
    const client = new PluginClient({ transport: 'unix', socketPath: local.socketPath, address: local.socketPath, source: 'test' });
    const mountpoint = await client.mount('keep', String(entry.mountId), { timeoutMs: 5000 });
    if (alsoMountedBy) await client.mount('keep', alsoMountedBy, { timeoutMs: 5000 });
    await mkdir(join(journalIn, 'journal'), { recursive: true });
    await writeFile(join(journalIn, 'journal', `${entry.id}.json`), JSON.stringify(entry) + '\n');
    return mountpoint;
  } finally {
    await local.close();
  }
}

describe('a journal an older bridge wrote with a relative --state-dir, recovered from another working directory', { skip: needsBundle }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'dvdi-olderjournal-'));
  const live: Bridge[] = [];
  after(() => cleanUpBed(dir, live));

  for (const [phase, entry] of Object.entries(OLDER_ENTRIES)) {
    it(`releases the mount of an entry written ${phase === 'mounting' ? 'while mounting' : 'once mounted'}`, async () => {
      const root = join(dir, phase);
      const state = join(root, 'st');
      const { data } = await stateWithVolumes(state, ['keep']);
      const sum = await checksumTree(data);
      const tokens = await tokenFileIn(root);
      const mountpoint = await leftByOlderBridge(state, entry);
      assert.deepEqual((await mountsUnder(root)).map((m) => m.split(' ')[0]), [mountpoint]);

      const elsewhere = join(root, 'elsewhere');
      mkdirSync(elsewhere);
      const restarted = await startBridge(state, tokens, 30_000, [], elsewhere);
      live.push(restarted);
      await expectCleanRecovery(restarted, root, state, data, sum, 'keep');
      restarted.proc.kill('SIGTERM');
      await restarted.exited;
    });
  }

  // The socket's dir only ends like the state dir: the older bridge ran in <root>/a as `serve --state-dir <root>/b/st
  // --plugin-dirs st/plugins`, so its dry run of `keep` went through <root>/a/st/plugins/local.sock, the embedded driver
  // of another bridge (state dir <root>/a/st). Taken for this state dir's own driver, which never held the entry's caller
  // ID, the mount was reported "not mounted" and its only record deleted, while it stayed mounted at the other driver.
  it('keeps an entry whose relative socket only ends like the state dir: this state dir\'s driver never held its caller ID', async () => {
    const root = join(dir, 'suffix');
    const other = join(root, 'a', 'st');
    const state = join(root, 'b', 'st');
    await stateWithVolumes(other, ['keep']);
    await stateWithVolumes(state, ['keep']);
    const tokens = await tokenFileIn(root);
    const entry = OLDER_ENTRIES.mounted;
    const mountpoint = await leftByOlderBridge(other, entry, state);
    const journalled = await readFile(join(state, 'journal', `${entry.id}.json`), 'utf8');

    const elsewhere = join(root, 'elsewhere');
    mkdirSync(elsewhere);
    const restarted = await startBridge(state, tokens, 30_000, [], elsewhere);
    live.push(restarted);
    assert.ok(await waitFor(() => restarted.logs.some((l) => l.event === 'recovered'), 10_000), JSON.stringify(restarted.logs));
    const rep = restarted.logs.find((l) => l.event === 'recovered')!;
    assert.deepEqual([rep.released, rep.notMounted], [[], []], `a mount it cannot place was taken for this state dir's: ${JSON.stringify(rep)}`);
    assert.equal(rep.failed.length, 1, JSON.stringify(rep));
    assert.match(rep.failed[0].error, /names its plugin socket "st\/plugins\/local\.sock" relative to the directory that bridge ran in.*does not hold its caller ID.*write the socket's absolute path as "pluginAddress"/);
    restarted.proc.kill('SIGTERM');
    await restarted.exited;

    assert.deepEqual((await mountsUnder(root)).map((m) => m.split(' ')[0]), [mountpoint], 'the mount was touched');
    assert.deepEqual(await journalEntries(state), [JSON.parse(journalled)], 'the entry was lost or rewritten');
  });

  // Proven (this state dir's driver lists the entry's caller ID) but kept, since someone else holds the volume too: the
  // entry is journalled with the address it was proven at. Left as the older bridge wrote it, it had to be proven again on
  // every later pass, and once the driver no longer listed the ID the entry was said to be "not made there".
  it('journals the address an entry was proven at, when its release has to wait', async () => {
    const root = join(dir, 'proven');
    const state = join(root, 'st');
    await stateWithVolumes(state, ['keep']);
    const tokens = await tokenFileIn(root);
    const entry = OLDER_ENTRIES.mounted;
    const mountpoint = await leftByOlderBridge(state, entry, state, 'task-1');

    const elsewhere = join(root, 'elsewhere');
    mkdirSync(elsewhere);
    const restarted = await startBridge(state, tokens, 30_000, [], elsewhere);
    live.push(restarted);
    assert.ok(await waitFor(() => restarted.logs.some((l) => l.event === 'recovered'), 10_000), JSON.stringify(restarted.logs));
    const rep = restarted.logs.find((l) => l.event === 'recovered')!;
    assert.equal(rep.failed.length, 1, JSON.stringify(rep));
    assert.match(rep.failed[0].error, /now in use.*task-1/);
    restarted.proc.kill('SIGTERM');
    await restarted.exited;

    assert.deepEqual((await mountsUnder(root)).map((m) => m.split(' ')[0]), [mountpoint], 'the mount was touched');
    const [kept] = (await journalEntries(state)) as unknown as Record<string, unknown>[];
    assert.deepEqual([kept.pluginAddress, kept.anchoredFrom, kept.mountId], [join(state, 'plugins', 'local.sock'), undefined, entry.mountId]);
  });

  it('keeps an entry whose relative socket it cannot place, asks no plugin anything, and says what to do', async () => {
    const root = join(dir, 'unplaced');
    const state = join(root, 'st');
    await stateWithVolumes(state, ['keep']);
    const tokens = await tokenFileIn(root);
    // An older bridge run with `--plugin-dirs plugins` (relative) beside `--state-dir st`: its socket was plugins/local.sock
    // under the directory it ran in, which is not the state dir's.
    const entry = { ...OLDER_ENTRIES.mounted, pluginAddress: 'plugins/local.sock', mountpoint: 'plugins/mnt/keep' };
    const mountpoint = await leftByOlderBridge(state, entry);
    const journalled = await readFile(join(state, 'journal', `${entry.id}.json`), 'utf8');

    // The directory the new bridge runs in has a plugin at plugins/local.sock: not the one the entry's mount went through.
    const elsewhere = join(root, 'elsewhere');
    const rexray = join(elsewhere, 'rexray');
    await mkdir(join(elsewhere, 'plugins'), { recursive: true });
    const decoy = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', 'standins', 'rexrayVfsPlugin.ts'), join(elsewhere, 'plugins', 'local.sock'), rexray], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve, reject) => {
        decoy.stdout!.on('data', (c: Buffer) => c.toString().includes('ready') && resolve());
        decoy.once('exit', (code) => reject(new Error(`REX-Ray stand-in exited ${code} before listening`)));
      });
      const restarted = await startBridge(state, tokens, 30_000, ['--leftover-retry-ms', '200'], elsewhere);
      live.push(restarted);
      assert.ok(await waitFor(() => restarted.logs.some((l) => l.event === 'recovered'), 10_000), JSON.stringify(restarted.logs));
      const rep = restarted.logs.find((l) => l.event === 'recovered')!;
      assert.equal(rep.failed.length, 1, JSON.stringify(rep));
      assert.match(rep.failed[0].error, /names its plugin socket "plugins\/local\.sock" relative to the directory that bridge ran in.*write the socket's absolute path as "pluginAddress" in \S+\.json and restart the bridge/);
      await new Promise((r) => setTimeout(r, 600)); // a few leftover passes
      restarted.proc.kill('SIGTERM');
      await restarted.exited;

      assert.deepEqual((await mountsUnder(root)).map((m) => m.split(' ')[0]), [mountpoint], 'the mount was touched');
      assert.deepEqual(await journalEntries(state), [JSON.parse(journalled)], 'the entry was lost or rewritten');
      const calls = await readFile(join(rexray, 'calls.log'), 'utf8').catch(() => '');
      assert.equal(calls, '', `the plugin in the new working directory was asked: ${calls}`);
    } finally {
      decoy.kill('SIGKILL');
    }
  });
});
