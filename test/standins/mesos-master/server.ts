// STAND-IN for an Apache Mesos 1.10 master's read-only HTTP API; follows ../shared/reference/mesos-master-api.md exactly (§1 endpoints and statuses, §2 agent objects, §3 attribute JSON, §4 domains).
/**
 * A real HTTP server on loopback (port 0), in-process (`startMesosMaster`) or as a CLI (main.ts). Serves
 * `/master/slaves` (`/slaves`, `?slave_id=`), `/master/state` (`/state`), `?jsonp=`, 404 for the removed
 * `/master/state.json`; as a non-leader a 307 with a protocol-relative Location to the leader; 503
 * "No leader elected"; 401 with the Basic challenge (Mesos) or `oauthjwt` (DC/OS token) when credentials are set.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeMesosJson } from './mesosJson';
import type { StandInAgent } from './agents';

export interface MesosMasterOptions {
  agents?: StandInAgent[];
  recovered?: StandInAgent[];
  /** The master's fault domain region/zone (top-level `domain` of /master/state). */
  domain?: { region: string; zone: string };
  /** Not the leader: answer 307 to this `host:port`. */
  leader?: string;
  /** No leader elected: 503. */
  noLeader?: boolean;
  /** Require `Authorization: Basic base64(user:pass)` (Mesos `--authenticate_http_readonly`). */
  basic?: { user: string; password: string };
  /** Require `Authorization: token=<t>` (DC/OS Admin Router). */
  dcosToken?: string;
  /** Delay every answer (ms), to exercise client timeouts. */
  delayMs?: number;
  /** Delay only `/master/state` (ms): on a big cluster the full state is slow to build and large, unlike `/master/slaves`. */
  stateDelayMs?: number;
  host?: string;
  port?: number;
}

export interface MesosMasterStandIn {
  url: string;
  /** Replace the agents the master reports (e.g. an agent joins or drains). */
  setAgents(agents: StandInAgent[]): void;
  /** Every request path seen, in order. */
  requests: string[];
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json', extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

export async function startMesosMaster(options: MesosMasterOptions = {}): Promise<MesosMasterStandIn> {
  let agents = options.agents ?? [];
  const requests: string[] = [];
  const started = Date.now() / 1000;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // A delayed answer due after close() finds no server (and no address) to answer from.
    const answer = () => (server.listening ? handle(req, res) : res.destroy());
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const delay = (options.delayMs ?? 0) + (path === '/master/state' || path === '/state' ? (options.stateDelayMs ?? 0) : 0);
    if (delay) setTimeout(answer, delay);
    else answer();
  });
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const u = new URL(req.url ?? '/', 'http://x');
    requests.push(u.pathname + u.search);
    if (options.noLeader) return send(res, 503, 'No leader elected', 'text/plain');
    if (options.leader) return send(res, 307, '', 'text/plain', { Location: `//${options.leader}${u.pathname}${u.search}` });
    const auth = req.headers.authorization ?? '';
    if (options.basic && auth !== `Basic ${Buffer.from(`${options.basic.user}:${options.basic.password}`).toString('base64')}`) return send(res, 401, '', 'text/plain', { 'WWW-Authenticate': 'Basic realm="mesos-master-readonly"' });
    if (options.dcosToken && auth !== `token=${options.dcosToken}`) return send(res, 401, '{"code":401,"title":"Unauthorized","description":"Authentication required"}', 'application/json', { 'WWW-Authenticate': 'oauthjwt' });
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '', 'text/plain');
    const path = u.pathname;
    let body: unknown;
    if (path === '/master/slaves' || path === '/slaves') {
      const id = u.searchParams.get('slave_id');
      const pick = (l: StandInAgent[]) => (id === null ? l : l.filter((a) => a.id === id));
      body = { slaves: pick(agents), recovered_slaves: pick(options.recovered ?? []).map(({ id, hostname, port, attributes, domain }) => ({ id, hostname, port, attributes, ...(domain ? { domain } : {}) })) };
    } else if (path === '/master/state' || path === '/state') {
      body = state(options, agents, started, server.address() as AddressInfo);
    } else return send(res, 404, '', 'text/plain');
    const json = writeMesosJson(body);
    const jsonp = u.searchParams.get('jsonp');
    if (jsonp) return send(res, 200, `${jsonp}(${json});`, 'text/javascript');
    send(res, 200, json);
  };
  await new Promise<void>((r) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', r));
  const addr = server.address() as AddressInfo;
  return {
    url: `http://${addr.address.includes(':') ? `[${addr.address}]` : addr.address}:${addr.port}`,
    setAgents: (a) => void (agents = a),
    requests,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

/** `/master/state` (mesos-master-api.md §1): the top-level keys of 1.10, its `slaves` without the `*_full` keys. */
function state(o: MesosMasterOptions, agents: StandInAgent[], started: number, addr: AddressInfo): unknown {
  const strip = (a: StandInAgent) => Object.fromEntries(Object.entries(a).filter(([k]) => !k.endsWith('_full')));
  return {
    version: '1.10.0', git_sha: '1fb36dcc5a', git_tag: '1.10.0', build_date: '2020-05-27 10:34:02', build_time: 1590575642.0, build_user: 'root',
    start_time: started, elected_time: started, id: 'stand-in-master', pid: `master@${addr.address}:${addr.port}`, hostname: addr.address,
    capabilities: ['AGENT_UPDATE', 'AGENT_DRAINING', 'QUOTA_V2'],
    activated_slaves: agents.filter((a) => a.active).length, deactivated_slaves: agents.filter((a) => !a.active).length, unreachable_slaves: 0,
    ...(o.domain ? { domain: { fault_domain: { region: { name: o.domain.region }, zone: { name: o.domain.zone } } } } : {}),
    leader: `master@${addr.address}:${addr.port}`, leader_info: { id: 'stand-in-master', pid: `master@${addr.address}:${addr.port}`, port: addr.port, hostname: addr.address },
    flags: { port: String(addr.port), authenticate_http_readonly: String(!!o.basic) },
    slaves: agents.map(strip), recovered_slaves: [], frameworks: [], completed_frameworks: [], orphan_tasks: [], unregistered_frameworks: [],
  };
}
