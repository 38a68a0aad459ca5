/**
 * The `local` driver's volumes: a directory per volume under `<stateDir>/local-driver/volumes/<name>/`, holding
 * either `data/` (plain directory) or `disk.img` (an ext4 image, when created with `size=<MiB>`). Mounting
 * bind-mounts `data/` (or loop-mounts the image) onto `mounts/<name>`, so it is a real kernel mount visible in
 * /proc/self/mountinfo like any other driver's. Mounts are reference-counted by caller ID, as rclone does, and
 * the table is persisted so a restarted driver still knows who holds what.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { mountsAt, readMountinfo } from '../inuse/mountinfo';

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
    try {
      const saved = JSON.parse(await readFile(this.tableFile, 'utf8')) as Record<string, string[]>;
      const table = await readMountinfo();
      // Keep only what the kernel still has mounted: the rest was unmounted behind our back (or by a reboot).
      for (const [name, ids] of Object.entries(saved)) if (mountsAt(table, this.mountpoint(name)).length) this.mounts.set(name, ids);
    } catch {
      this.mounts = new Map();
    }
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
    const dir = join(this.volumesDir, name);
    try {
      await this.meta(name);
      return; // Docker semantics: creating an existing volume succeeds and changes nothing
    } catch {
      // does not exist: create below
    }
    await mkdir(dir, { recursive: true, mode: 0o700 });
    if (opts.size !== undefined) {
      const mib = Number(opts.size);
      if (!Number.isInteger(mib) || mib < 8 || mib > 4096) throw new DriverError(`size=${opts.size}: give a whole number of MiB between 8 and 4096`);
      const img = join(dir, 'disk.img');
      await run('truncate', ['-s', `${mib}M`, img]);
      await run('mkfs.ext4', ['-q', '-F', img]);
    } else await mkdir(join(dir, 'data'), { mode: 0o755 });
    await writeFile(join(dir, 'volume.json'), JSON.stringify({ Name: name, CreatedAt: new Date().toISOString(), Opts: opts } satisfies VolumeMeta));
  }

  async get(name: unknown): Promise<{ Name: string; Mountpoint?: string; CreatedAt: string; Status: { Mounts: string[] } }> {
    const m = await this.meta(name as string);
    const ids = this.mounts.get(m.Name) ?? [];
    return { Name: m.Name, ...(ids.length ? { Mountpoint: this.mountpoint(m.Name) } : {}), CreatedAt: m.CreatedAt, Status: { Mounts: [...ids] } };
  }

  async list(): Promise<Awaited<ReturnType<LocalVolumes['get']>>[]> {
    const out = [];
    for (const n of (await readdir(this.volumesDir)).sort()) out.push(await this.get(n).catch(() => undefined));
    return out.filter((v): v is NonNullable<typeof v> => v !== undefined);
  }

  async mount(nameIn: unknown, id: string): Promise<string> {
    const m = await this.meta(nameIn as string);
    const ids = this.mounts.get(m.Name) ?? [];
    if (ids.includes(id)) throw new DriverError('volume is already mounted by this id');
    const mp = this.mountpoint(m.Name);
    if (ids.length === 0) {
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
    const ids = this.mounts.get(m.Name) ?? [];
    if (!ids.includes(id)) throw new DriverError(ids.length ? 'volume is not mounted by this id' : 'volume is not mounted');
    const rest = ids.filter((x) => x !== id);
    if (rest.length === 0) {
      await run('umount', [this.mountpoint(m.Name)]); // a loop mount's device is freed by umount (autoclear)
      this.mounts.delete(m.Name);
    } else this.mounts.set(m.Name, rest);
    await this.saveTable();
  }

  async remove(nameIn: unknown): Promise<void> {
    const m = await this.meta(nameIn as string);
    if ((this.mounts.get(m.Name) ?? []).length) throw new DriverError('volume is in use: unmount it first');
    await rm(join(this.volumesDir, m.Name), { recursive: true, force: true });
  }
}
