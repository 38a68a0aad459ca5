/**
 * The crash journal: one small JSON file per in-flight dry-run mount under `<stateDir>/journal/`, written and
 * fsync'd (file and directory) *before* the mount is attempted and removed only after the unmount is verified.
 * A bridge killed with -9 at any point therefore leaves an entry for everything it might have mounted, and
 * `recover()` on the next start can undo exactly that.
 *
 * Only that first write is durable (it is the one a crash must find). Later details (the dvdcli process group,
 * the mountpoint) are atomic renames without fsync: the page cache survives kill -9, and after a power loss
 * the dvdcli is gone and recovery asks the plugin for the mountpoint anyway. The removal is a plain unlink: if a
 * power loss undid it, recovery would unmount a volume that is not mounted, which it already treats as done.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { EngineName } from '../dryrun/contract';
import { anchorOlderEntry } from './olderEntries';

export interface JournalEntry {
  id: string;
  driver: string;
  name: string;
  engine: EngineName;
  /** How the unmount must be issued: the dvdcli binary or the plugin address used for the mount. */
  dvdcliPath?: string;
  pluginAddress?: string;
  /** Caller ID sent with the plugin engine's Mount (dvdcli sends none). */
  mountId?: string;
  /** Known once the mount returned. */
  mountpoint?: string;
  /** Process group of an in-flight dvdcli, so a restarted bridge can stop a mount its predecessor left running. */
  childPgid?: number;
  /** Start time of that process group's leader (/proc/<pid>/stat), so a reused pid is never mistaken for it. */
  childStart?: string;
  bridgePid: number;
  /** Start time of that bridge process (/proc/<pid>/stat), so a pid reused by another process is not taken for it. */
  bridgeStart?: string;
  startedAt: string;
  /**
   * `mounting`: the Mount was (maybe) sent and has not answered: the plugin may still be mounting, so recover()
   * waits (bounded) for it before judging. `mounted`: the Mount answered with `mountpoint`. `unmounting`: the
   * release path (dryrun/release.ts) has begun its Unmount.
   */
  phase: JournalPhase;
  /**
   * The relative socket an older bridge journalled, from which `pluginAddress` was anchored to this state dir's
   * embedded driver (olderEntries.ts): a guess until that driver lists `mountId` (recover.ts).
   */
  anchoredFrom?: string;
  /** This mount was seen in /proc/self/mountinfo (so its absence there later means it is gone). Not persisted before it is known. */
  seenKernel?: boolean;
  /** The plugin's Get listed this mount's caller ID in Status.Mounts (so its absence there later means it is gone). */
  seenId?: boolean;
}

export type JournalPhase = 'mounting' | 'mounted' | 'unmounting';

async function fsyncDir(dir: string): Promise<void> {
  const h = await open(dir, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

/**
 * Proves the journal can be written where it lives: creates, fsyncs and removes a file in `<stateDir>/journal/`
 * (and fsyncs the directory), as every dry run does before mounting. A read-only, full or foreign-owned state
 * dir would otherwise surface only at the first dry run, as an internal error. Throws one readable line.
 */
export async function probeStateDir(stateDir: string): Promise<void> {
  const dir = join(stateDir, 'journal');
  const file = join(dir, `.probe-${process.pid}-${randomUUID()}.tmp`);
  let step = `create ${dir}`;
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    step = `create ${file}`;
    const h = await open(file, 'wx', 0o600);
    try {
      step = `write and fsync ${file}`;
      await h.writeFile('probe\n');
      await h.sync();
    } finally {
      await h.close();
    }
    step = `remove ${file}`;
    // ENOENT: removed already by the bridge that holds this state dir, whose journal listing (Journal.list) takes
    // every `.tmp` for a crashed write. The write and fsync went through: the dir is usable, and the lock
    // (stateDirLock.ts) then says whose it is.
    await unlink(file).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    step = `fsync ${dir}`;
    await fsyncDir(dir);
  } catch (e) {
    await unlink(file).catch(() => undefined);
    const err = e as NodeJS.ErrnoException;
    throw new Error(`--state-dir ${stateDir} is not usable: cannot ${step} (${err.code ?? err.message}); the bridge journals every mount there before making it, so fix its permissions or mount, or pick another --state-dir`);
  }
}

export class Journal {
  readonly dir: string;
  /** Entries this process wrote and has not cleared: its own live dry runs, which recover() must not touch. */
  readonly live = new Set<string>();
  private readonly stateDir: string;

  constructor(stateDir: string) {
    this.dir = join(stateDir, 'journal');
    this.stateDir = resolve(stateDir);
  }

  async init(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
  }

  newId(): string {
    return randomUUID();
  }

  /** Durable write, before anything is mounted: temp file, fsync, rename, fsync the directory. */
  async write(entry: JournalEntry): Promise<void> {
    await this.replace(entry, true);
  }

  /** Adds details to an entry already written durably: atomic (rename), not fsync'd (see the file comment). */
  async update(entry: JournalEntry): Promise<void> {
    await this.replace(entry, false);
  }

  private async replace(entry: JournalEntry, durable: boolean): Promise<void> {
    this.live.add(entry.id);
    const final = join(this.dir, `${entry.id}.json`);
    const tmp = join(this.dir, `.${entry.id}.tmp`);
    const h = await open(tmp, 'w', 0o600);
    try {
      await h.writeFile(JSON.stringify(entry) + '\n');
      if (durable) await h.sync();
    } finally {
      await h.close();
    }
    await rename(tmp, final);
    if (durable) await fsyncDir(this.dir);
  }

  /** After a verified unmount; a crash (or a power loss undoing the unlink) after it is harmless. */
  async clear(id: string): Promise<void> {
    try {
      await unlink(join(this.dir, `${id}.json`));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    this.live.delete(id);
  }

  /** Entries left on disk; unreadable ones are returned as errors so recovery can report them. */
  async list(): Promise<{ entries: JournalEntry[]; unreadable: { file: string; error: string }[] }> {
    const entries: JournalEntry[] = [];
    const unreadable: { file: string; error: string }[] = [];
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries, unreadable };
      throw e;
    }
    for (const n of names.sort()) {
      const file = join(this.dir, n);
      if (n.startsWith('.') && n.endsWith('.tmp')) {
        // This process's own write under way (a dry run journalling before its mount, while another run or the
        // leftover pass lists): not touched, or its rename fails and that dry run with it.
        if (this.live.has(n.slice(1, -'.tmp'.length))) continue;
        // A crash between write and rename: the rename never happened, so no mount was attempted for it.
        await unlink(file).catch(() => undefined);
        continue;
      }
      if (!n.endsWith('.json')) continue;
      try {
        // An older bridge's relative paths, made absolute where provable (olderEntries.ts).
        entries.push(anchorOlderEntry(JSON.parse(await readFile(file, 'utf8')) as JournalEntry, this.stateDir));
      } catch (e) {
        unreadable.push({ file, error: (e as Error).message });
      }
    }
    return { entries, unreadable };
  }
}
