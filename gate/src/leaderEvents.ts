/**
 * The event stream behind a Marathon that is not the leader. A non-leader forwards every request to the leader itself,
 * except paths starting with `/v2/events`: those get a 302 to the same path and query on the leader
 * (../shared/reference/marathon-api.md §1; 1.8+, 1.7 unless proxy_events). The gate's clients know only the gate's
 * address; the leader's is often one they cannot reach, and reached directly it would bypass the gate. So for
 * `GET /v2/events…` the gate follows that redirect itself and streams the leader's answer as it streams Marathon's.
 * Every other redirect (`GET /` → `/ui/`, a sign-in page in front of Marathon) reaches the client untouched.
 *
 * Both hops go through http-proxy-3; `selfHandleResponse` lets the gate see the 302 before the client does. Its own
 * `followRedirects` (follow-redirects) does not fit: it follows every redirect, sign-in pages included, and drops
 * `Authorization` on a redirect to another host, which the leader always is.
 */
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { Readable } from 'node:stream';
import type { ProxyServer } from 'http-proxy-3';
import { leaderNotNamed, leaderUnreachable, type MarathonErrorBody, tooManyLeaderRedirects } from './marathonErrors';

export interface LeaderEventsOptions {
  marathon: URL;
  /** The agent the gate reaches Marathon with: the leader check asks the Marathon the request went to. */
  marathonAgent: HttpAgent | HttpsAgent;
  /** A new connection per request (marathonAgent.ts): the leader check again after its kept connection was lost. */
  marathonFreshAgent: HttpAgent | HttpsAgent;
  marathonCa?: string;
  /** How long the leader check, and the leader until it answers the stream, may take. */
  timeoutMs: number;
  log: (entry: Record<string, unknown>) => void;
}

export interface LeaderEvents {
  /** Sends a `GET /v2/events…` to Marathon, to follow its answer with `answer`. */
  forward(req: IncomingMessage, res: ServerResponse): void;
  /** True for a request `forward` sent: its answers, Marathon's and the leader's, go to `answer`. */
  follows(req: IncomingMessage): boolean;
  answer(proxyRes: IncomingMessage, req: IncomingMessage, res: ServerResponse): void;
  close(): void;
}

interface Hop {
  /** Redirects followed so far. */
  count: number;
  /** Where the request last went (a relative `Location` resolves against it). */
  at: URL;
  timer?: NodeJS.Timeout;
  proxyReq?: ClientRequest;
  gaveUp?: boolean;
}

/** Leadership that moves again while the gate follows it ends in a 502 after this many redirects; the client retries. */
const maxLeaderHops = 3;

export function isEventStreamRequest(method: string | undefined, url: string): boolean {
  return method === 'GET' && url.startsWith('/v2/events');
}

export function leaderEvents(proxy: ProxyServer, o: LeaderEventsOptions): LeaderEvents {
  const hops = new WeakMap<IncomingMessage, Hop>();
  // No keep-alive towards a leader: a stream holds its connection until it ends (Marathon closes it, marathon-api.md §10).
  const httpAgent = new HttpAgent();
  const httpsAgents = new Map<string, HttpsAgent>();

  proxy.on('proxyReq', (proxyReq, req) => {
    const hop = hops.get(req);
    if (hop?.gaveUp) proxyReq.destroy();
    else if (hop?.timer) hop.proxyReq = proxyReq;
  });

  function agentFor(target: URL): HttpAgent | HttpsAgent {
    if (target.protocol === 'http:') return httpAgent;
    // Node would take the TLS server name from the forwarded Host header (the gate's own name); the leader's
    // certificate is checked against the leader's host, as Marathon's is against --marathon's (gate.ts).
    const host = target.hostname.replace(/^\[|\]$/g, '');
    let agent = httpsAgents.get(host);
    if (!agent) httpsAgents.set(host, (agent = new HttpsAgent({ ca: o.marathonCa, servername: isIP(host) ? '' : host })));
    return agent;
  }

  function answer(proxyRes: IncomingMessage, req: IncomingMessage, res: ServerResponse): void {
    const hop = hops.get(req)!;
    clearTimeout(hop.timer);
    hop.timer = undefined;
    if (hop.gaveUp) return void proxyRes.destroy();
    const target = leaderRedirectTarget(proxyRes, hop.at, req.url ?? '/', o.marathon);
    if (!target) return relay(proxyRes, res);
    if (hop.count >= maxLeaderHops) {
      proxyRes.resume();
      return send(res, tooManyLeaderRedirects(maxLeaderHops, target.origin));
    }
    void confirmLeader(req.headers).then((named) => {
      if (res.destroyed) return void proxyRes.destroy();
      if (!named.leader) {
        proxyRes.resume();
        return send(res, leaderNotNamed(target.origin, o.marathon.origin, named.why));
      }
      if (named.leader !== target.origin) {
        // Shaped like the leader redirect but not to the leader Marathon names: something else sent it (a proxy in
        // front, a misconfigured node). It goes to the client as sent; the client's credentials do not go there.
        o.log({ msg: 'event stream redirect passed on', location: target.origin, leader: named.leader });
        return relay(proxyRes, res);
      }
      proxyRes.resume();
      follow(req, res, hop, target);
    });
  }

  /**
   * Where Marathon itself says its leader is: `X-Marathon-Leader` on `GET /ping`, which a non-leader forwards to the
   * leader and whose answer carries the leader's header (marathon-api.md §1; /ping needs no Marathon permission,
   * marathon-api.md §11). Following only to that origin keeps the client's credentials where Marathon's own
   * non-leaders already send them: they forward every other request, credentials included, to the leader, over the
   * same scheme (http unless --disable_http); the gate adds no host and no scheme to that. Asked with the client's
   * identity, as Jetty's basic auth and Admin Router check it before Marathon sees /ping.
   */
  function confirmLeader(client: IncomingHttpHeaders): Promise<{ leader?: string; why: string }> {
    const headers: Record<string, string> = { accept: '*/*' };
    for (const h of ['authorization', 'cookie'] as const) if (typeof client[h] === 'string') headers[h] = client[h];
    const url = new URL(o.marathon.pathname.replace(/\/+$/, '') + '/ping', o.marathon);
    url.username = url.password = ''; // the gate's own credentials stay with its root-group reads (clientAccess.ts)
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const ask = (again: boolean) => new Promise<{ leader?: string; why: string }>((resolve) => {
      let answered = false;
      const req = send(url, { headers, agent: (again ? o.marathonFreshAgent : o.marathonAgent) as HttpAgent, timeout: o.timeoutMs }, (res) => {
        answered = true;
        res.resume();
        const named = res.headers['x-marathon-leader'];
        let leader: string | undefined;
        try {
          leader = typeof named === 'string' ? new URL(named).origin : undefined;
        } catch {
          leader = undefined;
        }
        resolve({ leader, why: `GET /ping: HTTP ${res.statusCode}${leader ? '' : ' without X-Marathon-Leader'}` });
      });
      req.on('timeout', () => req.destroy(Object.assign(new Error(`no answer within ${o.timeoutMs / 1000} s (--marathon-timeout)`), { code: 'ETIMEDOUT' })));
      req.on('error', (e: NodeJS.ErrnoException) => {
        // A kept connection Marathon closed as the question went out (its idle close, marathonAgent.ts): a GET, so
        // asked once more on a new connection, as the access probe is (clientAccess.ts).
        if (!again && !answered && req.reusedSocket && (e.code === 'ECONNRESET' || e.code === 'EPIPE')) return void ask(true).then(resolve);
        resolve({ why: `GET /ping: ${e.code ?? e.message}` });
      });
      req.end();
    });
    return ask(false);
  }

  /** The request again, at the leader: its headers as the gate sent them to Marathon (X-Forwarded-* already added). */
  function follow(req: IncomingMessage, res: ServerResponse, hop: Hop, target: URL): void {
    hop.count++;
    hop.at = target;
    hop.proxyReq = undefined;
    o.log({ msg: 'event stream from the leader', leader: target.origin, redirects: hop.count });
    let failed = false;
    const fail = (code: string) => {
      clearTimeout(hop.timer);
      hop.timer = undefined;
      if (failed) return;
      failed = true;
      if (res.headersSent) res.destroy();
      else send(res, leaderUnreachable(target.origin, o.marathon.origin, code));
    };
    // Until the leader's answer starts: afterwards a stream may be quiet for long (a heartbeat every 10 s, marathon-api.md §10).
    res.once('close', () => clearTimeout(hop.timer));
    const waited = `no answer within ${o.timeoutMs / 1000} s (--marathon-timeout)`;
    hop.timer = setTimeout(() => {
      if (hop.proxyReq) return void hop.proxyReq.destroy(Object.assign(new Error(waited), { code: 'ETIMEDOUT' }));
      hop.gaveUp = true; // no request to stop yet: the one that starts later is dropped (see proxyReq above)
      fail(waited);
    }, o.timeoutMs);
    const leader = new URL(target.pathname + target.search, target.origin);
    proxy.web(req, res, { target: leader.href, ignorePath: true, agent: agentFor(target), xfwd: false, selfHandleResponse: true, buffer: Readable.from([]) }, (err) => {
      const e = err as NodeJS.ErrnoException;
      fail(e.message === waited ? waited : (e.code ?? e.message));
    });
  }

  return {
    forward(req, res) {
      hops.set(req, { count: 0, at: o.marathon });
      proxy.web(req, res, { selfHandleResponse: true });
    },
    follows: (req) => hops.has(req),
    answer,
    close() {
      httpAgent.destroy();
      for (const a of httpsAgents.values()) a.destroy();
    },
  };
}

/**
 * The leader redirect of marathon-api.md §1, by its shape: a redirect of the stream to the same path and query, on an
 * http(s) origin. Marathon builds it from the path it saw, which behind a proxy that strips a prefix (Admin Router's
 * `/service/marathon`) is the client's path without --marathon's. A sign-in page (another path) is not one.
 */
function leaderRedirectTarget(proxyRes: IncomingMessage, at: URL, requested: string, marathon: URL): URL | undefined {
  const status = proxyRes.statusCode ?? 0;
  const location = proxyRes.headers.location;
  if (![301, 302, 303, 307, 308].includes(status) || typeof location !== 'string') return undefined;
  let to: URL;
  try {
    to = new URL(location, at);
  } catch {
    return undefined;
  }
  if (to.protocol !== 'http:' && to.protocol !== 'https:') return undefined;
  const asked = new URL(requested, 'http://gate.invalid');
  const same = [asked.pathname, marathon.pathname.replace(/\/+$/, '') + asked.pathname].some((p) => p === to.pathname) && to.search === asked.search;
  return same ? to : undefined;
}

/** An answer streamed to the client as http-proxy-3 does it (its outgoing passes; hop-by-hop headers already dropped). */
function relay(proxyRes: IncomingMessage, res: ServerResponse): void {
  delete proxyRes.headers['transfer-encoding']; // Node frames the body towards the client itself
  for (const [name, value] of Object.entries(proxyRes.headers)) if (value !== undefined) res.setHeader(name, value);
  res.writeHead(proxyRes.statusCode ?? 502, proxyRes.statusMessage);
  // At once, as Marathon sends them: Node would hold them until the first byte of the body, and a stream filtered with
  // event_type may have none for long (Marathon's heartbeat comes every 10 s, marathon-api.md §10).
  res.flushHeaders();
  proxyRes.pipe(res);
}

function send(res: ServerResponse, e: MarathonErrorBody): void {
  res.writeHead(e.status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(e.body) });
  res.end(e.body);
}
