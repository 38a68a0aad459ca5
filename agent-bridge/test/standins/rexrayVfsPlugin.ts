// STAND-IN for REX-Ray 0.12.0-dev (rexray/rexray@3620358) serving its vfs service on the legacy Docker endpoint: REX-Ray is not packaged for Debian or npm. It reproduces the behaviour observed in the lab, dvdi-bridge.md §5.2 (vfs semantics, correction; used-count semantics) and §6.2 (wire traffic).
// Run: `node --import tsx rexrayVfsPlugin.ts <socketPath> <root> [--ignoreusedcount] [--mount-delay MS]`; prints
// "ready" once listening. Every call is appended to <root>/calls.log ("<Method> <Name>") so tests can assert that
// a volume was never mounted or unmounted. Reproduced exactly:
//   - Get: {"Volume":{"Name","Mountpoint":"","Status":{…size…}}} — Mountpoint always "", no Status.Mounts (no users
//     shown), missing volume → 500 {"Err":"docker-legacy: Get: <n>: failed: resource not found"};
//   - Mount of an unattached volume: "precautionary unmount", whose vfs executor runs os.RemoveAll(<mountpoint>)
//     (the data is wiped), then attach + mkdir -p; answers {"Mountpoint":"<root>/volumes/<n>/data"}; no kernel mount;
//   - an in-memory used count per volume: Mount +1; Unmount detaches only when the count is < 2 or
//     --ignoreusedcount is given (REX-Ray's unmount.ignoreusedcount: true), else just decrements;
//   - Unmount leaves the directory and its files until the next Mount; Path answers Mountpoint "";
//   - --mount-delay: Mount answers after MS (a slow attach).
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

const [socketPath, root = '/tmp/rexray-vfs', ...flags] = process.argv.slice(2);
const ignoreUsedCount = flags.includes('--ignoreusedcount');
const delayAt = flags.indexOf('--mount-delay');
const mountDelay = delayAt >= 0 ? Number(flags[delayAt + 1]) : 0;
const volDir = (n: string) => join(root, 'vfs', 'vol', `${n}.json`);
const mountpoint = (n: string) => join(root, 'volumes', n, 'data');
const used = new Map<string, number>();
const attached = new Set<string>();
mkdirSync(join(root, 'vfs', 'vol'), { recursive: true });

const exists = (n: string) => existsSync(volDir(n));
const status = (n: string) => {
  const meta = JSON.parse(readFileSync(volDir(n), 'utf8')) as { size: number };
  return { availabilityZone: '', fields: null, iops: 0, name: n, size: meta.size, type: '' };
};

const server = createServer((req, res) => {
  let raw = '';
  req.on('data', (c) => (raw += c));
  req.on('end', async () => {
    const method = (req.url ?? '').slice(1);
    const body = raw.trim() ? (JSON.parse(raw) as { Name?: string; Opts?: Record<string, string> }) : {};
    const name = body.Name ?? '';
    appendFileSync(join(root, 'calls.log'), `${method} ${name}\n`);
    const send = (code: number, obj: unknown) => {
      res.writeHead(code, { 'Content-Type': 'application/vnd.docker.plugins.v1.2+json' });
      res.end(JSON.stringify(obj));
    };
    const notFound = (op: string) => send(500, { Err: `docker-legacy: ${op}: ${name}: failed: resource not found` });
    switch (method) {
      case 'Plugin.Activate':
        return send(200, { Implements: ['VolumeDriver'] });
      case 'VolumeDriver.Capabilities':
        return send(200, { Capabilities: { Scope: 'global' } });
      case 'VolumeDriver.Get':
        return exists(name) ? send(200, { Volume: { Name: name, Mountpoint: '', Status: status(name) } }) : notFound('Get');
      case 'VolumeDriver.List':
        return send(200, { Volumes: [] });
      case 'VolumeDriver.Create':
        writeFileSync(volDir(name), JSON.stringify({ size: Number(body.Opts?.size ?? 16) }));
        return send(200, {});
      case 'VolumeDriver.Mount':
        if (!exists(name)) return notFound('Mount');
        if (mountDelay) await new Promise((r) => setTimeout(r, mountDelay));
        if (!attached.has(name)) {
          // "performing precautionary unmount" → vfs executor unmount → os.RemoveAll(mountpoint).
          rmSync(mountpoint(name), { recursive: true, force: true });
          attached.add(name);
        }
        mkdirSync(mountpoint(name), { recursive: true });
        used.set(name, (used.get(name) ?? 0) + 1);
        return send(200, { Mountpoint: mountpoint(name) });
      case 'VolumeDriver.Unmount': {
        if (!exists(name)) return notFound('Unmount');
        const n = used.get(name) ?? 0;
        if (ignoreUsedCount || n < 2) attached.delete(name);
        used.set(name, Math.max(0, n - 1));
        return send(200, {});
      }
      case 'VolumeDriver.Path':
        return exists(name) ? send(200, { Mountpoint: '' }) : notFound('Path');
      default:
        return send(404, { Err: `unknown method ${method}` });
    }
  });
});
server.listen(socketPath, () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
