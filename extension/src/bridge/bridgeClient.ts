/**
 * A JSON-RPC 2.0 client for dvdi-bridge over one websocket (path /v1), with the bridge's method names.
 * No VS Code API here, so it is testable from node and reusable by other clients.
 */
import WebSocket from 'ws';
import type { DryRunMountParams, DryRunMountResult, ProgressStatus } from '@marathon-devtools/agent-bridge/dryrun/contract';
import { BridgeError, classifyConnectError } from './bridgeErrors';

export interface BridgeInfo {
  agent: string;
  version: string;
  engines: string[];
  drivers: { name: string; address: string; capabilities: Record<string, unknown> }[];
}

export interface ConnectOptions {
  /** Fails the connection attempt after this long (ms). */
  connectTimeoutMs?: number;
  /** PEM CA bundle for wss:// agents with a private CA. */
  ca?: string | Buffer;
}

export interface DryRunProgress {
  step: string;
  status: ProgressStatus;
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  onProgress?: (p: DryRunProgress) => void;
}

export class BridgeConnection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private constructor(private readonly ws: WebSocket, readonly url: string) {
    ws.on('message', (data) => this.onMessage(String(data)));
    ws.on('close', (code, reason) => this.failAll(new BridgeError('closed', `The agent closed the connection (${code}${reason.length ? `: ${reason}` : ''}).`)));
    ws.on('error', (e) => this.failAll(classifyConnectError(e, url)));
  }

  static connect(url: string, token: string, options: ConnectOptions = {}): Promise<BridgeConnection> {
    const endpoint = url.replace(/\/+$/, '').endsWith('/v1') ? url : url.replace(/\/+$/, '') + '/v1';
    return new Promise((resolve, reject) => {
      let settled = false;
      const ws = new WebSocket(endpoint, {
        headers: { Authorization: `Bearer ${token}` },
        handshakeTimeout: options.connectTimeoutMs ?? 10_000,
        ca: options.ca,
        maxPayload: 16 * 1024 * 1024,
      });
      const fail = (e: Error) => {
        if (settled) return;
        settled = true;
        ws.terminate();
        reject(e);
      };
      ws.once('unexpected-response', (_req, res) => fail(BridgeError.fromHttpStatus(res.statusCode ?? 0, url)));
      ws.once('error', (e) => fail(classifyConnectError(e, url)));
      ws.once('open', () => {
        settled = true;
        resolve(new BridgeConnection(ws, url));
      });
    });
  }

  info(): Promise<BridgeInfo> {
    return this.request('bridge/info', {}) as Promise<BridgeInfo>;
  }

  /** Runs a dry-run mount; aborting `signal` sends `$/cancelRequest` (the bridge still unmounts). */
  dryRunMount(params: DryRunMountParams, onProgress: (p: DryRunProgress) => void, signal?: AbortSignal, timeoutMs = 15 * 60_000): Promise<DryRunMountResult> {
    return this.request('volume/dryRunMount', params, { onProgress, signal, timeoutMs }) as Promise<DryRunMountResult>;
  }

  close(): void {
    this.ws.close(1000);
  }

  private request(method: string, params: unknown, opts: { onProgress?: (p: DryRunProgress) => void; signal?: AbortSignal; timeoutMs?: number } = {}): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.send({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } });
        done(new BridgeError('timeout', `The agent did not answer ${method} within ${Math.round((opts.timeoutMs ?? 60_000) / 1000)} s.`));
      }, opts.timeoutMs ?? 60_000);
      const onAbort = () => {
        this.send({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } });
        done(new BridgeError('cancelled', 'Cancelled; the agent releases anything it mounted.'));
      };
      const done = (err: Error | null, value?: unknown) => {
        clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
        if (!this.pending.delete(id)) return;
        if (err) reject(err);
        else resolve(value);
      };
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, { resolve: (v) => done(null, v), reject: (e) => done(e), onProgress: opts.onProgress });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  private send(msg: object): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
  }

  private onMessage(text: string): void {
    let msg: { id?: unknown; method?: string; params?: { id?: unknown; step?: string; status?: ProgressStatus }; result?: unknown; error?: { code: number; message: string } };
    try {
      msg = JSON.parse(text);
    } catch {
      return; // not JSON-RPC: ignore rather than fail the request that is running
    }
    if (msg.method === 'volume/dryRunProgress' && msg.params && typeof msg.params.id === 'number') {
      const p = this.pending.get(msg.params.id);
      if (p && msg.params.step && msg.params.status) p.onProgress?.({ step: msg.params.step, status: msg.params.status });
      return;
    }
    if (typeof msg.id !== 'number') return;
    const p = this.pending.get(msg.id);
    if (!p) return;
    if (msg.error) p.reject(new BridgeError('rpc', `The agent refused the request: ${msg.error.message} (JSON-RPC ${msg.error.code}).`));
    else p.resolve(msg.result);
  }

  private failAll(e: Error): void {
    for (const p of [...this.pending.values()]) p.reject(e);
  }
}
