/**
 * `dvdi-bridge serve --state-dir st` (a relative path, as an operator types it in the dir the bridge runs in) with
 * its embedded local driver, SIGKILLed during a dry run, then started again the same way. The killed bridge's
 * journal entry names the plugin it mounted through; recovery must find that plugin again and release what the
 * dry run left, exactly as with an absolute state dir: nothing mounted, no journal entry, the bytes unchanged.
 * Real processes (the bundled serve and dry-run, `npm run build` first), real mounts.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { needsBundle } from '../server/lockTestBed';
import { checksumTree } from './harness';
import { cleanUpBed, dryRun, expectCleanRecovery, journalEntries, killWhenMounting, startBridge, stateWithVolumes, tokenFileIn, type Bridge } from './serveKillBed';

const ATTEMPTS = 20;
const KILL_DELAYS_MS = [30, 10, 0, 20, 5];

describe('serve on a relative --state-dir, killed with -9 mid dry run, then restarted', { skip: needsBundle }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'dvdi-relstate-'));
  const live: Bridge[] = [];
  after(() => cleanUpBed(dir, live));

  it('recovery finds the plugin the entry names and releases what the killed dry run left', async () => {
    const state = join(dir, 'st');
    const tokens = await tokenFileIn(dir);
    const { data } = await stateWithVolumes(state, ['keep']);
    const sum = await checksumTree(data);

    // Dry runs until a kill lands while the run is journalled (at or shortly after its Mount was sent).
    let left: Awaited<ReturnType<typeof journalEntries>> = [];
    for (let i = 0; i < ATTEMPTS && left.length === 0; i++) {
      const bridge = await startBridge('st', tokens, 20_000, [], dir);
      live.push(bridge);
      // The embedded driver's dry run can pass from Mount to release in under 30 ms on a quiet host: the delay after
      // the `mounting` entry appears varies by attempt, so some kill lands while the run is journalled whatever the speed.
      const kill = killWhenMounting(bridge.proc, state, KILL_DELAYS_MS[i % KILL_DELAYS_MS.length]);
      const client = dryRun(bridge.url, tokens, 'keep');
      const first = await Promise.race([kill.killed.then(() => 'killed' as const), client.done.then(() => 'answered' as const)]);
      kill.stop();
      if (first === 'answered') bridge.proc.kill('SIGTERM');
      await bridge.exited;
      await client.done;
      await new Promise((r) => setTimeout(r, 300)); // a mount(8) the dead driver had started has landed by now
      left = await journalEntries(state);
    }
    assert.ok(left.length > 0, `no kill left a journal entry in ${ATTEMPTS} attempts`);

    const restarted = await startBridge('st', tokens, 30_000, [], dir);
    live.push(restarted);
    await expectCleanRecovery(restarted, dir, state, data, sum, 'keep');
    restarted.proc.kill('SIGTERM');
    await restarted.exited;
  });
});
