/**
 * How a short look (plugin/killableChild.ts: realpath, discovery's sh, getent) ended, as the dry run's steps say it:
 * a look a signal ended, which the bridge did not send (the OOM killer, a crash), names the signal; it used to read
 * "exited null". Real processes, under coreutils' timeout(1) as the bridge runs them (timeout passes the signal on).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { howItEnded, runKillable } from '../../src/plugin/killableChild';

test('a look killed by a signal it was not sent by the bridge says which signal', async () => {
  for (const sig of ['SEGV', 'TERM', 'ABRT'] as const) {
    const r = await runKillable(['/bin/sh', '-c', `kill -${sig} $$`], 5000);
    assert.equal(r.kind, 'exited');
    if (r.kind !== 'exited') return;
    assert.equal(r.code, null);
    assert.equal(howItEnded(r), `was killed by SIG${sig}`);
  }
});

test('a look that exits says its exit status', async () => {
  const r = await runKillable(['/bin/sh', '-c', 'exit 3'], 5000);
  assert.equal(r.kind === 'exited' && howItEnded(r), 'exited 3');
});
