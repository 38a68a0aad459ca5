/**
 * The HTTP(S) listener: `GET /healthz` without a token, and the JSON-RPC websocket at `/v1`. Every check that
 * can refuse a client happens at the HTTP upgrade, before any websocket or JSON-RPC exists: path (404),
 * Origin (403), bearer token (401), then the connection limits (503: 64 in all, 16 per token). TLS client certificates, when required, are
 * checked earlier still, in the TLS handshake.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { hostname } from 'node:os';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import { WebSocketServer, type WebSocket } from 'ws';
import type { DryRunner } from '../dryrun/index';
import type { EventLog } from '../log/logger';
import { createOriginCheck } from '../security/origin';
import type { PolicyResolver } from '../security/policyFile';
import { bearerToken, SUBPROTOCOL, subprotocolToken, type TokenStore } from '../security/tokens';
import { ClientSession } from './connection';
import { BRIDGE_VERSION } from './version';

const RPC_PATH = '/v1';
/** Largest accepted frame; a larger one closes the connection with 1009. */
const MAX_PAYLOAD = 1024 * 1024;
const MAX_CONNECTIONS = 64;
const MAX_CONNECTIONS_PER_TOKEN = 16;

export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
  /** When set, clients must present a certificate signed by this CA. */
  clientCa?: Buffer;
}

export interface BridgeServerOptions {
  host: string;
  port: number;
  tokens: TokenStore;
  policyFor: PolicyResolver;
  runner: DryRunner;
  logger: EventLog;
  tls?: TlsFiles;
  allowedOrigins?: string[];
  maxConcurrentPerConnection?: number;
  /** Ping interval; a client that has not answered the previous ping is disconnected. Default 30 s. */
  heartbeatMs?: number;
}

export interface RunningBridge {
  url: string;
  port: number;
  /** Stops accepting, aborts running requests, waits until the runner has released their mounts. */
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
};

/** Refuses an upgrade with a plain HTTP response on the raw socket (no websocket was created). */
function refuseUpgrade(socket: Duplex, status: number, reason: string, message: string, extra: Record<string, string> = {}): void {
  const body = JSON.stringify({ error: message });
  const headers = { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close', ...extra };
  const head = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${head}\r\n${body}`);
}

export async function startBridgeServer(o: BridgeServerOptions): Promise<RunningBridge> {
  const startedAt = Date.now();
  const originAllowed = createOriginCheck(o.allowedOrigins ?? []);
  const connections = new Map<WebSocket, ClientSession>();
  // A peer that vanished without a FIN (agent rebooted, NAT dropped) would hold a connection slot forever.
  const alive = new WeakMap<WebSocket, boolean>();
  const heartbeat = setInterval(() => {
    for (const ws of connections.keys()) {
      if (!alive.get(ws)) {
        o.logger.info('heartbeat-timeout', { conn: connections.get(ws)?.connId });
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, o.heartbeatMs ?? 30_000);
  heartbeat.unref();
  let shuttingDown = false;
  let nextConn = 1;

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'use GET /healthz' });
      return json(res, 200, { ok: true, version: BRIDGE_VERSION, uptimeS: Math.round((Date.now() - startedAt) / 1000) });
    }
    if (path === RPC_PATH) return json(res, 426, { error: `${RPC_PATH} is a websocket endpoint: connect with a websocket client and "Authorization: Bearer <token>"` });
    json(res, 404, { error: `no such endpoint ${path}; dvdi-bridge serves GET /healthz and the websocket ${RPC_PATH}` });
  };

  const server: Server = o.tls
    ? createHttpsServer({ cert: o.tls.cert, key: o.tls.key, ca: o.tls.clientCa, requestCert: !!o.tls.clientCa, rejectUnauthorized: !!o.tls.clientCa, minVersion: 'TLSv1.2' }, onRequest)
    : createHttpServer(onRequest);
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  server.on('clientError', (err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
    o.logger.info('client-error', { error: (err as Error).message });
  });
  server.on('tlsClientError', (err) => o.logger.info('tls-refused', { error: err.message }));

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_PAYLOAD,
    // No compression: a small compressed frame could inflate past maxPayload's intent and costs CPU per frame.
    perMessageDeflate: false,
    // Only ever select our protocol name, so a "bearer.<token>" entry is never echoed back.
    handleProtocols: (protocols) => (protocols.has(SUBPROTOCOL) ? SUBPROTOCOL : false),
  });

  const bridgeInfo = async () => ({
    agent: hostname(),
    version: BRIDGE_VERSION,
    engines: o.runner.engines(),
    drivers: await o.runner.listDrivers(),
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => {}); // a client resetting mid-handshake must not become an unhandled 'error'
    const remote = req.socket.remoteAddress;
    const path = (req.url ?? '/').split('?')[0];
    if (path !== RPC_PATH) return refuseUpgrade(socket, 404, 'Not Found', `no websocket endpoint at ${path}; connect to ${RPC_PATH}`);
    if (shuttingDown) return refuseUpgrade(socket, 503, 'Service Unavailable', 'dvdi-bridge is shutting down; retry shortly');
    const origin = req.headers.origin;
    if (!originAllowed(origin)) {
      o.logger.warn('connection-refused', { remote, why: 'origin', origin: String(origin).slice(0, 200) });
      return refuseUpgrade(socket, 403, 'Forbidden', `origin ${String(origin).slice(0, 200)} is not allowed; browser pages may connect only from an origin passed with --allow-origin`);
    }
    const token = bearerToken(req.headers.authorization) ?? subprotocolToken(req.headers['sec-websocket-protocol']);
    const tokenName = token === undefined ? undefined : o.tokens.match(token);
    if (tokenName === undefined) {
      o.logger.warn('connection-refused', { remote, why: token === undefined ? 'no bearer token' : 'unknown token' });
      const msg = token === undefined ? 'missing "Authorization: Bearer <token>" header' : 'the bearer token is not in the bridge\'s token file';
      return refuseUpgrade(socket, 401, 'Unauthorized', `${msg}; use a token from the file given to --token-file`, { 'WWW-Authenticate': 'Bearer realm="dvdi-bridge"' });
    }
    // Limits only after the token (issue 8): a client without one learns nothing about the bridge's load, and one
    // token's clients can take at most a quarter of the slots, so no single holder locks the others out.
    const ofToken = [...connections.values()].filter((c) => c.tokenName === tokenName).length;
    if (connections.size >= MAX_CONNECTIONS || ofToken >= MAX_CONNECTIONS_PER_TOKEN) {
      const which = ofToken >= MAX_CONNECTIONS_PER_TOKEN ? `for token ${tokenName} (limit ${MAX_CONNECTIONS_PER_TOKEN} per token)` : `(limit ${MAX_CONNECTIONS})`;
      o.logger.warn('connection-refused', { remote, token: tokenName, why: 'connection limit', limit: ofToken >= MAX_CONNECTIONS_PER_TOKEN ? MAX_CONNECTIONS_PER_TOKEN : MAX_CONNECTIONS });
      return refuseUpgrade(socket, 503, 'Service Unavailable', `too many connections ${which}; close idle clients and retry`, { 'Retry-After': '5' });
    }
    const peer = o.tls?.clientCa ? (req.socket as TLSSocket).getPeerCertificate?.() : undefined;
    const clientCert = peer && peer.subject ? String(peer.subject.CN ?? '') : undefined;
    wss.handleUpgrade(req, socket, head, (ws) => {
      const connId = `c${nextConn++}`;
      const conn = new ClientSession(ws, {
        connId,
        tokenName,
        clientCert,
        policy: o.policyFor(tokenName),
        runner: o.runner,
        logger: o.logger,
        maxConcurrent: o.maxConcurrentPerConnection ?? 4,
        bridgeInfo,
        isShuttingDown: () => shuttingDown,
      });
      connections.set(ws, conn);
      alive.set(ws, true);
      ws.on('pong', () => alive.set(ws, true));
      o.logger.info('connected', { conn: connId, token: tokenName, remote, ...(clientCert ? { clientCert } : {}) });
      // ws reports protocol violations (oversized frame → 1009, bad UTF-8 → 1007) as 'error' then closes;
      // without a listener Node would treat it as an uncaught error and end the process.
      ws.on('error', (err) => o.logger.warn('connection-error', { conn: connId, token: tokenName, error: err.message }));
      ws.on('message', (data, isBinary) => {
        try {
          conn.onMessage(data, isBinary);
        } catch (e) {
          o.logger.error('internal-error', { conn: connId, error: String((e as Error)?.stack ?? e) });
          ws.close(1011, 'internal error');
        }
      });
      ws.on('close', (code) => {
        connections.delete(ws);
        conn.onClose();
        o.logger.info('disconnected', { conn: connId, token: tokenName, code });
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (e) => o.logger.error('server-error', { error: e.message }));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : o.port;
  const hostForUrl = o.host.includes(':') ? `[${o.host}]` : o.host;
  const url = `${o.tls ? 'wss' : 'ws'}://${hostForUrl}:${port}${RPC_PATH}`;

  return {
    url,
    port,
    async close() {
      if (shuttingDown) return;
      shuttingDown = true;
      clearInterval(heartbeat);
      server.close();
      const pending: Promise<void>[] = [];
      for (const c of connections.values()) {
        c.abortAll('dvdi-bridge is shutting down');
        pending.push(...c.pending());
      }
      await Promise.allSettled(pending); // each runner call unmounts what it mounted before settling
      for (const ws of connections.keys()) ws.close(1001, 'dvdi-bridge is shutting down');
      await new Promise((r) => setTimeout(r, 50));
      for (const ws of connections.keys()) ws.terminate();
      server.closeAllConnections?.();
    },
  };
}
