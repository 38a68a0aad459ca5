/**
 * "Test mount where the app will run": dry-runs each external volume of an app on one candidate agent or on
 * all of them (bounded concurrency), one connection per bridge, volumes in turn on it. Used by
 * `dvdi-bridge dry-run --app` and by the VS Code extension; no VS Code API and no I/O besides the bridges.
 */
import type { DryRunMountParams, DryRunMountResult, EngineName, Verdict } from '../dryrun/contract';
import { BridgeConnection, type ConnectOptions } from './bridgeClient';
import { BridgeError } from './bridgeErrors';

/** A bridge on an agent where the app may be placed. */
export interface CandidateBridge {
  /** The Mesos agent id, or the hostname for an agent not known to the master (added by hand). */
  agent: string;
  hostname: string;
  zone?: string;
  region?: string;
  url: string;
}

/** One external volume of the app, as the agent's isolator would mount it: the request's fields, all present. */
export type VolumeUnderTest = Required<Pick<DryRunMountParams, 'driver' | 'name' | 'options' | 'containerPath' | 'mode'>> & {
  /** RFC 6901 pointer of the volume in the app file. */
  pointer: string;
  /** The engine the app's form implies (the code lens's `engine`). */
  engine: EngineName;
};

/** The verdicts of the bridge, plus the ways a bridge can fail to answer. */
export type RunVerdict = Verdict | 'unreachable' | 'unauthorized' | 'error' | 'cancelled';

export interface CandidateRun {
  agent: string;
  hostname: string;
  zone?: string;
  region?: string;
  url: string;
  volume: { driver: string; name: string; pointer: string };
  verdict: RunVerdict;
  ms: number;
  /** The failed step's detail, the error, or a note (e.g. the engine the bridge used instead). */
  detail?: string;
  result?: DryRunMountResult;
}

export interface RunOptions {
  /** The token for a bridge (one cluster token, or a per-agent one for agents added by hand). */
  token: (c: CandidateBridge) => string | Promise<string>;
  /** How many bridges at once (default 4). */
  concurrency?: number;
  signal?: AbortSignal;
  connect?: ConnectOptions;
  /** Progress: a run starts, a step of a run changes, a run ends. */
  onEvent?: (e: { candidate: CandidateBridge; volume: VolumeUnderTest; step?: string; status?: string; run?: CandidateRun }) => void;
}

export const OK_VERDICTS: ReadonlySet<RunVerdict> = new Set(['mounted-and-released', 'would-create']);

/** The engine the app's form implies when the bridge can run it; else the bridge's default (its note says so). */
async function engineFor(conn: BridgeConnection, v: VolumeUnderTest): Promise<{ engine?: EngineName; note?: string }> {
  const info = await conn.info();
  if (info.engines.includes(v.engine)) return { engine: v.engine };
  return { note: `the bridge cannot run the ${v.engine} engine (engines: ${info.engines.join(', ')}); it used its default, which calls the volume plugin directly` };
}

function failedDetail(r: DryRunMountResult): string | undefined {
  return r.steps.find((s) => !s.ok)?.detail ?? r.warnings[0];
}

async function runOnBridge(c: CandidateBridge, volumes: readonly VolumeUnderTest[], o: RunOptions): Promise<CandidateRun[]> {
  const base = { agent: c.agent, hostname: c.hostname, ...(c.zone !== undefined ? { zone: c.zone } : {}), ...(c.region !== undefined ? { region: c.region } : {}), url: c.url };
  const out: CandidateRun[] = [];
  const record = (v: VolumeUnderTest, run: Omit<CandidateRun, keyof typeof base | 'volume'>) => {
    const r: CandidateRun = { ...base, volume: { driver: v.driver, name: v.name, pointer: v.pointer }, ...run };
    out.push(r);
    o.onEvent?.({ candidate: c, volume: v, run: r });
  };
  const started = Date.now();
  // Cancelled (Ctrl-C) before this bridge's turn: nothing to ask it, so no connection either (an unreachable agent
  // would hold the cancel up for the whole handshake timeout).
  if (o.signal?.aborted) {
    for (const v of volumes) record(v, { verdict: 'cancelled', ms: 0, detail: 'cancelled before it started' });
    return out;
  }
  let conn: BridgeConnection;
  try {
    conn = await BridgeConnection.connect(c.url, await o.token(c), { ...o.connect, ...(o.signal ? { signal: o.signal } : {}) });
  } catch (e) {
    const kind = e instanceof BridgeError ? e.kind : undefined;
    const verdict: RunVerdict = kind === 'unauthorized' || kind === 'forbidden' ? 'unauthorized' : kind === 'cancelled' ? 'cancelled' : 'unreachable';
    for (const v of volumes) record(v, { verdict, ms: Date.now() - started, detail: (e as Error).message });
    return out;
  }
  try {
    for (const v of volumes) {
      const t0 = Date.now();
      if (o.signal?.aborted) {
        record(v, { verdict: 'cancelled', ms: 0, detail: 'cancelled before it started' });
        continue;
      }
      o.onEvent?.({ candidate: c, volume: v });
      try {
        const { engine, note } = await engineFor(conn, v);
        // Every containerPath as the app gives it: the docker/volume isolator mounts a relative one in the sandbox, and
        // mesos-module-dvdi refuses it ("containerpaths must start with /", dvdi-bridge.md §1.2), which the bridge says.
        const params = { driver: v.driver, name: v.name, options: v.options, mode: v.mode, ...(v.containerPath !== '' ? { containerPath: v.containerPath } : {}), ...(engine ? { engine } : {}) };
        const result = await conn.dryRunMount(params, (p) => o.onEvent?.({ candidate: c, volume: v, step: p.step, status: p.status }), o.signal);
        const detail = OK_VERDICTS.has(result.verdict) ? note : failedDetail(result) ?? note;
        record(v, { verdict: result.verdict, ms: Date.now() - t0, ...(detail ? { detail } : {}), result });
      } catch (e) {
        const data = e instanceof BridgeError ? e.rpc?.data : undefined;
        const result = typeof data === 'object' && data !== null && Array.isArray((data as DryRunMountResult).steps) ? (data as DryRunMountResult) : undefined;
        const verdict: RunVerdict = e instanceof BridgeError && e.kind === 'cancelled' ? 'cancelled' : e instanceof BridgeError && (e.kind === 'closed' || e.kind === 'unreachable') ? 'unreachable' : 'error';
        record(v, { verdict, ms: Date.now() - t0, detail: (e as Error).message, ...(result ? { result } : {}) });
      }
    }
  } finally {
    conn.close();
  }
  return out;
}

/** Runs every volume on every candidate given, at most `concurrency` bridges at once; results in candidate order. */
export async function runOnCandidates(candidates: readonly CandidateBridge[], volumes: readonly VolumeUnderTest[], o: RunOptions): Promise<CandidateRun[]> {
  const limit = Math.max(1, o.concurrency ?? 4);
  const results: CandidateRun[][] = new Array(candidates.length);
  let next = 0;
  const worker = async () => {
    while (next < candidates.length) {
      const i = next++;
      results[i] = await runOnBridge(candidates[i], volumes, o);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, candidates.length) }, worker));
  return results.flat();
}

const where = (r: CandidateRun) => `${r.hostname}${r.zone ? ` in zone ${r.zone}` : ''}`;

/**
 * One line per volume: "rexray/data mounts on 3 of 4 candidates; agent-4 in zone b: <why>". Agents whose
 * verdicts differ from the majority are named with the failed step's detail.
 */
export function summarizeRuns(runs: readonly CandidateRun[]): string[] {
  const byVolume = new Map<string, CandidateRun[]>();
  for (const r of runs) {
    const k = `${r.volume.pointer}\u0000${r.volume.driver}/${r.volume.name}`;
    byVolume.set(k, [...(byVolume.get(k) ?? []), r]);
  }
  return [...byVolume.values()].map((rs) => {
    const vol = `${rs[0].volume.driver}/${rs[0].volume.name}`;
    const mounted = rs.filter((r) => r.verdict === 'mounted-and-released');
    const n = rs.length;
    const head = n === 1 ? `${vol} ${rs[0].verdict === 'mounted-and-released' ? 'mounts' : rs[0].verdict} on ${where(rs[0])}` : `${vol} mounts on ${mounted.length} of ${n} candidates`;
    const odd = n === 1 ? (rs[0].verdict === 'mounted-and-released' || !rs[0].detail ? [] : rs) : rs.filter((r) => r.verdict !== 'mounted-and-released');
    const diffs = odd.map((r) => `${where(r)}: ${r.verdict}${r.detail ? ` (${r.detail})` : ''}`);
    return diffs.length ? `${head}; ${diffs.join('; ')}` : head;
  });
}
