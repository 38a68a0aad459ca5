/**
 * The embedded `local` driver: a real Docker volume plugin (protocol dvdi-bridge.md §4) that the bridge serves itself on a
 * unix socket `<socketDir>/local.sock`. The bridge then reaches it through discovery and the same plugin
 * engine as any third-party driver, so nothing about it is special-cased in the dry-run path.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { lstat, mkdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { mountChildrenGone } from './mountChildren';
import { DriverError, LocalVolumes } from './volumes';

const CONTENT_TYPE = 'application/vnd.docker.plugins.v1.2+json';

function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', reject);
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8').trim();
      try {
        const v: unknown = raw === '' ? {} : JSON.parse(raw);
        resolve(v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {});
      } catch {
        reject(new DriverError('request body is not JSON'));
      }
    });
  });
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': CONTENT_TYPE, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Removes a leftover socket file (a previous run killed with -9 leaves one; dvdcli would then wait 15 s). */
async function clearStaleSocket(path: string): Promise<void> {
  try {
    if ((await lstat(path)).isSocket()) await unlink(path);
    else throw new Error(`${path} exists and is not a socket; refusing to replace it — move it away`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

export async function startLocalDriver(opts: { stateDir: string; socketDir: string }): Promise<{ name: 'local'; socketPath: string; mountersGone(name: string): Promise<boolean>; close(): Promise<void> }> {
  const volumes = new LocalVolumes(join(opts.stateDir, 'local-driver'));
  await volumes.init();
  await mkdir(opts.socketDir, { recursive: true });
  const socketPath = join(opts.socketDir, 'local.sock');
  await clearStaleSocket(socketPath);

  const handlers: Record<string, (b: Record<string, unknown>) => Promise<unknown>> = {
    'Plugin.Activate': async () => ({ Implements: ['VolumeDriver'] }),
    'VolumeDriver.Capabilities': async () => ({ Capabilities: { Scope: 'local' } }),
    'VolumeDriver.Create': async (b) => {
      await volumes.serial(String(b.Name), () => volumes.create(b.Name, (b.Opts as Record<string, string> | undefined) ?? {}));
      return { Err: '' };
    },
    'VolumeDriver.Remove': async (b) => (await volumes.serial(String(b.Name), () => volumes.remove(b.Name)), { Err: '' }),
    'VolumeDriver.Get': async (b) => ({ Volume: await volumes.get(b.Name), Err: '' }),
    'VolumeDriver.List': async () => ({ Volumes: await volumes.list(), Err: '' }),
    'VolumeDriver.Path': async (b) => {
      const v = await volumes.get(b.Name);
      return { ...(v.Mountpoint ? { Mountpoint: v.Mountpoint } : {}), Err: '' };
    },
    // dvdcli sends no ID (Docker 1.11); it is tracked as "" like rclone does.
    'VolumeDriver.Mount': async (b) => ({ Mountpoint: await volumes.serial(String(b.Name), () => volumes.mount(b.Name, typeof b.ID === 'string' ? b.ID : '')), Err: '' }),
    'VolumeDriver.Unmount': async (b) => (await volumes.serial(String(b.Name), () => volumes.unmount(b.Name, typeof b.ID === 'string' ? b.ID : '')), { Err: '' }),
  };

  const server = createServer((req, res) => {
    const method = (req.url ?? '').replace(/^\//, '');
    const h = req.method === 'POST' ? handlers[method] : undefined;
    if (!h) return reply(res, 404, { Err: `unknown endpoint ${req.method} ${req.url}; the local driver implements ${Object.keys(handlers).join(', ')}` });
    readBody(req)
      .then(h)
      .then((body) => reply(res, 200, body))
      .catch((e: Error) => reply(res, 500, { Err: e instanceof DriverError ? e.message : `internal error: ${e.message}` }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });

  return {
    name: 'local',
    socketPath,
    // No mount(8)/umount(8) of an earlier driver on this state dir is still running for the volume (mountChildren.ts).
    mountersGone: (name: string) => mountChildrenGone(volumes.mountpoint(name)),
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await unlink(socketPath).catch(() => undefined);
    },
  };
}
