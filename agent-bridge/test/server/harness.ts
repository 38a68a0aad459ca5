/** Starts a real bridge server on a free port with a token file, and a real ws client that speaks JSON-RPC. */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket, { type ClientOptions } from 'ws';
import type { DryRunner } from '../../src/dryrun/contract';
import { createEventLog } from '../../src/log/logger';
import { parsePolicy, SAFE_DEFAULT } from '../../src/security/policyFile';
import { loadTokenFile } from '../../src/security/tokens';
import { startBridgeServer, type BridgeServerOptions, type RunningBridge } from '../../src/server/bridgeServer';

export const ADMIN_TOKEN = 'admin-0123456789abcdef0123456789abcdef';
export const CI_TOKEN = 'ci-fedcba9876543210fedcba9876543210';

export interface Harness {
  bridge: RunningBridge;
  logs: Record<string, unknown>[];
  httpUrl: string;
  close(): Promise<void>;
}

export async function startHarness(runner: DryRunner, extra: Partial<BridgeServerOptions> & { policy?: string } = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'dvdi-srv-'));
  const tokenFile = join(dir, 'tokens');
  writeFileSync(tokenFile, `# test tokens\nadmin:${ADMIN_TOKEN}\nci:${CI_TOKEN}\n`);
  const tokens = loadTokenFile(tokenFile);
  const logs: Record<string, unknown>[] = [];
  const logger = createEventLog({ write: (line: string) => logs.push(JSON.parse(line)) });
  const policyFor = extra.policy ? parsePolicy(extra.policy, tokens.names()) : () => SAFE_DEFAULT;
  const bridge = await startBridgeServer({ host: '127.0.0.1', port: 0, tokens, policyFor, runner, logger, ...extra });
  const httpUrl = bridge.url.replace(/^ws/, 'http').replace(/\/v1$/, '');
  return { bridge, logs, httpUrl, close: () => bridge.close() };
}

export interface RpcClient {
  ws: WebSocket;
  notifications: { method: string; params: any }[];
  /** Sends a request and resolves with the whole response message (result or error). */
  request(method: string, params?: unknown, id?: string | number): Promise<any>;
  /** Sends raw text and resolves with the next message that is not a notification. */
  raw(text: string): Promise<any>;
  send(msg: unknown): void;
  closed: Promise<{ code: number; reason: string }>;
}

let nextId = 1;

export function connect(url: string, opts: ClientOptions & { token?: string | null; protocols?: string[] } = {}): Promise<RpcClient> {
  const { token = ADMIN_TOKEN, protocols = [], ...rest } = opts;
  const headers: Record<string, string> = { ...(rest.headers as Record<string, string>) };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const ws = new WebSocket(url, protocols, { ...rest, headers });
  const notifications: RpcClient['notifications'] = [];
  const waiting = new Map<string | number, (m: any) => void>();
  const rawWaiters: ((m: any) => void)[] = [];
  const closed = new Promise<{ code: number; reason: string }>((r) => ws.on('close', (code, reason) => r({ code, reason: reason.toString() })));
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString());
    if (m.method) return void notifications.push(m);
    const w = m.id !== null && waiting.get(m.id);
    if (w) {
      waiting.delete(m.id);
      w(m);
    } else rawWaiters.shift()?.(m);
  });
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode })));
    ws.once('open', () =>
      resolve({
        ws,
        notifications,
        closed,
        send: (msg) => ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg)),
        request(method, params, id = nextId++) {
          return new Promise((r) => {
            waiting.set(id, r);
            ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) }));
          });
        },
        raw(text) {
          return new Promise((r) => {
            rawWaiters.push(r);
            ws.send(text);
          });
        },
      }),
    );
  });
}

/** Waits until `cond` holds, polling (log lines written after a response was sent, a socket, a mount). */
export async function until(cond: () => boolean | Promise<boolean>, ms = 3000, what = 'the condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
