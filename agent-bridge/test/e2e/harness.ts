/**
 * Shared set-up for the bridge's end-to-end tests: temp roots, real plugins (Debian's rclone, the fault-plugin
 * stand-in, the embedded local driver), the dvdcli stand-in on the runner's config, data checksums and
 * mountinfo snapshots. Everything lives under one mkdtemp root per test file.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DryRunContext, DryRunnerConfig, Policy, ProgressStatus } from '../../src/dryrun/contract';
import { readMountinfo } from '../../src/inuse/mountinfo';
import { until } from '../server/harness';

const here = dirname(fileURLToPath(import.meta.url));
export const DVDCLI_STANDIN = join(here, '..', 'standins', 'dvdcli');
export const FAULT_PLUGIN = join(here, '..', 'standins', 'faultPlugin.ts');

export function fuseSkipReason(): string | undefined {
  if (spawnSync('rclone', ['version'], { stdio: 'ignore' }).status !== 0) return 'rclone is not installed (apt-get install rclone fuse3, or scripts/install-test-deps.sh)';
  if (!existsSync('/dev/fuse')) return '/dev/fuse is missing: FUSE mounts cannot run here';
  if (spawnSync('fusermount3', ['-V'], { stdio: 'ignore' }).status !== 0) return 'fusermount3 is missing (apt-get install fuse3)';
  return undefined;
}

export interface Lab {
  root: string;
  pluginDir: string;
  stateDir: string;
  checkpoints: { dockerVolume: string; dvdiModule: string };
  cleanup(): Promise<void>;
}

export async function makeLab(prefix: string): Promise<Lab> {
  const root = await mkdtemp(join(tmpdir(), `dvdi-${prefix}-`));
  const lab = {
    root,
    pluginDir: join(root, 'plugins'),
    stateDir: join(root, 'state'),
    checkpoints: { dockerVolume: join(root, 'ckpt', 'docker-volume'), dvdiModule: join(root, 'ckpt', 'dvdi') },
    async cleanup() {
      // Only remove the tree when nothing is mounted under it: rm -rf through a live mount would delete data.
      if ((await mountsUnder(root)).length === 0) await rm(root, { recursive: true, force: true });
    },
  };
  await mkdir(lab.pluginDir, { recursive: true });
  // The agent's isolator checkpoint dirs exist (empty: no task uses anything) as on an agent running both isolators.
  await mkdir(lab.checkpoints.dockerVolume, { recursive: true });
  await mkdir(lab.checkpoints.dvdiModule, { recursive: true });
  // The stand-in dvdcli finds plugins here instead of /run/docker/plugins (children inherit the environment).
  process.env.DVDCLI_STANDIN_PLUGIN_DIRS = lab.pluginDir;
  return lab;
}

export function runnerConfig(lab: Lab, extra: Partial<DryRunnerConfig> = {}): DryRunnerConfig {
  // No dockerd runs here; a socket path in the lab keeps a developer's real /var/run/docker.sock out of the tests.
  return { defaultEngine: 'plugin', dvdcliPath: DVDCLI_STANDIN, pluginDirs: [lab.pluginDir], stateDir: lab.stateDir, checkpointDirs: lab.checkpoints, proofs: { dockerSocket: join(lab.root, 'docker.sock') }, ...extra };
}

export const openPolicy: Policy = { allowCreate: false, allowDestructiveOptions: [] };

export function ctx(policy: Policy = openPolicy, signal?: AbortSignal, events?: string[]): DryRunContext {
  return { policy, signal: signal ?? new AbortController().signal, onProgress: (step: string, status: ProgressStatus) => void events?.push(`${step}:${status}`) };
}

export async function mountsUnder(prefix: string): Promise<string[]> {
  return (await readMountinfo()).filter((m) => m.mountPoint === prefix || m.mountPoint.startsWith(prefix + '/')).map((m) => `${m.mountPoint} ${m.fsType}`);
}

/** sha256 over every file's relative path, mode and content, in sorted order. */
export async function checksumTree(dir: string): Promise<string> {
  const h = createHash('sha256');
  async function walk(d: string, rel: string): Promise<void> {
    for (const n of (await readdir(d)).sort()) {
      const p = join(d, n);
      const st = await stat(p);
      h.update(`${rel}/${n}\0${st.mode}\0${st.size}\0`);
      if (st.isDirectory()) await walk(p, `${rel}/${n}`);
      else h.update(await readFile(p));
    }
  }
  await walk(dir, '');
  return h.digest('hex');
}

export async function seedData(dir: string): Promise<void> {
  await mkdir(join(dir, 'sub'), { recursive: true });
  await writeFile(join(dir, 'a.txt'), 'precious data\n');
  await writeFile(join(dir, 'sub', 'b.bin'), Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 251)));
}


export interface Proc {
  child: ChildProcess;
  stop(): Promise<void>;
}

function stopper(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill(signal);
    await gone;
  };
}

/**
 * Debian's rclone as a real Docker volume plugin, confined to the lab (config, cache, base dir, socket). `base`:
 * its --base-dir, by default `<lab>/rclone/base` (give one reached through a symlink to see paths as on hosts
 * where /var/run is /run). `driver`: the plugin's name (its socket `<driver>.sock`, its files under `<lab>/<driver>`),
 * for a second rclone beside the first.
 */
export async function startRclone(lab: Lab, base = join(lab.root, 'rclone', 'base'), driver = 'rclone'): Promise<Proc & { base: string }> {
  const dir = join(lab.root, driver);
  await mkdir(join(dir, 'base'), { recursive: true });
  await mkdir(base, { recursive: true });
  await writeFile(join(dir, 'rclone.conf'), '');
  const sock = join(lab.pluginDir, `${driver}.sock`);
  const child = spawn('rclone', ['serve', 'docker', '--socket-addr', sock, '--base-dir', base, '--cache-dir', join(dir, 'cache'), '--config', join(dir, 'rclone.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, RCLONE_CONFIG: join(dir, 'rclone.conf') },
  });
  child.stderr!.resume();
  await until(async () => (await stat(sock).catch(() => undefined))?.isSocket() ?? false, 10_000, 'rclone serve docker to listen');
  return { child, base, stop: stopper(child) };
}

/**
 * Debian's rclone as a real Docker volume plugin on TCP (`--socket-addr 127.0.0.1:<port>`, as rclone's docs show
 * for a TCP plugin), on a free port; `--no-spec` keeps it from writing /etc/docker/plugins/rclone.spec, so the
 * test writes the spec files that name it. `bind`: the address it listens on (`0.0.0.0`: every interface). Returns the port.
 */
export async function startRcloneTcp(lab: Lab, driver = 'rclonetcp', bind = '127.0.0.1'): Promise<Proc & { base: string; port: number }> {
  const dir = join(lab.root, driver);
  const base = join(dir, 'base');
  await mkdir(base, { recursive: true });
  await writeFile(join(dir, 'rclone.conf'), '');
  const port = await new Promise<number>((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const p = (probe.address() as AddressInfo).port;
      probe.close(() => resolve(p));
    });
    probe.on('error', reject);
  });
  const child = spawn('rclone', ['serve', 'docker', '--socket-addr', `${bind}:${port}`, '--no-spec', '--base-dir', base, '--cache-dir', join(dir, 'cache'), '--config', join(dir, 'rclone.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, RCLONE_CONFIG: join(dir, 'rclone.conf') },
  });
  child.stderr!.resume();
  const answers = () =>
    new Promise<boolean>((r) => {
      // Where it listens: 0.0.0.0 is reached on loopback, an IPv6 literal (`[::1]`) without its brackets.
      const s: Socket = connect(port, bind === '0.0.0.0' ? '127.0.0.1' : bind.replace(/^\[|\]$/g, ''));
      s.once('connect', () => (s.destroy(), r(true))).once('error', () => r(false));
    });
  await until(answers, 10_000, 'rclone serve docker to listen on TCP');
  return { child, base, port, stop: stopper(child) };
}

/** The fault-plugin stand-in as its own process (so `crash` and `stale` are real process deaths). */
export async function startFault(lab: Lab, driver: string, mode: string, delayMs = 1000): Promise<Proc & { stateDir: string }> {
  const stateDir = join(lab.root, `fault-${driver}`);
  const child = spawn(process.execPath, ['--import', 'tsx', FAULT_PLUGIN, join(lab.pluginDir, `${driver}.sock`), mode === 'stale' ? 'ok' : mode, stateDir, String(delayMs)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => c.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`fault plugin exited ${code} before listening`)));
  });
  if (mode === 'stale') await stopper(child, 'SIGKILL')();
  return { child, stateDir, stop: stopper(child, 'SIGKILL') };
}

/** Starts a stand-in from test/standins as its own process and waits for its "ready" line. */
async function startStandin(file: string, args: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, '..', 'standins', file), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => c.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`${file} exited ${code} before listening`)));
  });
  return child;
}

/** The REX-Ray (vfs) stand-in under `driver`'s socket; `calls()` lists every "<Method> <Name>" it received. */
export async function startRexrayVfs(lab: Lab, driver: string, flags: string[] = []): Promise<Proc & { root: string; calls(): Promise<string[]> }> {
  const root = join(lab.root, `rexray-${driver}`);
  await mkdir(root, { recursive: true });
  const child = await startStandin('rexrayVfsPlugin.ts', [join(lab.pluginDir, `${driver}.sock`), root, ...flags]);
  return { child, root, stop: stopper(child), calls: async () => (await readFile(join(root, 'calls.log'), 'utf8').catch(() => '')).split('\n').filter(Boolean) };
}

/**
 * The Docker Engine API stand-in on `<lab>/docker.sock` (where runnerConfig points); `set()` changes its containers.
 * `answerDelayMs`: each answer comes that late, so a dry run's in-use checks before and after its mount take that long.
 */
export async function startDockerEngine(lab: Lab, containers: unknown, answerDelayMs = 0): Promise<Proc & { socket: string; set(c: unknown): Promise<void> }> {
  const file = join(lab.root, 'docker-containers.json');
  await writeFile(file, JSON.stringify(containers));
  const socket = join(lab.root, 'docker.sock');
  const child = await startStandin('dockerEngine.ts', [socket, file, String(answerDelayMs)]);
  return { child, socket, stop: stopper(child), set: (c) => writeFile(file, JSON.stringify(c)) };
}

/** `p`, or a failure naming `what` once `ms` pass: a bridge blocked on a hung mount must fail the test, not hang it. */
export async function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, rej) => (timer = setTimeout(() => rej(new Error(`${what} took more than ${ms} ms: the bridge is wedged`)), ms)));
  try {
    return await Promise.race([p, t]);
  } finally {
    clearTimeout(timer);
  }
}
