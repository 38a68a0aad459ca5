/**
 * A small cluster on loopback for the cluster tests: real `dvdi-bridge serve` processes, each standing for one
 * agent on its own loopback address (127.0.0.N, so hostnames differ as on a real cluster), each with its own
 * plugin dir holding the fault-plugin stand-in as the `rexray` driver (`ok` really bind-mounts; `error500`
 * fails the attach) or no rexray driver at all; plus the Mesos master stand-in listing them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe, type ServeProcess } from '../../agent-bridge/test/serveProcess';
import { startMesosMaster, type MesosMasterStandIn } from '../standins/mesos-master/server';
import { agent, type StandInAgent } from '../standins/mesos-master/agents';

const root = join(import.meta.dirname, '../..');
const BRIDGE = join(root, 'agent-bridge/dist/bridge.cjs');
const FAULT_PLUGIN = join(root, 'agent-bridge/test/standins/faultPlugin.ts');
const DVDCLI_STANDIN = join(root, 'agent-bridge/test/standins/dvdcli');

export interface LabAgentSpec {
  zone: string;
  region?: string;
  attributes?: Record<string, string | number>;
  /** The rexray driver on this agent: a plugin that mounts, one whose attach fails, or none. */
  rexray: 'ok' | 'error500' | 'slow' | 'none';
  /** For `slow`: how long Mount takes (ms). */
  delayMs?: number;
  /** false: the agent has no bridge running. */
  bridge?: boolean;
  /** The bridge's default engine: `plugin` (the default here), or `dvdi-module` through the dvdcli stand-in. */
  engine?: 'plugin' | 'dvdi-module';
}

export interface LabAgent {
  spec: LabAgentSpec;
  mesos: StandInAgent;
  hostname: string;
  bridgeUrl?: string;
  port?: number;
}

export interface Lab {
  agents: LabAgent[];
  master: MesosMasterStandIn;
  token: string;
  tokenFile: string;
  dir: string;
  close(): Promise<void>;
}

async function waitReady(p: ChildProcess): Promise<void> {
  await new Promise<void>((res, rej) => {
    let out = '';
    const timer = setTimeout(() => rej(new Error('fault plugin did not start')), 20_000);
    p.stdout!.on('data', (d: Buffer) => {
      out += d;
      if (out.includes('ready')) {
        clearTimeout(timer);
        res();
      }
    });
    p.on('exit', (c) => rej(new Error(`fault plugin exited ${c}`)));
  });
}

export async function startLab(specs: LabAgentSpec[], masterRegion = 'eu'): Promise<Lab> {
  const dir = mkdtempSync(join(tmpdir(), 'cluster-lab-'));
  const token = 'lab-token-0123456789abcdef0123';
  const tokenFile = join(dir, 'tokens');
  writeFileSync(tokenFile, `default:${token}\n`, { mode: 0o600 });
  const plugins: ChildProcess[] = [];
  const serves: ServeProcess[] = [];
  const agents: LabAgent[] = [];
  try {
    await Promise.all(
      specs.map(async (spec, i) => {
        const n = i + 1;
        const hostname = `127.0.0.${n + 10}`;
        const pluginDir = join(dir, `plugins-${n}`);
        mkdirSync(pluginDir, { recursive: true });
        const a: LabAgent = { spec, hostname, mesos: agent({ id: `lab-agent-S${n}`, hostname, attributes: spec.attributes, region: spec.region ?? masterRegion, zone: spec.zone }, n) };
        agents[i] = a;
        if (spec.rexray !== 'none') {
          const p = spawn(process.execPath, ['--import', 'tsx', FAULT_PLUGIN, join(pluginDir, 'rexray.sock'), spec.rexray, join(dir, `plugin-state-${n}`)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
          plugins.push(p);
          await waitReady(p);
        }
        if (spec.bridge === false) return;
        // The agent's proofs of "unused" (issue 8): its own (empty) checkpoint dirs, no dockerd, and the fault
        // plugin named rexray is no REX-Ray vfs, so its wipe-on-mount hazard is allowed.
        const ckpt = join(dir, `ckpt-${n}`);
        mkdirSync(join(ckpt, 'docker-volume'), { recursive: true });
        mkdirSync(join(ckpt, 'dvdi'), { recursive: true });
        const proofs = ['--docker-volume-checkpoint-dir', join(ckpt, 'docker-volume'), '--dvdi-checkpoint-dir', join(ckpt, 'dvdi'), '--docker-socket', 'none', '--allow-hazard', 'rexray-vfs-wipe-on-mount'];
        // The dvdcli stand-in looks for plugins where DVDCLI_STANDIN_PLUGIN_DIRS says (the bridge's children inherit it).
        const engine = spec.engine === 'dvdi-module' ? ['--engine', 'dvdi-module', '--dvdcli', DVDCLI_STANDIN] : ['--engine', 'plugin'];
        const s = await startServe([BRIDGE, 'serve', '--listen', `${hostname}:0`, '--token-file', tokenFile, ...engine, '--plugin-dirs', pluginDir, '--state-dir', join(dir, `state-${n}`), ...proofs], { env: { ...process.env, DVDCLI_STANDIN_PLUGIN_DIRS: pluginDir } });
        serves.push(s);
        a.bridgeUrl = s.url;
        a.port = Number(new URL(s.url).port);
      }),
    );
  } catch (e) {
    for (const p of [...plugins, ...serves.map((s) => s.proc)]) p.kill('SIGTERM');
    throw e;
  }
  const master = await startMesosMaster({ agents: agents.map((a) => a.mesos), domain: { region: masterRegion, zone: 'a' } });
  return {
    agents,
    master,
    token,
    tokenFile,
    dir,
    async close() {
      await master.close();
      const exits = serves.map((s) => s.exited);
      for (const s of serves) s.proc.kill('SIGTERM');
      await Promise.all(exits);
      for (const p of plugins) p.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
