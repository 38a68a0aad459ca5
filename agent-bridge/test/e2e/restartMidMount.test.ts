/**
 * `dvdi-bridge serve` with its embedded local driver, SIGKILLed while a dry run's Mount is in flight (its journal
 * entry still in phase `mounting`), then started again on the same state dir. The local driver died with the killed
 * process, so no Mount can finish late: the restarted bridge must print `listening` within seconds (it took the
 * late-mount grace, up to 120 s, before), and its recovery must still leave nothing mounted, no journal entry and
 * the volume's bytes unchanged. Real processes (the bundled serve and dry-run, `npm run build` first), real mounts.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { needsBundle } from '../server/lockTestBed';
import { checksumTree, mountsUnder } from './harness';
import { cleanUpBed, dryRun, expectCleanRecovery, journalEntries, killWhenMounting, startBridge, stateWithVolumes, tokenFileIn, type Bridge } from './serveKillBed';

/** What a user waits for a restarted bridge at most: well under 1 s when idle, a few s on a loaded 2-core machine (the grace it waited before is 120 s). */
const LISTEN_BOUND_MS = 10_000;
const ATTEMPTS = 20;

describe('serve killed with -9 while its local driver mounts, then restarted', { skip: needsBundle }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'dvdi-midmount-'));
  const live: Bridge[] = [];
  after(() => cleanUpBed(dir, live));

  it(`listens within ${LISTEN_BOUND_MS} ms and still releases what the Mount in flight left`, async () => {
    const state = join(dir, 'state');
    const tokens = await tokenFileIn(dir);
    const { data } = await stateWithVolumes(state, ['keep']);
    const sum = await checksumTree(data);

    // Dry runs of `keep` until the kill lands while its journal entry says `mounting` and before the driver's
    // mount(8) ran: nothing then lands late, which is the state the old recovery waited the whole grace window on
    // (a kill after the mount landed was released at once, before and after the fix, and proves nothing here).
    let bridge = await startBridge(state, tokens, 20_000);
    live.push(bridge);
    let left: Awaited<ReturnType<typeof journalEntries>> = [];
    const wanted = async () => left.some((e) => e.phase === 'mounting') && (await mountsUnder(dir)).length === 0;
    for (let i = 0; i < ATTEMPTS && !(await wanted()); i++) {
      const kill = killWhenMounting(bridge.proc, state);
      const client = dryRun(bridge.url, tokens, 'keep');
      const first = await Promise.race([kill.killed.then(() => 'killed' as const), client.done.then(() => 'answered' as const)]);
      kill.stop();
      if (first === 'answered') continue; // the Mount answered before the watcher saw it: try again
      await bridge.exited;
      await client.done;
      await new Promise((r) => setTimeout(r, 300)); // a mount(8) the dead driver had started has landed by now
      left = await journalEntries(state);
      if (!(await wanted())) {
        bridge = await startBridge(state, tokens, 20_000); // the entry moved on before the kill: recover and try again
        live.push(bridge);
      }
    }
    assert.ok(await wanted(), `no kill landed with a Mount in flight (and not yet mounted) in ${ATTEMPTS} attempts`);

    const restarted = await startBridge(state, tokens, 3 * LISTEN_BOUND_MS);
    live.push(restarted);
    console.log(`restarted with a Mount in flight at the killed local driver: listening after ${restarted.listenMs} ms`);
    assert.ok(restarted.listenMs < LISTEN_BOUND_MS, `listening after ${restarted.listenMs} ms; its log: ${JSON.stringify(restarted.logs)}`);

    await expectCleanRecovery(restarted, dir, state, data, sum, 'keep');

    // And the volume is usable again at once.
    const again = await dryRun(restarted.url, tokens, 'keep').done;
    assert.match(again.out, /"verdict": ?"mounted-and-released"/, again.out);
    restarted.proc.kill('SIGTERM');
    await restarted.exited;
    assert.deepEqual(await mountsUnder(dir), []);
  });
});
