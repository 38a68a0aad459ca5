/**
 * A stop signal sent the moment `dvdi-bridge serve` prints its `listening` line (a supervisor or script that waits
 * for that line, then stops the bridge) gets the graceful stop serve.ts promises: runs cancelled and released, state
 * dir lock given back, `stopped` logged, exit 0. The line was printed before the SIGTERM/SIGINT/SIGHUP handlers
 * existed, and such a signal killed the process with the default action about half the time (7 of 15 under load).
 * Real processes: the bundled serve (agent-bridge/dist/bridge.cjs, `npm run build` first), state dirs of its own.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { lockTestBed, needsBundle } from './lockTestBed';

const ROUNDS = 12;

describe('a stop signal right after serve says it is listening', { skip: needsBundle }, () => {
  const bed = lockTestBed('dvdi-sigready-');

  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    it(`${signal}: a graceful stop, exit 0, every time (${ROUNDS} rounds)`, async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const p = spawn(process.execPath, bed.argv(bed.fresh(`${signal}-${round}`)), { stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        // Sent from the data handler itself: the earliest instant a reader of the line can act.
        p.stdout.on('data', (d: Buffer) => d.toString().includes('dvdi-bridge listening on ') && p.kill(signal));
        const [code, killedBy] = await new Promise<[number | null, string | null]>((r) => p.once('exit', (c, s) => r([c, s])));
        assert.deepEqual([code, killedBy], [0, null], `round ${round}: ended by ${killedBy ?? `exit ${code}`}; stderr: ${stderr}`);
        assert.match(stderr, /"event":"stopped"/, `round ${round}`);
      }
    });
  }
});
