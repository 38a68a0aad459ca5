/**
 * kill -9 storm at the level a user runs: the bundled `dvdi-bridge serve` with its embedded local driver (inside the
 * killed process), three concurrent `dvdi-bridge dry-run` clients (two on the pre-existing volume with data, one on
 * another), SIGKILL at a seeded random instant, then `serve` again on the same state dir. After every restart:
 * `listening` within a bound, recovery with nothing failed or unverified, 0 mounts under the test's dir in
 * /proc/self/mountinfo, 0 journal entries, the volume's bytes unchanged. killstorm.test.ts drives the runner in a
 * process of its own; this one goes through serve's startup (state dir lock, local driver, recover, listen) and the
 * websocket. `KILLSTORM_SEED` replays a run (the seed is printed and in every assertion). `npm run build` first.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { needsBundle } from '../server/lockTestBed';
import { checksumTree, mountsUnder } from './harness';
import { cleanUpBed, dryRun, journalEntries, killWhenMounting, startBridge, stateWithVolumes, tokenFileIn, type Bridge, waitFor } from './serveKillBed';

const ROUNDS = 14;
/** A restarted bridge listens within this: well under 1 s when idle, a few s on a loaded 2-core machine; serve's late-mount grace, which a wait for a dead Mount took, is 120 s. */
const LISTEN_BOUND_MS = 10_000;
/**
 * In even rounds the kill lands this many ms (uniform) after the first client connected (a client's own node start
 * takes 0.2-1 s on a loaded machine, so a delay from its spawn would mostly kill an idle bridge); a dry run on the
 * local driver takes about 50-200 ms when idle, so some kills land mid-run, some after, some before. On a loaded
 * machine a fixed delay can fall before every mount, so in odd rounds the kill is timed on an observed event
 * instead: the journal entry of a mount written (killWhenMounting), which holds under any load.
 */
const MAX_DELAY_MS = 300;
const VERDICTS = new Set(['mounted-and-released', 'in-use']);

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const seed = Number(process.env.KILLSTORM_SEED ?? Date.now() % 100_000);

describe(`serve killed with -9 at random instants under concurrent dry runs, restarted on its state dir (seed ${seed})`, { skip: needsBundle }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'dvdi-servestorm-'));
  const live: Bridge[] = [];
  after(() => cleanUpBed(dir, live));

  it(`${ROUNDS} kills: every restart listens within ${LISTEN_BOUND_MS} ms and leaves nothing mounted, journalled or changed`, async () => {
    console.log(`serve kill storm seed ${seed} (KILLSTORM_SEED=${seed} replays it)`);
    const random = rng(seed);
    const state = join(dir, 'state');
    const tokens = await tokenFileIn(dir);
    const { data } = await stateWithVolumes(state, ['keep', 'b', 'c']);
    const sum = await checksumTree(data);
    const stats = { mountingAtKill: 0, journalledAtKill: 0, killedOnJournal: 0, answered: 0, listenMs: [] as number[] };
    let bridge = await startBridge(state, tokens, LISTEN_BOUND_MS * 3);
    live.push(bridge);
    for (let round = 0; round < ROUNDS; round++) {
      const at = `seed ${seed} round ${round}`;
      // Watching before any client starts, so no mount's entry is written unseen.
      const onJournal = round % 2 === 1 ? killWhenMounting(bridge.proc, state) : undefined;
      const clients = [dryRun(bridge.url, tokens, 'keep'), dryRun(bridge.url, tokens, 'keep'), dryRun(bridge.url, tokens, round % 2 ? 'b' : 'c')];
      const b0 = bridge;
      assert.ok(await waitFor(() => b0.logs.some((l) => l.event === 'connected'), 20_000), `${at}: no client connected: ${JSON.stringify(b0.logs)}`);
      if (onJournal) {
        // Every client answered before a mount was seen (all in use, say): the kill then lands after them.
        const killed = await Promise.race([onJournal.killed.then(() => true), Promise.all(clients.map((c) => c.done)).then(() => false)]);
        onJournal.stop();
        if (killed) stats.killedOnJournal++;
      } else {
        await new Promise((r) => setTimeout(r, random() * MAX_DELAY_MS));
      }
      bridge.proc.kill('SIGKILL');
      await bridge.exited;
      for (const c of await Promise.all(clients.map((c) => c.done))) {
        const verdict = /"verdict": ?"([a-z-]+)"/.exec(c.out)?.[1];
        if (verdict === undefined) continue; // cut off by the kill
        stats.answered++;
        assert.ok(VERDICTS.has(verdict), `${at}: a dry run answered ${verdict}: ${c.out}`);
      }
      const left = await journalEntries(state);
      stats.journalledAtKill += left.length;
      stats.mountingAtKill += left.filter((e) => e.phase === 'mounting').length;

      bridge = await startBridge(state, tokens, LISTEN_BOUND_MS * 3).catch((e: Error) => assert.fail(`${at}: ${e.message}`));
      live.push(bridge);
      stats.listenMs.push(bridge.listenMs);
      const b = bridge;
      assert.ok(b.listenMs < LISTEN_BOUND_MS, `${at}: listening after ${b.listenMs} ms (journal at the kill: ${JSON.stringify(left)}); log: ${JSON.stringify(b.logs)}`);
      assert.ok(await waitFor(() => b.logs.some((l) => l.event === 'recovered'), 10_000), `${at}: no "recovered" line: ${JSON.stringify(b.logs)}`);
      const rep = b.logs.find((l) => l.event === 'recovered')!;
      assert.deepEqual([rep.failed, rep.unverified], [[], []], `${at}: ${JSON.stringify(rep)}`);
      assert.equal(rep.released.length + rep.notMounted.length, left.length, `${at}: journal at the kill ${JSON.stringify(left)}, recovered ${JSON.stringify(rep)}`);
      assert.deepEqual(await mountsUnder(dir), [], `${at}: mounts left after recovery (${JSON.stringify(rep)})`);
      assert.deepEqual(await journalEntries(state), [], `${at}: journal entries left after recovery`);
      assert.equal(await checksumTree(data), sum, `${at}: the pre-existing volume's bytes changed`);
    }
    bridge.proc.kill('SIGTERM');
    await bridge.exited;
    assert.deepEqual(await mountsUnder(dir), [], `seed ${seed}: mounts left after the last bridge stopped`);
    console.log(`serve kill storm seed ${seed}: ${JSON.stringify(stats)}`);
    assert.ok(stats.journalledAtKill > 0, `seed ${seed}: no kill landed while a mount was journalled`);
  });
});
