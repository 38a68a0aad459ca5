// Dry runs of different volumes at the same time share one journal directory: one run's look at the journal (its
// leftover step, the periodic leftover pass) must never take away the entry another run is writing before its mount.
// Real runner, embedded local driver (real bind mounts).
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Journal } from '../../src/journal/journal';
import { startRealRunner, type RealRunner } from '../server/realRunner';
import { ctx } from './harness';

describe('concurrent dry runs of different volumes and the journal', () => {
  let real: RealRunner;
  const names = Array.from({ length: 8 }, (_, i) => `cj${i}`);
  before(async () => {
    real = await startRealRunner('concjournal', { config: { leftoverRetryMs: 0 } });
    await real.createVolumes(...names);
  });
  after(async () => {
    await real?.close();
  });

  test('every run mounts and releases; none fails on another run reading the journal', async () => {
    for (let round = 0; round < 20; round++) {
      const results = await Promise.allSettled(names.map(async (name, i) => {
        // Staggered, so one run's look at the journal falls in another's write before its mount.
        await new Promise((r) => setTimeout(r, (i * 7 + round * 3) % 25));
        return real.runner.dryRunMount({ driver: 'local', name }, ctx());
      }));
      const bad = results.flatMap((r, i) => (r.status === 'rejected' ? [`${names[i]}: ${(r.reason as Error).message}`] : r.value.verdict !== 'mounted-and-released' ? [`${names[i]}: ${JSON.stringify(r.value)}`] : []));
      assert.deepEqual(bad, [], `round ${round}`);
    }
    assert.deepEqual(await real.mounts(), []);
    assert.deepEqual(await readdir(join(real.lab.stateDir, 'journal')), []);
  });

  test('Journal: a list() while an entry is being written leaves that write alone; a crashed write\'s temp file still goes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dvdi-journal-'));
    try {
      const j = new Journal(dir);
      await j.init();
      const failed: string[] = [];
      for (let i = 0; i < 40; i++) {
        const e = { id: j.newId(), driver: 'd', name: `v${i}`, engine: 'plugin' as const, bridgePid: process.pid, startedAt: new Date().toISOString(), phase: 'mounting' as const };
        let settled = false;
        const w = j.write(e).then(
          () => void (settled = true),
          (err: Error) => void ((settled = true), failed.push(err.message)),
        );
        while (!settled) await j.list();
        await w;
        await j.clear(e.id);
      }
      assert.deepEqual(failed, []);
      // A predecessor's temp file (no live write of this process) is removed as before.
      await writeFile(join(dir, 'journal', `.${j.newId()}.tmp`), '{}');
      await j.list();
      assert.deepEqual(await readdir(join(dir, 'journal')), []);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
