// Test helpers: real HTTP requests (node:http, keep-alive) and a gate started in-process on port 0 in front
// of a given Marathon (the stand-in), reading its root group through the gate's own reader.
import { Agent, request } from 'node:http';
import { after, before } from 'node:test';
import { defaultProfile, type Profile } from '@marathon-devtools/language-server';
import type { MarathonAuth } from '@marathon-devtools/cluster/marathon/options';
import { rootGroupReader } from '../../gate/src/cli/rootGroupReader';
import { startStandinMarathon, type StandinMarathon } from '../standins/marathon/standin';
import { startGate, type FailMode, type GateOptions, type Mode, type RunningGate } from '../../gate/src/gate';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 512 });

export function call(method: string, url: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined && !Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) h['Content-Type'] = 'application/json';
    const req = request(url, { method, headers: h, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export interface TestGateOptions {
  mode?: Mode;
  fail?: FailMode;
  profile?: Profile;
  logs?: Record<string, unknown>[];
  clusterState?: GateOptions['clusterState'];
  maxBodyBytes?: number;
  /** The gate's own credentials for its root-group reads. */
  auth?: MarathonAuth;
  leaderTimeoutMs?: number;
  marathonTimeoutMs?: number;
  /** How long the gate keeps an idle connection to Marathon for reuse (GateOptions.marathonKeepAliveMs). */
  marathonKeepAliveMs?: number;
}

export function gateInFrontOf(marathonUrl: string, o: TestGateOptions = {}): Promise<RunningGate> {
  const marathon = new URL(marathonUrl);
  return startGate(
    {
      marathon, mode: o.mode ?? 'deny', fail: o.fail ?? 'closed', profile: o.profile ?? defaultProfile,
      readRootGroup: rootGroupReader(marathon, { auth: o.auth }, 2_000),
      log: (e) => o.logs?.push(e),
      clusterState: o.clusterState ?? { refreshMs: 60_000, maxAgeMs: 60_000, waitMs: 2_000 },
      maxBodyBytes: o.maxBodyBytes,
      leaderTimeoutMs: o.leaderTimeoutMs,
      marathonTimeoutMs: o.marathonTimeoutMs,
      marathonKeepAliveMs: o.marathonKeepAliveMs,
    },
    '127.0.0.1',
    0,
  );
}

export interface MarathonDenial {
  message: string;
  details: { path: string; errors: string[] }[];
}

/** The gate's refusal (every message ends with a rule id), or undefined for any other answer. */
export function gateDenial(a: Answer): MarathonDenial | undefined {
  if (a.status !== 422 && a.status !== 400) return undefined;
  try {
    const b = JSON.parse(a.body) as MarathonDenial;
    if (!Array.isArray(b.details) || b.details.length === 0) return undefined;
    return b.details.every((d) => d.errors.every((e) => / \([a-z0-9][a-z0-9.-]*\)$/.test(e))) ? b : undefined;
  } catch {
    return undefined;
  }
}

/** A stand-in Marathon with a gate in front of it, started before the calling file's tests and closed after them. */
export function gateInFrontOfStandin(): { readonly marathon: StandinMarathon; readonly gate: RunningGate } {
  const lab = {} as { marathon: StandinMarathon; gate: RunningGate };
  before(async () => {
    lab.marathon = await startStandinMarathon();
    lab.gate = await gateInFrontOf(lab.marathon.url);
  });
  after(async () => {
    await lab.gate?.close();
    await lab.marathon?.close();
  });
  return lab;
}

/**
 * A stand-in Marathon started before the calling file's tests, with the fronts (stand-ins placed between the gate and
 * Marathon) and gates a test adds to `fronts` and `gates`; all closed after the file's tests, gates first.
 */
export function standinBehindFronts<F extends { close(): Promise<void> }>(): { readonly marathon: StandinMarathon; fronts: F[]; gates: RunningGate[] } {
  const lab = { fronts: [] as F[], gates: [] as RunningGate[] } as { marathon: StandinMarathon; fronts: F[]; gates: RunningGate[] };
  before(async () => {
    lab.marathon = await startStandinMarathon();
  });
  after(async () => {
    for (const g of lab.gates) await g.close();
    for (const f of lab.fronts) await f.close();
    await lab.marathon?.close();
  });
  return lab;
}
