/**
 * The `local` driver's volumes: a directory per volume under `<stateDir>/local-driver/volumes/<name>/`, holding
 * either `data/` (plain directory) or `disk.img` (an ext4 image, when created with `size=<MiB>`). Mounting
 * bind-mounts `data/` (or loop-mounts the image) onto `mounts/<name>`, so it is a real kernel mount visible in
 * /proc/self/mountinfo like any other driver's. Mounts are reference-counted by caller ID, as rclone does, and
 * the table is persisted so a restarted driver still knows who holds what.
 *
 * Crash consistency (issue 8): the driver runs inside the bridge, so a kill -9 can land between its `mount` child
 * finishing and the table being saved, and the child may even finish after the kill. The kernel is therefore the
 * truth for *whether* a volume is mounted, the table only for *who* holds it: Get reports the mountpoint whenever
 * the kernel has it, a Mount finds and adopts a mount already there, and an Unmount of a mount no caller holds
 * (an orphan of a crash: nobody ever got its mountpoint back) unmounts it instead of answering "not mounted".
 * Create builds the volume in a hidden temp dir and renames it into place, so a failed or killed Create leaves
 * no half-made volume (temp dirs are swept at start).
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { kernelMountsAt, MountStateUnknown, readMountinfo } from '../inuse/mountinfo';

const run = promisify(execFile);
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export class DriverError extends Error {}

interface VolumeMeta {
  Name: string;
  CreatedAt: string;
  Opts: Record<string, string>;
}

export class LocalVolumes {
  private readonly volumesDir: string;
  private readonly mountsDir: string;
  private readonly tableFile: string;
  /** name → caller IDs holding it mounted. */
  private mounts = new Map<string, string[]>();
  private queue = new Map<string, Promise<unknown>>();

  constructor(readonly root: string) {
    this.volumesDir = join(root, 'volumes');
    this.mountsDir = join(root, 'mounts');
    this.tableFile = join(root, 'mounts.json');
  }

  async init(): Promise<void> {
    await mkdir(this.volumesDir, { recursive: true, mode: 0o700 });
    await mkdir(this.mountsDir, { recursive: true, mode: 0o700 });
    for (const n of await readdir(this.volumesDir)) if (n.startsWith('.create-')) await rm(join(this.volumesDir, n), { recursive: true, force: true });
    try {
      const saved = JSON.parse(await readFile(this.tableFile, 'utf8')) as Record<string, string[]>;
      const table = await readMountinfo();
      // Keep only what the kernel still has mounted: the rest was unmounted behind our back (or by a reboot). A
      // mount state that cannot be seen (MountStateUnknown) keeps its holders: dropping them could free a mount in use.
      for (const [name, ids] of Object.entries(saved)) {
        const at = await kernelMountsAt(table, this.mountpoint(name));
        if (at instanceof MountStateUnknown || at.length) this.mounts.set(name, ids);
      }
    } catch {
      this.mounts = new Map();
    }
    // Saved at once: a dropped holder left in the file would be read again after the next kill and pinned on
    // whatever mount the kernel shows then (another caller's orphan), blocking its release.
    await this.saveTable();
  }

  mountpoint(name: string): string {
    return join(this.mountsDir, name);
  }

  /** Operations on one volume run one after another; different volumes run in parallel. */
  serial<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.queue.get(name) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    const tail = next.catch(() => undefined);
    this.queue.set(name, tail);
    void tail.then(() => {
      if (this.queue.get(name) === tail) this.queue.delete(name);
    });
    return next;
  }

  private saving: Promise<void> = Promise.resolve();

  /** Writes of the one table file are chained: volumes mount in parallel, and two renames of one temp file race. */
  private saveTable(): Promise<void> {
    const write = async () => {
      const tmp = `${this.tableFile}.tmp`;
      await writeFile(tmp, JSON.stringify(Object.fromEntries(this.mounts)));
      await rename(tmp, this.tableFile);
    };
    this.saving = this.saving.then(write, write);
    return this.saving;
  }

  private checkName(name: unknown): string {
    if (typeof name !== 'string' || !NAME.test(name)) throw new DriverError(`invalid volume name ${JSON.stringify(name)}: use letters, digits, "_", ".", "-"`);
    return name;
  }

  private async meta(name: string): Promise<VolumeMeta> {
    try {
      return JSON.parse(await readFile(join(this.volumesDir, this.checkName(name), 'volume.json'), 'utf8')) as VolumeMeta;
    } catch (e) {
      if (e instanceof DriverError) throw e;
      throw new DriverError('volume not found');
    }
  }

  async create(nameIn: unknown, opts: Record<string, string> = {}): Promise<void> {
    const name = this.checkName(nameIn);
    for (const k of Object.keys(opts)) if (k !== 'size') throw new DriverError(`unknown option ${JSON.stringify(k)}: the local driver understands only size=<MiB> (ext4 image instead of a directory)`);
    try {
      await this.meta(name);
      return; // Docker semantics: creating an existing volume succeeds and changes nothing
    } catch {
      // does not exist: create below
    }
    let mib: number | undefined;
    if (opts.size !== undefined) {
      mib = Number(opts.size);
      if (!Number.isInteger(mib) || mib < 8 || mib > 4096) throw new DriverError(`size=${opts.size}: give a whole number of MiB between 8 and 4096`);
    }
    // Built aside and renamed into place: a failure (or a kill) part-way leaves no empty volume dir behind.
    const tmp = await mkdtemp(join(this.volumesDir, '.create-'));
    try {
      if (mib !== undefined) {
        const img = join(tmp, 'disk.img');
        await run('truncate', ['-s', `${mib}M`, img]);
        await run('mkfs.ext4', ['-q', '-F', img]);
      } else await mkdir(join(tmp, 'data'), { mode: 0o755 });
      await writeFile(join(tmp, 'volume.json'), JSON.stringify({ Name: name, CreatedAt: new Date().toISOString(), Opts: opts } satisfies VolumeMeta));
      await rename(tmp, join(this.volumesDir, name));
    } catch (e) {
      await rm(tmp, { recursive: true, force: true });
      throw e instanceof DriverError ? e : new DriverError(`cannot create volume ${name}: ${(e as Error).message}`);
    }
  }

  /**
   * Whether the kernel has this volume's mountpoint mounted (the truth after a crash, whatever the table says). A
   * state that cannot be seen is an error, never "not mounted": Get, Mount, Unmount and Remove then fail saying why.
   */
  private async kernelMounted(name: string): Promise<boolean> {
    // --state-dir may be reached through a symlink (/var/run is /run): the kernel lists the resolved path.
    const at = await kernelMountsAt(await readMountinfo(), this.mountpoint(name));
    if (at instanceof MountStateUnknown) throw new DriverError(`${at.message}; ${at.remedy}`);
    return at.length > 0;
  }

  /**
   * Holders recorded for a mount the kernel no longer has (an `umount` child that finished after a kill, before
   * the table was saved) are dropped: the table never claims a mount the kernel does not show.
   */
  private async holders(name: string): Promise<{ ids: string[]; mounted: boolean }> {
    const mounted = await this.kernelMounted(name);
    let ids = this.mounts.get(name) ?? [];
    if (ids.length && !mounted) {
      this.mounts.delete(name);
      ids = [];
      await this.saveTable();
    }
    return { ids, mounted };
  }

  async get(name: unknown): Promise<{ Name: string; Mountpoint?: string; CreatedAt: string; Status: { Mounts: string[] } }> {
    const m = await this.meta(name as string);
    const { ids, mounted } = await this.holders(m.Name);
    return { Name: m.Name, ...(mounted ? { Mountpoint: this.mountpoint(m.Name) } : {}), CreatedAt: m.CreatedAt, Status: { Mounts: [...ids] } };
  }

  async list(): Promise<Awaited<ReturnType<LocalVolumes['get']>>[]> {
    const out = [];
    for (const n of (await readdir(this.volumesDir)).sort()) out.push(await this.get(n).catch(() => undefined));
    return out.filter((v): v is NonNullable<typeof v> => v !== undefined);
  }

  async mount(nameIn: unknown, id: string): Promise<string> {
    const m = await this.meta(nameIn as string);
    const { ids, mounted } = await this.holders(m.Name);
    if (ids.includes(id)) throw new DriverError('volume is already mounted by this id');
    const mp = this.mountpoint(m.Name);
    // A mount no caller holds (a crash's orphan) is adopted rather than stacked a second time.
    if (ids.length === 0 && !mounted) {
      await mkdir(mp, { recursive: true, mode: 0o755 });
      const dir = join(this.volumesDir, m.Name);
      if (m.Opts.size !== undefined) await run('mount', ['-o', 'loop', join(dir, 'disk.img'), mp]);
      else await run('mount', ['--bind', join(dir, 'data'), mp]);
    }
    this.mounts.set(m.Name, [...ids, id]);
    await this.saveTable();
    return mp;
  }

  async unmount(nameIn: unknown, id: string): Promise<void> {
    const m = await this.meta(nameIn as string);
    const { ids, mounted } = await this.holders(m.Name);
    if (!ids.includes(id)) {
      if (ids.length) throw new DriverError('volume is not mounted by this id');
      // No caller holds it: an orphan of a crash between the kernel mount and the table save. Ours to undo.
      if (!mounted) throw new DriverError('volume is not mounted');
      await this.umount(m.Name);
      return;
    }
    const rest = ids.filter((x) => x !== id);
    if (rest.length === 0) {
      await this.umount(m.Name); // a loop mount's device is freed by umount (autoclear)
      this.mounts.delete(m.Name);
    } else this.mounts.set(m.Name, rest);
    await this.saveTable();
  }

  /** umount, where a mount that is already gone (a killed predecessor's `umount` child finished first) is success. */
  private async umount(name: string): Promise<void> {
    try {
      await run('umount', [this.mountpoint(name)]);
    } catch (e) {
      if (await this.kernelMounted(name)) throw e;
    }
  }

  async remove(nameIn: unknown): Promise<void> {
    const m = await this.meta(nameIn as string);
    if ((this.mounts.get(m.Name) ?? []).length || (await this.kernelMounted(m.Name))) throw new DriverError('volume is in use: unmount it first');
    await rm(join(this.volumesDir, m.Name), { recursive: true, force: true });
  }
}
