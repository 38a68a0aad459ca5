/**
 * One bridge per state dir. A second `serve` on the state dir of a running one (started by hand beside the
 * systemd unit, or twice on one port) would otherwise take the first one's embedded local driver socket (it
 * replaces a socket file it takes for stale), open the same local-driver volumes and journal, and only then
 * fail to listen: the first bridge's dry runs then fail with "no socket for driver local" until it is restarted.
 *
 * The lock is `<stateDir>/bridge.lock`, created with link(2) (atomic: it fails if the file exists) and holding the
 * owner's pid and start time (/proc/<pid>/stat). A lock whose process is gone, or whose pid now belongs to a
 * process that started at another time, is stale (a bridge killed with -9) and is taken over.
 */
import { randomUUID } from 'node:crypto';
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { processIdentity } from '../engines/runProcess';

interface LockRecord {
  pid: number;
  start: string;
  since: string;
}

export interface StateDirLock {
  /** Removes the lock if it is still this process's. */
  release(): Promise<void>;
}

async function readLock(file: string): Promise<LockRecord | undefined> {
  try {
    const r = JSON.parse(await readFile(file, 'utf8')) as Partial<LockRecord>;
    return typeof r.pid === 'number' && typeof r.start === 'string' ? { pid: r.pid, start: r.start, since: String(r.since ?? '?') } : undefined;
  } catch {
    return undefined; // unreadable or half-written: nobody can be shown to hold it
  }
}

/**
 * The record's process still runs: same pid, same start time, not exited (a bridge killed with -9 stays a zombie, its
 * /proc entry and start time intact, until its parent reaps it), and not this process: the lock is not taken yet, so a
 * record naming our own pid and start (a reboot, or a fresh pid namespace, that gave us the killed bridge's pid at the
 * same 10 ms start tick) is the killed bridge's. recover.ts judges journal entries the same way.
 */
const holds = (r: LockRecord) => {
  const id = processIdentity(r.pid);
  return r.pid !== process.pid && id !== undefined && id.startTime === r.start && id.state !== 'Z' && id.state !== 'X';
};

/** Takes the state dir for this process, or throws one line naming the bridge that holds it. */
export async function lockStateDir(stateDir: string): Promise<StateDirLock> {
  const file = join(stateDir, 'bridge.lock');
  const own: LockRecord = { pid: process.pid, start: processIdentity(process.pid)?.startTime ?? randomUUID(), since: new Date().toISOString() };
  const temp = join(stateDir, `.bridge.lock-${process.pid}-${randomUUID()}`);
  await writeFile(temp, JSON.stringify(own) + '\n', { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(temp, file);
        return {
          async release() {
            const r = await readLock(file);
            if (r && r.pid === own.pid && r.start === own.start) await unlink(file).catch(() => undefined);
          },
        };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new Error(`--state-dir ${stateDir} is not usable: cannot create ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
      const held = await readLock(file);
      if (held && holds(held)) {
        throw new Error(`--state-dir ${stateDir} is in use by another dvdi-bridge (pid ${held.pid}, running since ${held.since}); one bridge per state dir: stop that one first, or give this one its own --state-dir (and --listen port)`);
      }
      // Stale (its bridge was killed): taken over. Not excluded: two bridges started at the same instant on a stale
      // lock, where the slower one's unlink removes the faster one's fresh lock.
      await unlink(file).catch(() => undefined);
    }
    throw new Error(`--state-dir ${stateDir}: another dvdi-bridge is starting on it at this moment; start only one`);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
