/**
 * `dvdi-bridge serve` flags → a checked configuration. Every file is read here, at startup, so a wrong path
 * or a malformed token/policy file stops the service with a message instead of failing on the first client.
 */
import { accessSync, constants, existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, delimiter, dirname, join, resolve, sep } from 'node:path';
import { knownDrivers } from '@marathon-devtools/schema/drivers/index';
import type { EngineName, ProofOptions } from '../dryrun/index';
import { loadPolicy, type PolicyResolver } from '../security/policyFile';
import { loadTokenFile, type TokenStore } from '../security/tokens';
import { tlsPairProblem } from '../security/tlsPair';
import type { TlsFiles } from '../server/bridgeServer';
import { parseFlags, parseListen, UsageError, type FlagSpec } from './args';

export const DEFAULT_PLUGIN_DIRS = ['/run/docker/plugins', '/etc/docker/plugins', '/usr/lib/docker/plugins'];
/**
 * Where the isolators keep their checkpoints (read only, for in-use detection): Mesos' default
 * --docker_volume_checkpoint_dir (dvdi-bridge.md §2.1) and mesos-module-dvdi's hard-coded dir (§1.5). Overridden by
 * --docker-volume-checkpoint-dir / --dvdi-checkpoint-dir.
 */
const DEFAULT_CHECKPOINT_DIRS = {
  dockerVolume: '/var/run/mesos/isolators/docker/volume',
  dvdiModule: '/var/run/mesos/isolators/mesos-module-dvdi',
};
const ENGINES: EngineName[] = ['docker-volume', 'dvdi-module', 'plugin'];

export const SERVE_FLAGS: FlagSpec = {
  listen: 'string', 'token-file': 'string', 'state-dir': 'string', engine: 'string', dvdcli: 'string',
  'plugin-dirs': 'string', policy: 'string', 'tls-cert': 'string', 'tls-key': 'string', 'tls-client-ca': 'string',
  'allow-origin': 'list', 'max-concurrent': 'string', 'leftover-retry-ms': 'string',
  'docker-volume-checkpoint-dir': 'string', 'dvdi-checkpoint-dir': 'string', 'no-docker-volume-isolator': 'bool', 'no-dvdi-module': 'bool',
  'docker-socket': 'string', 'trust-checkpoints-for': 'list', 'allow-hazard': 'list',
};

export interface ServeConfig {
  host: string;
  port: number;
  tokens: TokenStore;
  policyFor: PolicyResolver;
  stateDir: string;
  /** undefined: no engine configured → the embedded local driver through the plugin engine. */
  engine?: EngineName;
  dvdcliPath: string;
  /** Whether --dvdcli was given (in embedded mode nothing uses dvdcli, so it is refused). */
  dvdcliGiven: boolean;
  pluginDirs?: string[];
  checkpointDirs: { dockerVolume: string; dvdiModule: string };
  proofs: ProofOptions;
  tls?: TlsFiles;
  allowedOrigins: string[];
  maxConcurrent: number;
  /** How often mounts a dry run could not release are retried (0: only before the next dry run of their volume). */
  leftoverRetryMs: number;
}

function readPem(path: string, flag: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new UsageError(`${flag} ${path}: cannot read it (${(e as Error).message})`);
  }
}

/** dvdcli as Mesos finds it (`which dvdcli`), else the module's default. */
function findDvdcli(): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'dvdcli'))) return join(dir, 'dvdcli');
  }
  return '/usr/bin/dvdcli';
}

/** The path with symlinks resolved as far as it exists (/var/run → /run), the missing rest appended. */
function realish(p: string): string {
  const abs = resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    const parent = dirname(abs);
    return parent === abs ? abs : join(realish(parent), basename(abs));
  }
}

/**
 * The bridge writes under its state dir (journal, local driver, sockets). Inside an isolator's checkpoint dir a
 * stray entry makes the agent unmount a volume on its next restart (dvdi-bridge.md §2.5, §8.8), so such a state dir is refused.
 */
function stateDirProblem(stateDir: string, checkpointDirs: string[] = Object.values(DEFAULT_CHECKPOINT_DIRS)): string | undefined {
  const s = realish(stateDir);
  for (const c of checkpointDirs) {
    const r = realish(c);
    if (s === r || s.startsWith(r.endsWith(sep) ? r : r + sep)) return `serve: --state-dir ${stateDir} is inside the isolator checkpoint dir ${c}; the agent would treat what the bridge writes there as its own state (and unmount volumes on restart): pick a dir such as /var/lib/dvdi-bridge`;
  }
  return undefined;
}

function defaultStateDir(): string {
  if (process.getuid?.() === 0) return '/var/lib/dvdi-bridge';
  return join(process.env.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'dvdi-bridge');
}

export function parseServeArgs(argv: string[]): ServeConfig {
  const f = parseFlags(argv, SERVE_FLAGS, 'serve');
  const listen = f.strings.get('listen');
  if (!listen) throw new UsageError('serve: --listen HOST:PORT is required (e.g. --listen 127.0.0.1:8474)');
  const address = parseListen(listen);
  const tokenFile = f.strings.get('token-file');
  if (!tokenFile) throw new UsageError('serve: --token-file FILE is required; create one with: echo "admin:$(openssl rand -hex 32)" > tokens && chmod 600 tokens');
  const engine = f.strings.get('engine');
  if (engine !== undefined && !ENGINES.includes(engine as EngineName)) throw new UsageError(`serve: --engine ${engine} is not one of ${ENGINES.join(', ')}`);
  const cert = f.strings.get('tls-cert');
  const key = f.strings.get('tls-key');
  const clientCa = f.strings.get('tls-client-ca');
  if (!!cert !== !!key) throw new UsageError('serve: --tls-cert and --tls-key go together; give both or neither');
  if (clientCa && !cert) throw new UsageError('serve: --tls-client-ca needs --tls-cert and --tls-key (client certificates only exist with TLS)');
  const maxConcurrent = Number(f.strings.get('max-concurrent') ?? 4);
  if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1 || maxConcurrent > 64) throw new UsageError('serve: --max-concurrent must be an integer from 1 to 64');
  const leftoverRetryText = f.strings.get('leftover-retry-ms') ?? '30000';
  const leftoverRetryMs = Number(leftoverRetryText);
  if (!/^\d+$/.test(leftoverRetryText) || leftoverRetryMs > 86_400_000) throw new UsageError('serve: --leftover-retry-ms must be an integer number of milliseconds from 0 (off) to 86400000');
  const origins = f.lists.get('allow-origin') ?? [];
  for (const o of origins) {
    if (!/^https?:\/\/[^/]+$/.test(o)) throw new UsageError(`serve: --allow-origin ${o} is not an origin like https://ops.example.com (scheme and host, no path)`);
  }
  const pluginDirs = f.strings.get('plugin-dirs')?.split(/[:,]/).filter(Boolean);
  if (pluginDirs && pluginDirs.length === 0) throw new UsageError('serve: --plugin-dirs is empty; give ":"-separated directories');

  const checkpointDirs = {
    dockerVolume: f.strings.get('docker-volume-checkpoint-dir') ?? DEFAULT_CHECKPOINT_DIRS.dockerVolume,
    dvdiModule: f.strings.get('dvdi-checkpoint-dir') ?? DEFAULT_CHECKPOINT_DIRS.dvdiModule,
  };
  const proofs = proofFlags(f, checkpointDirs);
  const stateDir = f.strings.get('state-dir') ?? defaultStateDir();
  const bad = stateDirProblem(stateDir, Object.values(checkpointDirs));
  if (bad) throw new UsageError(bad);
  const dvdciGiven = f.strings.get('dvdcli');
  const dvdcliPath = dvdciGiven ?? findDvdcli();
  startupProblems({ engine: engine as EngineName | undefined, pluginDirs, dvdcliGiven: dvdciGiven !== undefined, dvdcliPath });

  let tls: TlsFiles | undefined;
  if (cert && key) {
    tls = { cert: readPem(cert, '--tls-cert'), key: readPem(key, '--tls-key'), ...(clientCa ? { clientCa: readPem(clientCa, '--tls-client-ca') } : {}) };
    const problem = tlsPairProblem(tls.cert, tls.key, { cert, key });
    if (problem) throw new UsageError(`serve: ${problem}`);
  }
  const tokens = loadTokenFile(tokenFile);
  return {
    ...address,
    tokens,
    policyFor: loadPolicy(f.strings.get('policy'), tokens.names()),
    // Absolute from here on: the journal records the plugin socket under these dirs for a restarted bridge to find
    // (recover.ts), and a relative path there is not a socket recovery can reach, nor the path a mount(8) child got
    // (local-driver/mountChildren.ts); a killed bridge's mount then stayed (test/e2e/relativeStateDir.test.ts).
    stateDir: resolve(stateDir),
    engine: engine as EngineName | undefined,
    dvdcliPath,
    dvdcliGiven: dvdciGiven !== undefined,
    pluginDirs: pluginDirs?.map((d) => resolve(d)),
    checkpointDirs,
    proofs,
    tls,
    allowedOrigins: origins,
    maxConcurrent,
    leftoverRetryMs,
  };
}

function isSocket(p: string): boolean {
  try {
    return statSync(p).isSocket();
  } catch {
    return false;
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The in-use proof flags (issue 8). An explicitly named checkpoint dir that does not exist is a typo, refused like Mesos refuses a bad flag. */
function proofFlags(f: ReturnType<typeof parseFlags>, dirs: { dockerVolume: string; dvdiModule: string }): ProofOptions {
  const noDv = f.bools.has('no-docker-volume-isolator');
  const noDvdi = f.bools.has('no-dvdi-module');
  if (noDv && f.strings.has('docker-volume-checkpoint-dir')) throw new UsageError('serve: --no-docker-volume-isolator and --docker-volume-checkpoint-dir contradict each other; give one');
  if (noDvdi && f.strings.has('dvdi-checkpoint-dir')) throw new UsageError('serve: --no-dvdi-module and --dvdi-checkpoint-dir contradict each other; give one');
  for (const [flag, dir] of [['docker-volume-checkpoint-dir', dirs.dockerVolume], ['dvdi-checkpoint-dir', dirs.dvdiModule]] as const) {
    if (f.strings.has(flag) && !isDir(dir)) throw new UsageError(`serve: --${flag} ${dir} is not a directory; give the agent's checkpoint dir as it exists on this host`);
  }
  const sock = f.strings.get('docker-socket');
  // Only the default path may be missing (no dockerd on this agent). A named socket that is not there is a typo, and
  // taking it for "no Docker daemon" would skip the only proof that no Docker containerizer task uses the volume.
  if (sock !== undefined && sock !== 'none' && !isSocket(sock)) throw new UsageError(`serve: --docker-socket ${sock} is not a socket; give the agent's Docker Engine API socket (dockerd's -H unix://…), or --docker-socket none if no Docker container on this agent can use these volumes`);
  const trust = f.lists.get('trust-checkpoints-for') ?? [];
  for (const d of trust) if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(d)) throw new UsageError(`serve: --trust-checkpoints-for ${JSON.stringify(d)} is not a driver name (letters, digits, "_", ".", "-")`);
  // Only a hazard the bridge refuses can be allowed; a misspelt id would leave it refused while the operator believes otherwise.
  const allowable = knownDrivers.flatMap((d) => d.hazards ?? []).filter((h) => h.kind === 'wipes-on-mount').map((h) => h.id);
  for (const h of f.lists.get('allow-hazard') ?? []) {
    if (!allowable.includes(h)) throw new UsageError(`serve: --allow-hazard ${JSON.stringify(h)} is not a hazard the bridge refuses; known: ${[...new Set(allowable)].join(', ')} (a driver that cannot show its users is vouched for with --trust-checkpoints-for D)`);
  }
  return {
    ...(noDv ? { noDockerVolumeIsolator: true } : {}),
    ...(noDvdi ? { noDvdiModule: true } : {}),
    ...(sock !== undefined ? { dockerSocket: sock === 'none' ? '' : sock } : {}),
    ...(trust.length ? { trustCheckpointsFor: trust } : {}),
    ...(f.lists.get('allow-hazard')?.length ? { allowHazards: f.lists.get('allow-hazard') } : {}),
  };
}

/**
 * Honest startup (issue 8): what Mesos would refuse to start with, the bridge refuses too, in one line. dvdcli
 * is only used by the docker-volume and dvdi-module engines, which the embedded local driver mode does not
 * offer (its socket is under the state dir, where no agent dvdcli looks); a dvdcli that is not there (the
 * docker/volume isolator: "cannot get dvdcli command") or a plugin dir that does not exist is a typo.
 */
function startupProblems(o: { engine?: EngineName; pluginDirs?: string[]; dvdcliGiven: boolean; dvdcliPath: string }): void {
  const embedded = o.engine === undefined && o.pluginDirs === undefined;
  if (embedded && o.dvdcliGiven) {
    throw new UsageError('serve: --dvdcli is given, but without --engine or --plugin-dirs the bridge runs its embedded local driver through the plugin engine, which never runs dvdcli; add --plugin-dirs (and --engine docker-volume or dvdi-module) to dry-run through dvdcli, or drop --dvdcli');
  }
  const usesDvdcli = o.engine === 'docker-volume' || o.engine === 'dvdi-module';
  if (o.dvdcliGiven || usesDvdcli) {
    try {
      accessSync(o.dvdcliPath, constants.X_OK);
      if (!statSync(o.dvdcliPath).isFile()) throw new Error('not a file');
    } catch {
      const how = o.dvdcliGiven ? `--dvdcli ${o.dvdcliPath}` : `dvdcli (not on PATH, nor at ${o.dvdcliPath})`;
      throw new UsageError(`serve: ${how} is not an executable file; ${usesDvdcli ? `the ${o.engine} engine runs it for every mount (Mesos' docker/volume isolator refuses to start the same way: "cannot get dvdcli command")` : 'give the path of the agent\'s dvdcli'}`);
    }
  }
  for (const d of o.pluginDirs ?? []) if (!isDir(d)) throw new UsageError(`serve: --plugin-dirs: ${d} is not a directory; give the dirs where the agent's plugins have their sockets or spec files (dvdcli searches /run/docker/plugins, /etc/docker/plugins, /usr/lib/docker/plugins)`);
}
