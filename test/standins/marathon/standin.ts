// Stand-in for Marathon (1.10 by default), following ../shared/reference/marathon-api.md: it cannot run here.
// A real HTTP server on loopback (port 0) serving /v2/info, /v2/groups (embeds), /v2/apps[/id][/tasks|/restart|/versions], /v2/pods,
// /v2/events (SSE), /ping and the write routes (bodies recorded), with Marathon's headers (marathon-api.md §1), auth (§2) and
// error bodies (marathon-api.md §12), plus faults a real network produces: slow, an HTML proxy page, a huge body, a 5xx, a
// connection closed mid-body, no leader, a sign-in redirect; and a non-leader in front of another stand-in as its leader
// (marathon-api.md §1). In-process via startStandinMarathon(), or as a CLI (./main.ts).
// Routes ignore matrix parameters (`/v2/apps;x=1`), as Jersey's path matching does.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { GroupInfo, MarathonTask } from '@marathon-devtools/cluster/marathon/types';
import { EventHub } from './eventHub';
import { emptyRoot } from './groupTree';
import { route, type StandinState } from './routes';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');
/** Marathon's own example payloads (../shared/marathon-api/examples, copied byte for byte from upstream). */
export const examplesDir = join(repoRoot, '../shared/marathon-api/examples');

export function exampleJson<T = unknown>(file: string): T {
  if (!existsSync(examplesDir)) throw new Error(`the Marathon stand-in serves Marathon's own example payloads from ../shared/marathon-api/examples, which is absent (${examplesDir})`);
  return JSON.parse(readFileSync(join(examplesDir, file), 'utf8')) as T;
}

/** `info.json` (written for 1.5) brought to a given version: keys added or dropped per marathon-api.md §9's table. */
export function infoFor(version = '1.10.26', config: Record<string, unknown> = {}): Record<string, unknown> {
  const info = exampleJson<Record<string, unknown>>('info.json');
  const mc = { ...(info.marathon_config as Record<string, unknown>) };
  const [major, minor] = version.split('.').map(Number);
  const at = (m: number) => major > 1 || minor >= m;
  if (at(7)) mc.maintenance_mode = false;
  if (at(9)) mc.new_group_enforce_role = 'Off';
  if (!at(4)) for (const k of ['access_control_allow_origin', 'decline_offer_duration', 'default_network_name', 'env_vars_prefix', 'launch_token', 'launch_token_refresh_interval', 'max_instances_per_offer', 'mesos_heartbeat_failure_threshold', 'mesos_heartbeat_interval', 'min_revive_offers_interval', 'offer_matching_timeout', 'on_elected_prepare_timeout', 'scale_apps_initial_delay', 'scale_apps_interval', 'store_cache', 'task_launch_confirm_timeout', 'task_lost_expunge_initial_delay', 'task_lost_expunge_interval', 'mesos_bridge_name']) delete mc[k];
  return { ...info, version, marathon_config: { ...mc, ...config } };
}

export type StandinAuth =
  | { kind: 'none' }
  /** DC/OS Admin Router: `Authorization: token=<t>`; 401 with `WWW-Authenticate: oauthjwt`. */
  | { kind: 'token'; token: string }
  /** `--http_credentials`: Jetty basic; 401 HTML with `WWW-Authenticate: basic realm="Mesosphere"`. */
  | { kind: 'basic'; user: string; password: string }
  /**
   * Authenticated but forbidden (403, the RAML body): every request, or only those whose path starts with `only`
   * (DC/OS Enterprise: a deployer without permission on Marathon's config is refused `/v2/info`, marathon-api.md §9).
   */
  | { kind: 'forbidden'; only?: string }
  /** A sign-in proxy in front of Marathon: a request without `Authorization: token=<t>` is sent (302) to its sign-in page. */
  | { kind: 'sign-in'; token: string };

export type StandinFault =
  | { kind: 'slow'; delayMs: number }
  | { kind: 'html'; status: number }
  | { kind: 'huge'; bytes: number; declareLength?: boolean }
  | { kind: 'status'; status: number; body?: unknown }
  /** Half the answer, then the connection closes: at once, or `afterMs` later (the client has the headers by then). */
  | { kind: 'close-mid-body'; afterMs?: number }
  | { kind: 'no-leader' }
  /** `--http_max_concurrent_requests` reached: LimitConcurrentRequestsFilter's Jetty 503 page (marathon-api.md §1). */
  | { kind: 'too-many-requests'; allowed: number }
  /**
   * A proxy in front sending every request to a sign-in page (Marathon itself redirects only `/` and the event stream),
   * or, with `to`, to the same path and query on that origin (a redirect shaped like a leader's, from something else).
   */
  | { kind: 'redirect'; status: number; to?: string };

export interface StandinOptions {
  rootGroup?: GroupInfo;
  info?: Record<string, unknown>;
  tasks?: Record<string, MarathonTask[]>;
  auth?: StandinAuth;
  /** Heartbeat period of /v2/events (Marathon: 10 s). */
  heartbeatMs?: number;
  /**
   * Node's idle close of a kept connection, announced in `Keep-Alive: timeout=<s>` on every answer (default 5 s).
   * Marathon's Jetty announces none (marathon-api.md §1); a proxy in front of it may (Apache httpd: 5 s).
   */
  keepAliveTimeoutMs?: number;
  port?: number;
  /**
   * Act as a non-leader whose leader is this URL (marathon-api.md §1): every request is forwarded to it and its answer
   * returned, except paths starting with `/v2/events`, which get a 302 to the same path and query there (1.7+; 1.6 and
   * older proxy the stream like any request).
   */
  leaderUrl?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  /** Headers, `authorization` excluded (recorded as present or not). */
  headers: Record<string, string | string[] | undefined>;
  authorized: boolean;
  body: string;
}

export interface StandinMarathon {
  url: string;
  port: number;
  requests: RecordedRequest[];
  setRootGroup(root: GroupInfo): void;
  rootGroup(): GroupInfo;
  setInfo(info: Record<string, unknown>): void;
  setTasks(tasks: Record<string, MarathonTask[]>): void;
  setAuth(auth: StandinAuth): void;
  /**
   * A fault for every later request whose path starts with `pathPrefix` (all paths when omitted) and, when given,
   * whose method is `method` (e.g. a 409 deployment lock on PUT only); undefined clears it.
   */
  setFault(fault: StandinFault | undefined, pathPrefix?: string, method?: string): void;
  /** A non-leader's leader moves (a failover): forwards and the event-stream redirect go to this URL from now on. */
  setLeader(url: string): void;
  pushEvent(eventType: string, data: Record<string, unknown>): void;
  /** Drop every open event stream (a leader change). */
  dropEventStreams(): void;
  eventSubscribers(): number;
  close(): Promise<void>;
}

const COMMON_HEADERS = { 'Cache-Control': 'no-cache, no-store, must-revalidate', Pragma: 'no-cache', Expires: '0' };

function jettyPage(status: number, message: string): string {
  return `<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html;charset=utf-8"/>\n<title>Error ${status} ${message}</title>\n</head>\n<body><h2>HTTP ERROR ${status}</h2>\n<p>Problem accessing /. Reason:\n<pre>    ${message}</pre></p>\n</body>\n</html>\n`;
}

export async function startStandinMarathon(o: StandinOptions = {}): Promise<StandinMarathon> {
  const state: StandinState = { root: o.rootGroup ?? emptyRoot(), info: o.info ?? infoFor(), tasks: o.tasks ?? {} };
  let auth: StandinAuth = o.auth ?? { kind: 'none' };
  let leaderUrl = o.leaderUrl;
  let fault: { fault: StandinFault; prefix: string; method?: string } | undefined;
  const hub = new EventHub(o.heartbeatMs ?? 10_000);
  const requests: RecordedRequest[] = [];
  let leaderHeader = '';

  function checkAuth(req: IncomingMessage): { ok: true } | { status: number; headers: Record<string, string>; body: string; type: string } {
    const given = req.headers.authorization;
    if (auth.kind === 'none') return { ok: true };
    if (auth.kind === 'forbidden' && auth.only !== undefined && !new URL(req.url ?? '/', 'http://standin').pathname.startsWith(auth.only)) return { ok: true };
    if (auth.kind === 'forbidden') return { status: 403, headers: {}, body: JSON.stringify({ message: 'Not Authorized to perform this action!' }), type: 'application/json' };
    if (auth.kind === 'sign-in') {
      if (given === `token=${auth.token}`) return { ok: true };
      return { status: 302, headers: { Location: `https://sso.example.com/login?return=${encodeURIComponent(req.url ?? '/')}` }, body: '', type: 'text/html' };
    }
    if (auth.kind === 'token') {
      if (given === `token=${auth.token}`) return { ok: true };
      return { status: 401, headers: { 'WWW-Authenticate': 'oauthjwt' }, body: '<html><head><title>401 Authorization Required</title></head><body><center><h1>401 Authorization Required</h1></center><hr><center>openresty</center></body></html>\n', type: 'text/html' };
    }
    if (given === `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`) return { ok: true };
    return { status: 401, headers: { 'WWW-Authenticate': 'basic realm="Mesosphere"' }, body: jettyPage(401, 'Unauthorized'), type: 'text/html;charset=iso-8859-1' };
  }

  async function handle(req: IncomingMessage, res: ServerResponse, raw: Buffer): Promise<void> {
    const body = raw.toString('utf8');
    const url = new URL(req.url ?? '/', 'http://standin');
    const { authorization, ...headers } = req.headers;
    requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.search, headers, authorized: authorization !== undefined, body });
    const base = { ...COMMON_HEADERS, 'X-Marathon-Leader': leaderHeader, 'X-Frame-Options': 'DENY', 'X-XSS-Protection': '1; mode=block' };

    const authResult = checkAuth(req);
    if (!('ok' in authResult)) {
      res.writeHead(authResult.status, { ...COMMON_HEADERS, ...authResult.headers, 'Content-Type': authResult.type });
      res.end(authResult.body);
      return;
    }
    const f = fault && url.pathname.startsWith(fault.prefix) && (fault.method === undefined || fault.method === req.method) ? fault.fault : undefined;
    if (f?.kind === 'slow') await new Promise((r) => setTimeout(r, f.delayMs));
    if (f?.kind === 'html') {
      res.writeHead(f.status, { 'Content-Type': 'text/html' });
      res.end(`<!DOCTYPE html>\n<html><head><title>Sign in - Corporate Proxy</title></head><body><form action="/login">Please sign in</form></body></html>\n`);
      return;
    }
    if (f?.kind === 'redirect') {
      res.writeHead(f.status, { Location: f.to ? `${f.to}${req.url ?? '/'}` : `https://sso.example.com/login?return=${encodeURIComponent(url.pathname + url.search)}` });
      res.end();
      return;
    }
    if (f?.kind === 'no-leader') {
      res.writeHead(502, { ...COMMON_HEADERS, 'Content-Type': 'text/html;charset=iso-8859-1' });
      res.end(jettyPage(502, 'Could not determine the current leader'));
      return;
    }
    if (f?.kind === 'too-many-requests') {
      res.writeHead(503, { ...COMMON_HEADERS, 'Content-Type': 'text/html;charset=iso-8859-1' });
      res.end(jettyPage(503, `Too many concurrent requests! Allowed: ${f.allowed}.`));
      return;
    }
    if (f?.kind === 'status') {
      res.writeHead(f.status, { ...base, 'Content-Type': 'application/json' });
      res.end(JSON.stringify(f.body ?? { message: 'internal error' }));
      return;
    }
    if (f?.kind === 'huge') {
      // Streamed chunked unless the length is declared: either way the client must stop reading at its cap.
      res.writeHead(200, { ...base, 'Content-Type': 'application/json', ...(f.declareLength ? { 'Content-Length': String(f.bytes + 19) } : {}) });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < f.bytes) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => (sent = f.bytes));
      res.write('{"id":"/","apps":[');
      pump();
      return;
    }

    if (leaderUrl) {
      // A non-leader's answer to the event stream is its own: the filters' cache headers, none of the leader's.
      const [major, minor] = String(state.info.version ?? '1.10').split('.').map(Number);
      if (url.pathname.startsWith('/v2/events') && (major > 1 || minor >= 7)) {
        res.writeHead(302, { ...COMMON_HEADERS, Location: `${leaderUrl}${req.url ?? '/'}` });
        res.end();
        return;
      }
      return forwardToLeader(req, res, raw, leaderUrl);
    }
    // HEAD runs the servlet's doGet on a response that drops the body (HttpServlet.doHead): the same Accept check, and
    // with `text/event-stream` the stream's headers on a connection held open, its writes dropped (Node drops a HEAD's).
    if (url.pathname === '/v2/events' && (req.method === 'GET' || req.method === 'HEAD')) {
      // marathon-api.md §10: Jetty compares the Accept value with exactly this string.
      if (req.headers.accept !== 'text/event-stream') {
        res.writeHead(405, { ...base, 'Content-Type': 'text/html;charset=iso-8859-1' });
        res.end(req.method === 'HEAD' ? undefined : jettyPage(405, 'HTTP method GET is not supported by this URL'));
        return;
      }
      hub.attach(req, res, url.searchParams, base);
      return;
    }
    if (url.pathname === '/' && req.method === 'GET') {
      res.writeHead(302, { ...base, Location: '/ui/' });
      res.end();
      return;
    }

    const routed = { method: req.method ?? 'GET', path: url.pathname.replace(/;[^/]*/g, '').replace(/\/+$/, '') || '/', query: url.searchParams, contentType: String(req.headers['content-type'] ?? ''), body };
    // A resource without its own HEAD method answers HEAD with its GET, less the entity (Jersey, the JAX-RS 2.0 specification, section 3.3.5).
    let answer = route(state, routed);
    if (req.method === 'HEAD' && (answer.status === 405 || answer.status === 500)) answer = route(state, { ...routed, method: 'GET' });
    const text = answer.text ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
    const length = req.method === 'HEAD' && text ? { 'Content-Length': String(Buffer.byteLength(text)) } : {};
    res.writeHead(answer.status, { ...base, ...answer.headers, ...length, ...(text ? { 'Content-Type': answer.contentType ?? 'application/json' } : {}) });
    if (f?.kind === 'close-mid-body') {
      res.write(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
      if (f.afterMs === undefined) res.socket?.destroy();
      else setTimeout(() => res.socket?.destroy(), f.afterMs);
      return;
    }
    res.end(req.method === 'HEAD' ? undefined : text);
    if (answer.status < 300) for (const e of answer.events ?? []) hub.publish(e.type, e.data);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks)).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ message: String(err) }));
      });
    });
  });
  /**
   * marathon-api.md §1, a non-leader that knows the leader: the request verbatim (method, body, query, every header but
   * `Connection` and `Host`) plus `X-Marathon-Via` and `X-Forwarded-For`; the leader's status, headers and body back,
   * streamed, plus `X-Marathon-Via`. Failures are Jetty pages: a loop, a refused connection (502), anything else (500).
   */
  function forwardToLeader(req: IncomingMessage, res: ServerResponse, raw: Buffer, leaderUrl: string): void {
    const via = `1.1 127.0.0.1:${port}`;
    const fail = (status: number, message: string) => {
      res.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': 'text/html;charset=iso-8859-1' });
      res.end(jettyPage(status, message));
    };
    const seen = [req.headers['x-marathon-via'] ?? []].flat().flatMap((v) => v.split(',')).map((v) => v.trim());
    if (seen.includes(via)) return fail(502, 'Detected proxying loop.');
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && !['host', 'connection', 'content-length', 'transfer-encoding'].includes(k)) headers[k] = v;
    headers['x-marathon-via'] = [...seen.filter(Boolean), via];
    headers['x-forwarded-for'] = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(',');
    const withBody = !['GET', 'HEAD', 'DELETE'].includes(req.method ?? 'GET');
    if (withBody) headers['content-type'] ??= 'application/json';
    const out = request(`${leaderUrl}${req.url ?? '/'}`, { method: req.method, headers }, (up) => {
      const back = { ...up.headers };
      for (const h of ['connection', 'keep-alive', 'transfer-encoding']) delete back[h];
      res.writeHead(up.statusCode ?? 502, { ...back, 'X-Marathon-Via': via });
      up.pipe(res);
      up.on('error', () => res.destroy());
    });
    out.on('error', (e: NodeJS.ErrnoException) => {
      if (res.headersSent) res.destroy();
      else if (e.code === 'ECONNREFUSED') fail(502, 'Connection to leader refused.');
      else fail(500, 'Server Error');
    });
    res.on('close', () => out.destroy());
    out.end(withBody ? raw : undefined);
  }

  if (o.keepAliveTimeoutMs !== undefined) server.keepAliveTimeout = o.keepAliveTimeoutMs;
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  leaderHeader = o.leaderUrl ?? url;
  state.info = { ...state.info, leader: `127.0.0.1:${port}` };

  return {
    url,
    port,
    requests,
    setRootGroup: (root) => (state.root = root),
    rootGroup: () => state.root,
    setInfo: (info) => (state.info = info),
    setTasks: (tasks) => (state.tasks = tasks),
    setAuth: (a) => (auth = a),
    setLeader: (u) => (leaderUrl = u),
    setFault: (f, prefix = '', method) => (fault = f ? { fault: f, prefix, method } : undefined),
    pushEvent: (type, data) => hub.publish(type, data),
    dropEventStreams: () => hub.disconnectAll(),
    eventSubscribers: () => hub.count,
    close: async () => {
      hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
