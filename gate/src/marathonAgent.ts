/**
 * The connections the gate opens to Marathon: kept alive for the next request, but never longer than Marathon keeps
 * them, and never waiting on a connection Marathon does not answer.
 */
import { Agent as HttpAgent, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { isIP, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/** Marathon's Jetty closes a connection idle for 30 s (connector.setIdleTimeout(30000), M:api/HttpModule.scala@0513cddcac L127). */
const marathonIdleTimeoutMs = 30_000;

/**
 * How long the gate keeps an idle connection for reuse by default: well below Marathon's close, so that a request never
 * goes out on a connection Jetty is closing at that moment (it would be reset before Marathon reads it). The margin
 * covers the round trip and timer slack; Node's own agent leaves one second to a server's `Keep-Alive: timeout=` hint,
 * which Jetty does not send.
 */
export const defaultMarathonKeepAliveMs = marathonIdleTimeoutMs - 5_000;

export interface MarathonAgentOptions {
  secure: boolean;
  /** Marathon's host (`--marathon`'s): the TLS server name to check its certificate against. */
  hostname: string;
  ca?: string;
  /** How long an idle connection is kept for the next request. */
  keepAliveMs: number;
  /** How long a new connection may take to be answered (`--marathon-timeout`). */
  connectTimeoutMs: number;
}

export interface MarathonAgents {
  /** Kept-alive connections, unbounded in number: each open /v2/events stream holds one for good. */
  kept: HttpAgent;
  /** A new connection per request, closed after it: for resending a request its kept connection lost (resend.ts). */
  fresh: HttpAgent;
}

/**
 * Marathon's certificate is checked against --marathon's host. Node would otherwise take the TLS server name from the
 * forwarded Host header, the gate's own name, and refuse every request; an agent's options win over the request's. An
 * IP address is no server name (RFC 6066 §3): then the check is against the IP itself.
 */
export function marathonAgents(o: MarathonAgentOptions): MarathonAgents {
  const servername = isIP(o.hostname.replace(/^\[|\]$/g, '')) ? '' : o.hostname;
  // `timeout` is what Node's agent gives a free socket before destroying it (keepSocketAlive); a socket in use only
  // reports it to a request that listens for 'timeout', which the gate's proxied requests do not.
  const make = (keepAlive: boolean): HttpAgent =>
    o.secure
      ? new HttpsAgent({ keepAlive, maxFreeSockets: 64, ca: o.ca, servername, timeout: keepAlive ? o.keepAliveMs : undefined })
      : new HttpAgent({ keepAlive, maxFreeSockets: 64, timeout: keepAlive ? o.keepAliveMs : undefined });
  return {
    kept: withKeepAliveHints(withConnectTimeout(make(true), o.connectTimeoutMs, o.secure)),
    fresh: withConnectTimeout(make(false), o.connectTimeoutMs, o.secure),
  };
}

/** `Keep-Alive: timeout=<s>` of the last answer on each connection, kept before the gate drops the header (hopByHop.ts). */
const announced = new WeakMap<object, number>();

/**
 * What Marathon's side announces it keeps an idle connection (a proxy in front: Apache httpd's 5 s, nginx's
 * `keepalive_timeout` second parameter; Jetty announces nothing). Node's agent reads the header when the answer ends,
 * but the gate drops it from the answer as hop-by-hop before that: call this first.
 */
export function noteKeepAlive(res: IncomingMessage): void {
  const seconds = /^timeout=(\d+)/.exec(String(res.headers['keep-alive'] ?? ''))?.[1];
  if (seconds !== undefined && res.socket) announced.set(res.socket, Number(seconds));
}

/** Node's own reading of the hint (lib/_http_agent.js keepSocketAlive): one second less, none at all below that. */
function withKeepAliveHints(agent: HttpAgent): HttpAgent {
  const keep = agent.keepSocketAlive.bind(agent) as (socket: Duplex) => boolean;
  agent.keepSocketAlive = ((socket: Socket) => {
    const seconds = announced.get(socket);
    announced.delete(socket);
    if (!keep(socket)) return false;
    if (seconds === undefined) return true;
    const ms = seconds * 1000 - 1000;
    if (ms <= 0) return false;
    if (!socket.timeout || ms < socket.timeout) socket.setTimeout(ms);
    return true;
  }) as HttpAgent['keepSocketAlive'];
  return agent;
}

/**
 * A host that drops packets (down, firewalled, a wrong address) leaves a connection unanswered until the kernel gives up
 * retrying its SYN, about two minutes with Linux's default tcp_syn_retries=6: the client would wait that long for a 502.
 * Over HTTPS the connection is answered only once the TLS handshake ends: a hung Marathon whose kernel still accepts
 * the TCP connection would otherwise hold the client for good, and no byte of the request goes out before it ends.
 */
function withConnectTimeout(agent: HttpAgent, ms: number, secure: boolean): HttpAgent {
  const create = agent.createConnection.bind(agent);
  agent.createConnection = (options, callback) => {
    const socket = create(options, callback) as (Duplex & Partial<Socket>) | null | undefined;
    if (socket?.connecting) {
      const timer = setTimeout(() => {
        // `connect ETIMEDOUT`, as the kernel's own, plus the bound that gave up (marathonErrors.ts words the 502 with it).
        const e = Object.assign(new Error(`connect ETIMEDOUT: no answer within ${ms} ms`), { code: 'ETIMEDOUT', syscall: 'connect', connectTimeoutMs: ms });
        socket.destroy(e);
      }, ms);
      const clear = () => clearTimeout(timer);
      socket.once(secure ? 'secureConnect' : 'connect', clear);
      socket.once('close', clear);
    }
    return socket;
  };
  return agent;
}
