/**
 * What a failing dry run may leave in a lab, taken away so the next test starts clean: each journalled mount
 * unmounted by its caller ID through the plugin clients given (the one whose plugin holds it answers; the others'
 * errors are ignored), its journal entry removed, then whatever is still mounted under the lab unmounted by force.
 */
import { spawnSync } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { JournalEntry } from '../../src/journal/journal';
import type { PluginClient } from '../../src/plugin/client';
import { mountsUnder, type Lab } from './harness';

const call = { timeoutMs: 5000 };

/** The journal's entry files (one per mount a run has not yet seen released). */
export async function journalFiles(lab: Lab): Promise<string[]> {
  return (await readdir(join(lab.stateDir, 'journal')).catch(() => [] as string[])).filter((f) => f.endsWith('.json'));
}

export async function releaseLeftovers(lab: Lab, clients: readonly PluginClient[]): Promise<void> {
  for (const f of await journalFiles(lab)) {
    const file = join(lab.stateDir, 'journal', f);
    const e = JSON.parse(await readFile(file, 'utf8')) as JournalEntry;
    for (const c of clients) if (e.mountId) await c.unmount(e.name, e.mountId, call).catch(() => undefined);
    await rm(file, { force: true });
  }
  for (const m of await mountsUnder(lab.root)) {
    const mp = m.split(' ')[0];
    if (spawnSync('fusermount3', ['-u', mp]).status !== 0) spawnSync('umount', ['-l', mp]);
  }
}
