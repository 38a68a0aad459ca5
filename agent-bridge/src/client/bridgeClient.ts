/**
 * A JSON-RPC 2.0 client for dvdi-bridge over one websocket (path /v1), with the bridge's method names.
 * Used by `dvdi-bridge dry-run` and by the VS Code extension; no VS Code API here.
 */
import WebSocket from 'ws';
import type { BridgeInfoResult, DryRunProgressParams } from '@marathon-devtools/schema/generated/dvdi-bridge-protocol';
import type { DryRunMountParams, DryRunMountResult, VolumeListResult } from '../dryrun/contract';
import { BridgeError, classifyConnectError } from './bridgeErrors';
import { cancelOutcome } from '../dryrun/cancelOutcome';
import { headerUnsafe } from '../security/tokens';


export interface ConnectOptions {
  /** Fails the connection attempt after this long (ms). */
  connectTimeoutMs?: number;
  /** PEM CA bundle for wss:// agents with a private CA. */
  ca?: string | Buffer;
  /** Client certificate and key (PEM) for bridges started with --tls-client-ca. */
  cert?: string | Buffer;
  key?: string | Buffer;
  /** Aborting it gives up the connect and the websocket handshake at once, with a `cancelled` BridgeError. */
  signal?: AbortSignal;
}

/** A `volume/dryRunProgress` notification of the request it belongs to (the id is matched here). */
export type DryRunProgress = Omit<DryRunProgressParams, 'id'>;

interface RequestOptions {
  onProgress?: (p: DryRunProgress) => void;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** A query: on abort, reject at once instead of waiting for the bridge to confirm a release. */
  cancelAtOnce?: boolean;
}

interface Pending {
  method: string;
  cancelled: boolean;
  resolve(v: unknown): void;
  reject(e: Error): void;
  onProgress?: (p: DryRunProgress) => void;
}

/** JSON-RPC code the bridge answers a cancelled request with, once it has released what it mounted. */
const requestCancelled = -32800;
/** How long a cancelled request waits for the bridge to confirm that it released the mount. */
const cancelGraceMs = 30_000;

/** `ws://host:port` or `ws://host:port/` or `…/v1` → `…/v1`, the bridge's only websocket path. */
export function bridgeEndpoint(url: string): string {
  const trimmed = url.trim().replace(/\/+$/, '');
  return trimmed.endsWith('/v1') ? trimmed : `${trimmed}/v1`;
}

export class BridgeConnection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  /** Why the connection ended, once it has: later requests fail with it at once (nothing could answer them). */
  private ended: BridgeError | undefined;

  private constructor(private readonly ws: WebSocket, readonly url: string) {
    ws.on('message', (data) => this.onMessage(String(data)));
    ws.on('close', (code, reason) => {
      this.ended ??= new BridgeError('closed', `The agent at ${url} closed the connection (${code}${reason.length ? `: ${reason}` : ''}) before answering. Check the bridge's log on the agent, then try again.`);
      this.failAll(this.ended);
    });
    ws.on('error', (e) => this.failAll(classifyConnectError(e, url)));
  }

  static connect(url: string, token: string, options: ConnectOptions = {}): Promise<BridgeConnection> {
    const timeoutMs = options.connectTimeoutMs ?? 10_000;
    // Checked here, or the websocket library's "Invalid character in header content" would read as a bad URL.
    const unsafe = headerUnsafe(token);
    if (unsafe) return Promise.reject(new BridgeError('unauthorized', `The token for ${url} contains ${unsafe}, which an HTTP Authorization header cannot carry; it was not sent. Copy the token again (a pasted quote or invisible character?) from the agent's --token-file.`));
    return new Promise((resolve, reject) => {
      let settled = false;
      let ws: WebSocket;
      try {
        ws = new WebSocket(bridgeEndpoint(url), { headers: { Authorization: `Bearer ${token}` }, handshakeTimeout: timeoutMs, ca: options.ca, cert: options.cert, key: options.key, maxPayload: 16 * 1024 * 1024 });
      } catch (e) {
        reject(new BridgeError('unreachable', `"${url}" is not a usable agent URL (${(e as Error).message}). Use ws://HOST:PORT or wss://HOST:PORT.`));
        return;
      }
      const fail = (e: Error) => {
        if (settled) return;
        settled = true;
        ws.removeAllListeners('open');
        ws.on('error', () => undefined); // terminate() may still emit one; it is already reported
        ws.terminate();
        reject(e);
      };
      const onAbort = () => fail(new BridgeError('cancelled', `Cancelled while connecting to the agent at ${url}; nothing was sent to it.`));
      if (options.signal?.aborted) return onAbort();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      ws.once('close', () => options.signal?.removeEventListener('abort', onAbort));
      ws.once('unexpected-response', (_req, res) => fail(BridgeError.fromHttpStatus(res.statusCode ?? 0, url)));
      ws.once('error', (e) => fail(classifyConnectError(e, url, timeoutMs)));
      ws.once('open', () => {
        if (settled) return;
        settled = true;
        options.signal?.removeEventListener('abort', onAbort);
        resolve(new BridgeConnection(ws, url));
      });
    });
  }

  /** `signal`: aborting it rejects at once with a `cancelled` BridgeError (nothing to release for a query). */
  info(signal?: AbortSignal): Promise<BridgeInfoResult> {
    return this.request('bridge/info', undefined, { signal, cancelAtOnce: true }) as Promise<BridgeInfoResult>;
  }

  listVolumes(driver: string, signal?: AbortSignal): Promise<VolumeListResult> {
    return this.request('volume/list', { driver }, { signal, cancelAtOnce: true }) as Promise<VolumeListResult>;
  }

  /**
   * Runs a dry-run mount. Aborting `signal` sends `$/cancelRequest`; the promise then rejects with a
   * `cancelled` BridgeError once the bridge confirms it released the mount (or after a grace period).
   */
  dryRunMount(params: DryRunMountParams, onProgress: (p: DryRunProgress) => void, signal?: AbortSignal, timeoutMs = 15 * 60_000): Promise<DryRunMountResult> {
    return this.request('volume/dryRunMount', params, { onProgress, signal, timeoutMs }) as Promise<DryRunMountResult>;
  }

  close(): void {
    this.ws.close(1000);
  }

  private request(method: string, params: unknown, opts: RequestOptions = {}): Promise<unknown> {
    // A request on a connection that has ended would never be sent (send() drops it) and would only fail at its
    // timeout (15 min for a dry run) with a misleading "did not answer": e.g. the next volume of an app after the
    // bridge restarted mid-run.
    if (this.ws.readyState !== WebSocket.OPEN) {
      return Promise.reject(this.ended ?? new BridgeError('closed', `The connection to the agent at ${this.url} is closed; ${method} was not sent. Connect again.`));
    }
    const id = this.nextId++;
    const timeoutMs = opts.timeoutMs ?? 60_000;
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout;
      const done = (err: Error | null, value?: unknown) => {
        clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
        if (!this.pending.delete(id)) return;
        if (err) reject(err);
        else resolve(value);
      };
      const cancel = () => this.send({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } });
      const onAbort = () => {
        const p = this.pending.get(id);
        if (!p || p.cancelled) return;
        p.cancelled = true;
        cancel();
        if (opts.cancelAtOnce) return done(new BridgeError('cancelled', `Cancelled; ${method} on ${this.url} was abandoned (it changes nothing on the agent).`));
        // Keep the request open: the bridge answers it once the mount is released, which is what the user needs to know.
        clearTimeout(timer);
        timer = setTimeout(() => done(new BridgeError('cancelled', `Cancelled. The agent at ${this.url} did not confirm within ${cancelGraceMs / 1000} s that it released the volume; its journal releases it at the latest on its next start.`)), cancelGraceMs);
      };
      timer = setTimeout(() => {
        cancel();
        done(new BridgeError('timeout', `The agent at ${this.url} did not answer ${method} within ${Math.round(timeoutMs / 1000)} s. The request was cancelled; check the bridge's log on the agent (a hanging volume plugin is the usual cause).`));
      }, timeoutMs);
      this.pending.set(id, { method, cancelled: false, resolve: (v) => done(null, v), reject: (e) => done(e), onProgress: opts.onProgress });
      if (opts.signal?.aborted) onAbort();
      else opts.signal?.addEventListener('abort', onAbort, { once: true });
      this.send({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) });
    });
  }

  private send(msg: object): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
  }

  private onMessage(text: string): void {
    let msg: { id?: unknown; method?: string; params?: { id?: unknown; step?: string; status?: DryRunProgressParams['status'] }; result?: unknown; error?: { code: number; message: string; data?: unknown } };
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
    const rpc = msg.error && { code: msg.error.code, data: msg.error.data };
    // What the dry run left is read from its result: the release path may have kept the mount (the volume became in use).
    if (msg.error?.code === requestCancelled && msg.error.data !== undefined) p.reject(new BridgeError('cancelled', `Cancelled. On the agent at ${this.url}, ${cancelOutcome(msg.error.data)}.`, rpc));
    else if (msg.error?.code === requestCancelled || (p.cancelled && msg.error)) p.reject(new BridgeError('cancelled', `Cancelled. The agent at ${this.url} answered: ${msg.error!.message}`, rpc));
    else if (msg.error) p.reject(new BridgeError('rpc', `The agent at ${this.url} refused ${p.method}: ${msg.error.message} (JSON-RPC ${msg.error.code}).`, rpc));
    else if (p.cancelled) p.reject(new BridgeError('cancelled', `Cancelled, but the dry run had already finished on ${this.url}: ${cancelOutcome(msg.result)}.`));
    else p.resolve(msg.result);
  }

  private failAll(e: Error): void {
    for (const p of [...this.pending.values()]) p.reject(e);
  }
}
