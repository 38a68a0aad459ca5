/**
 * One bridge per state dir. A second `serve` on the state dir of a running one (started by hand beside the
 * systemd unit, or twice on one port) would otherwise take the first one's embedded local driver socket (it
 * replaces a socket file it takes for stale), open the same local-driver volumes and journal, and only then
 * fail to listen: the first bridge's dry runs then fail with "no socket for driver local" until it is restarted.
 *
 * Two locks, each covering what the other cannot:
 * - An abstract unix socket named after the state dir (stateDirSocket.ts), taken first. The kernel gives it to one
 *   process at a time and frees it when that process dies, so no staleness is judged: two bridges started at the
 *   same instant on a lock a bridge killed with -9 left behind cannot both win, and everything below runs for one
 *   bridge of a network namespace at a time. It does not reach across network namespaces.
 * - `<stateDir>/bridge.lock`, created with link(2) (atomic: it fails if the file exists) and holding the owner's pid
 *   and start time (/proc/<pid>/stat): what a bridge in another network namespace sees, and what a bridge of an
 *   earlier version, which knew only this file, looks for. Its holder also listens on `<stateDir>/bridge.sock`
 *   (stateDirPathSocket.ts), which shows it alive to a bridge of another pid namespace too (two containers). A
 *   record whose holder does not listen there and whose process is gone, or whose pid now belongs to a process that
 *   started at another time, is stale (a bridge killed with -9) and is taken over. That takeover is the one step
 *   still open to a race, and only between bridges of two network namespaces started at the same instant: within
 *   one, the socket serialises it.
 *
 * The record is written to a temp file `.bridge.lock-<pid>-<uuid>` and linked into place, so that no bridge ever
 * reads a half-written one; a bridge killed between the two leaves the temp file behind, and the next bridge removes
 * every one whose process is gone (removeDeadTemps).
 */
import { randomUUID } from 'node:crypto';
import { link, readFile, readdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { processIdentity } from '../engines/runProcess';
import { holderListens, listenForHolderCheck } from './stateDirPathSocket';
import { holdStateDirSocket, type HolderRecord } from './stateDirSocket';

type LockRecord = HolderRecord;

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

/** A process that runs: it has a /proc entry and has not exited (a zombie, `Z`, has exited and only awaits its reaping). */
const alive = (pid: number) => {
  const id = processIdentity(pid);
  return id !== undefined && id.state !== 'Z' && id.state !== 'X';
};

/**
 * The record's process still runs: same pid, same start time, not exited (a bridge killed with -9 stays a zombie, its
 * /proc entry and start time intact, until its parent reaps it), and not this process: the lock is not taken yet, so a
 * record naming our own pid and start (a reboot, or a fresh pid namespace, that gave us the killed bridge's pid at the
 * same 10 ms start tick) is the killed bridge's. recover.ts judges journal entries the same way.
 */
const holds = (r: LockRecord) => r.pid !== process.pid && alive(r.pid) && processIdentity(r.pid)?.startTime === r.start;

/**
 * The record's bridge still holds the state dir: its pid says so (a bridge of this pid namespace, or of an earlier
 * version, which has no holder socket), or a holder listens on `bridge.sock` (a bridge of another pid namespace,
 * whose pid means nothing here: stateDirPathSocket.ts).
 */
const heldBy = async (stateDir: string, r: LockRecord) => holds(r) || (await holderListens(stateDir));

const inUse = (stateDir: string, r: LockRecord) =>
  new Error(`--state-dir ${stateDir} is in use by another dvdi-bridge (pid ${r.pid}, running since ${r.since}); one bridge per state dir: stop that one first, or give this one its own --state-dir (and --listen port)`);

const TEMP = /^\.bridge\.lock-(\d+)-/;

/**
 * Removes the record temp files of bridges killed inside lockStateDir. Only those whose process is gone: a live pid
 * may be a bridge of another network namespace between its write and its link (a reused pid keeps a file, which is
 * harmless, until that process ends too).
 */
async function removeDeadTemps(stateDir: string): Promise<void> {
  const names = await readdir(stateDir).catch(() => [] as string[]);
  for (const n of names) {
    const pid = Number(TEMP.exec(n)?.[1] ?? NaN);
    if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) await unlink(join(stateDir, n)).catch(() => undefined);
  }
}

/** Takes the state dir for this process, or throws one line naming the bridge that holds it. */
export async function lockStateDir(stateDir: string): Promise<StateDirLock> {
  const file = join(stateDir, 'bridge.lock');
  const own: LockRecord = { pid: process.pid, start: processIdentity(process.pid)?.startTime ?? randomUUID(), since: new Date().toISOString() };
  let socket;
  try {
    socket = await holdStateDirSocket(stateDir, own);
  } catch (e) {
    throw new Error(`--state-dir ${stateDir} is not usable: cannot take its lock socket (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (!socket.held) {
    if (socket.holder) throw inUse(stateDir, socket.holder);
    // No answer in time: a bridge frozen (SIGSTOP, a cgroup freezer, `docker pause`) is still one, and its record
    // says so; only a holder no live record names is a stranger.
    const recorded = await readLock(file);
    if (recorded && (await heldBy(stateDir, recorded))) throw inUse(stateDir, recorded);
    throw new Error(`--state-dir ${stateDir} is locked by a process that does not answer as a dvdi-bridge (it holds the unix socket ${socket.shown}; \`ss -xlp | grep dvdi-bridge\` names it): stop it first, or give this bridge its own --state-dir`);
  }
  const sock = socket;
  try {
    await removeDeadTemps(stateDir);
    const temp = join(stateDir, `.bridge.lock-${process.pid}-${randomUUID()}`);
    await writeFile(temp, JSON.stringify(own) + '\n', { mode: 0o600 });
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          await link(temp, file);
          const beside = await listenForHolderCheck(stateDir);
          return {
            async release() {
              // The holder socket first: libuv removes its file by name on close, which must not be the file of a
              // bridge that takes the state dir once bridge.lock is gone.
              await beside?.close();
              const r = await readLock(file);
              if (r && r.pid === own.pid && r.start === own.start) await unlink(file).catch(() => undefined);
              await sock.close();
            },
          };
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new Error(`--state-dir ${stateDir} is not usable: cannot create ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
        }
        const held = await readLock(file);
        // Held by a live bridge the socket could not show: one in another network namespace, or of an earlier version.
        if (held && (await heldBy(stateDir, held))) throw inUse(stateDir, held);
        // Stale (its bridge was killed): taken over; no other bridge of this network namespace is here now (the socket).
        await unlink(file).catch(() => undefined);
      }
      throw new Error(`--state-dir ${stateDir}: another dvdi-bridge is starting on it at this moment; start only one`);
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  } catch (e) {
    await sock.close();
    throw e;
  }
}
