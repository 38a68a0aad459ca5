// STAND-IN: a Docker volume plugin that misbehaves on purpose (no real plugin here hangs or crashes on demand). Speaks the protocol of dvdi-bridge.md §4 exactly.
// Run as a process: `node --import tsx faultPlugin.ts <socketPath> <mode> <stateDir> [delayMs]`; it prints
// "ready" on stdout once listening. Modes:
//   ok          a well-behaved plugin: every name exists except those starting with "missing"; Mount bind-mounts
//               <stateDir>/backing/<name> onto <stateDir>/mnt/<name> (a real kernel mount)
//   hang        accepts connections and never answers anything
//   hang-mount  answers everything but Mount, which never gets an answer
//   error500    Mount answers 500 {"Err":"fault-plugin: backend exploded"}
//   empty       Mount answers 200 {} (no Mountpoint, no Err), like docker-volume-loopback with dvdcli
//   slow        Mount waits delayMs, then mounts as `ok` does
//   crash       the process exits during Mount, before mounting or answering
//   stale       listens, then is killed with SIGKILL by its parent, leaving the socket file with no listener
//   list-junk   as `ok`, but List answers entries that are no volumes (null, a number, an object without Name)
//               beside one good one, as a buggy plugin may
//   get-junk    as `ok`, but Get answers a Volume whose Mountpoint is a number and Status a string
//   mounts-junk as `ok`, but Get answers Status.Mounts as a string naming a caller ("task-7"), not a list
//   caps-junk   as `ok`, but Capabilities answers {"Capabilities": "global"} (a string, not an object)
//   activate-junk  Plugin.Activate answers {"Implements": "VolumeDriver"} (a string, not a list)
//   mount-err   Mount mounts as `ok` does, then answers 500 {"Err":"fault-plugin: mounted, then failed"} (a plugin
//               whose step after the kernel mount fails, and which neither undoes nor forgets the mount)
//   mount-err-slow-unmount  as mount-err, and Unmount waits delayMs before it unmounts (a cloud volume's detach)
// Every request is logged as "<Method> <Name>" to <stateDir>/calls.log as it arrives (before any delay), so a test can
// act while a call is in flight.
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

const [socketPath, mode = 'ok', stateDir = '/tmp/fault-plugin', delayArg = '1000'] = process.argv.slice(2);
const delay = Number(delayArg);
const mounts = new Map<string, string[]>();
const mountpoint = (n: string) => join(stateDir, 'mnt', n);
mkdirSync(stateDir, { recursive: true });

function doMount(name: string, id: string): string {
  const ids = mounts.get(name) ?? [];
  if (ids.includes(id)) throw new Error('volume is already mounted by this id');
  if (ids.length === 0) {
    const backing = join(stateDir, 'backing', name);
    mkdirSync(backing, { recursive: true });
    mkdirSync(mountpoint(name), { recursive: true });
    execFileSync('mount', ['--bind', backing, mountpoint(name)]);
  }
  mounts.set(name, [...ids, id]);
  return mountpoint(name);
}

function doUnmount(name: string, id: string): void {
  const ids = mounts.get(name) ?? [];
  if (!ids.includes(id)) throw new Error('volume is not mounted');
  const rest = ids.filter((x) => x !== id);
  if (rest.length === 0) execFileSync('umount', [mountpoint(name)]);
  mounts.set(name, rest);
}

const server = createServer((req, res) => {
  let raw = '';
  req.on('data', (c) => (raw += c));
  req.on('end', async () => {
    const method = (req.url ?? '').slice(1);
    const body = raw.trim() ? (JSON.parse(raw) as { Name?: string; ID?: string; Opts?: Record<string, string> }) : {};
    const send = (status: number, obj: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/vnd.docker.plugins.v1.1+json' });
      res.end(JSON.stringify(obj));
    };
    appendFileSync(join(stateDir, 'calls.log'), `${method} ${body.Name ?? ''}\n`);
    if (mode === 'hang' || (mode === 'hang-mount' && method === 'VolumeDriver.Mount')) return; // never answer
    const name = body.Name ?? '';
    const id = body.ID ?? '';
    try {
      switch (method) {
        case 'Plugin.Activate':
          return send(200, { Implements: mode === 'activate-junk' ? 'VolumeDriver' : ['VolumeDriver'] });
        case 'VolumeDriver.Capabilities':
          return send(200, { Capabilities: mode === 'caps-junk' ? 'global' : { Scope: 'local' } });
        case 'VolumeDriver.Get':
          if (name.startsWith('missing')) return send(500, { Err: 'volume not found' });
          if (mode === 'get-junk') return send(200, { Volume: { Name: name, Mountpoint: 7, Status: 'fine' } });
          if (mode === 'mounts-junk') return send(200, { Volume: { Name: name, Mountpoint: mountpoint(name), Status: { Mounts: 'task-7' } } });
          // Like rclone: the Mountpoint is reported whether or not it is mounted.
          return send(200, { Volume: { Name: name, Mountpoint: mountpoint(name), Status: { Mounts: mounts.get(name) ?? [] } } });
        case 'VolumeDriver.List':
          if (mode === 'list-junk') return send(200, { Volumes: [null, 7, { Mountpoint: '/nowhere' }, { Name: 'good', Mountpoint: mountpoint('good') }] });
          return send(200, { Volumes: [...mounts.keys()].map((n) => ({ Name: n, Mountpoint: mountpoint(n) })) });
        case 'VolumeDriver.Create':
          return send(200, {});
        case 'VolumeDriver.Mount':
          if (mode === 'error500') return send(500, { Err: 'fault-plugin: backend exploded' });
          if (mode === 'empty') return send(200, {});
          if (mode === 'crash') process.exit(70);
          if (mode === 'slow') await new Promise((r) => setTimeout(r, delay));
          if (mode === 'mount-err' || mode === 'mount-err-slow-unmount') {
            doMount(name, id);
            return send(500, { Err: 'fault-plugin: mounted, then failed' });
          }
          return send(200, { Mountpoint: doMount(name, id), Err: '' });
        case 'VolumeDriver.Unmount':
          if (mode === 'mount-err-slow-unmount') await new Promise((r) => setTimeout(r, delay));
          doUnmount(name, id);
          return send(200, { Err: '' });
        case 'VolumeDriver.Path':
          return send(200, { Mountpoint: mounts.get(name)?.length ? mountpoint(name) : '' });
        default:
          return send(404, { Err: `unknown method ${method}` });
      }
    } catch (e) {
      send(500, { Err: (e as Error).message });
    }
  });
});
server.listen(socketPath, () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
