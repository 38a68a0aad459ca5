/**
 * One authenticated websocket connection: JSON-RPC dispatch, per-connection concurrency limit, cancellation
 * (`$/cancelRequest` and a dropped connection both abort the request's signal; the runner still unmounts), and
 * one structured log line per request with its outcome. Nothing a client sends may throw out of here: every
 * frame ends as a response, a silent drop (notifications) or a clean close.
 */
import type WebSocket from 'ws';
import { cancelOutcome, type DryRunMountResult, type DryRunner, type Policy } from '../dryrun/index';
import { clip, type EventLog } from '../log/logger';
import { policyRefusal } from '../security/policyFile';
import { ErrorCode, failure, notification, parseFrame, result, type RpcError, type RpcId } from './jsonRpc';
import { checkParams, type ReceivedParams } from './paramsValidation';

type Method = Exclude<keyof ReceivedParams, '$/cancelRequest'>;
type Outcome = { value: unknown; fields: Record<string, unknown> };

/** A client that stops reading while we keep answering would grow our memory without bound. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export interface ConnectionContext {
  connId: string;
  tokenName: string;
  clientCert?: string;
  policy: Policy;
  runner: DryRunner;
  logger: EventLog;
  maxConcurrent: number;
  bridgeInfo(): Promise<unknown>;
  isShuttingDown(): boolean;
}

interface InFlight {
  controller: AbortController;
  done: Promise<void>;
  cancelled: boolean;
}

class MethodError extends Error {
  constructor(readonly rpc: RpcError, readonly outcome: Record<string, unknown> = {}) {
    super(rpc.message);
  }
}

export class ClientSession {
  private readonly inFlight = new Map<RpcId, InFlight>();
  private closed = false;

  constructor(private readonly ws: WebSocket, private readonly ctx: ConnectionContext) {}

  get tokenName(): string {
    return this.ctx.tokenName;
  }

  get connId(): string {
    return this.ctx.connId;
  }

  /** Every running request's completion (the server awaits these on shutdown, so mounts are released first). */
  pending(): Promise<void>[] {
    return [...this.inFlight.values()].map((f) => f.done);
  }

  abortAll(reason: string): void {
    for (const f of this.inFlight.values()) f.controller.abort(new Error(reason));
  }

  onClose(): void {
    this.closed = true;
    this.abortAll('connection closed');
  }

  onMessage(data: WebSocket.RawData, isBinary: boolean): void {
    if (isBinary) {
      this.send(failure(null, { code: ErrorCode.ParseError, message: 'Parse error: binary frames are not supported; send JSON-RPC as UTF-8 text frames' }));
      return;
    }
    const msg = parseFrame(data.toString());
    switch (msg.kind) {
      case 'invalid':
        this.ctx.logger.info('request', { conn: this.ctx.connId, token: this.ctx.tokenName, outcome: 'invalid', code: msg.error.code, error: clip(msg.error.message) });
        this.send(failure(msg.id, msg.error));
        return;
      case 'response':
        return;
      case 'notification':
        this.onNotification(msg.method, msg.params);
        return;
      case 'request':
        this.onRequest(msg.id, msg.method, msg.params);
    }
  }

  private onNotification(method: string, params: unknown): void {
    if (method === '$/cancelRequest') {
      const c = checkParams('$/cancelRequest', params, this.ctx.runner.defaultEngine);
      const f = c.ok ? this.inFlight.get(c.value.id) : undefined;
      if (f) {
        f.cancelled = true;
        f.controller.abort(new Error('cancelled by the client'));
      }
      return; // cancelling an unknown or finished id is not an error (it may have just finished)
    }
    // Notifications get no answer by definition; running a dry run nobody can see the result of would
    // only mount a volume for nothing, so other methods sent as notifications are dropped and logged.
    this.ctx.logger.warn('notification-ignored', { conn: this.ctx.connId, token: this.ctx.tokenName, method: clip(method, 80), why: 'JSON-RPC notifications have no id, so no result could be returned; send a request with an id' });
  }

  private onRequest(id: RpcId, method: string, params: unknown): void {
    const started = performance.now();
    const logLine = (fields: Record<string, unknown>) =>
      this.ctx.logger.info('request', { conn: this.ctx.connId, token: this.ctx.tokenName, ...(this.ctx.clientCert ? { clientCert: this.ctx.clientCert } : {}), id: clip(id, 80), method: clip(method, 80), ...fields, ms: Math.round(performance.now() - started) });
    const reject = (error: RpcError, extra: Record<string, unknown> = {}) => {
      logLine({ outcome: 'error', code: error.code, error: clip(error.message), ...extra });
      this.send(failure(id, error));
    };
    if (!Object.hasOwn(this.methods, method)) {
      const served = `dvdi-bridge serves ${Object.keys(this.methods).join(', ')}`;
      // The protocol's two notifications (schema/source/protocol.ts) are known names, but never requests.
      const why =
        method === '$/cancelRequest'
          ? '$/cancelRequest is a notification: send it without "id" (no answer comes back; the cancelled request itself is answered with -32800)'
          : method === 'volume/dryRunProgress'
            ? `volume/dryRunProgress is a notification the bridge sends while a dry run runs, not a method; ${served}`
            : `${JSON.stringify(clip(method, 80))}; ${served}`;
      reject({ code: ErrorCode.MethodNotFound, message: `Method not found: ${why}` });
      return;
    }
    if (this.ctx.isShuttingDown()) {
      reject({ code: ErrorCode.ShuttingDown, message: 'dvdi-bridge is shutting down; retry against the restarted service' });
      return;
    }
    if (this.inFlight.has(id)) {
      reject({ code: ErrorCode.InvalidRequest, message: `Invalid Request: id ${JSON.stringify(id)} is already used by a request still running on this connection; use a fresh id` });
      return;
    }
    // Params first: a request refused for them never runs, so it takes no slot from the requests pipelined after it
    // (which would otherwise hear "too many concurrent requests" instead of what is wrong with them).
    const checked = checkParams(method as Method, params, this.ctx.runner.defaultEngine);
    if (!checked.ok) {
      reject({ code: ErrorCode.InvalidParams, message: `Invalid params: ${checked.message}`, data: { field: checked.field } });
      return;
    }
    if (this.inFlight.size >= this.ctx.maxConcurrent) {
      reject({ code: ErrorCode.TooManyRequests, message: `too many concurrent requests: ${this.ctx.maxConcurrent} are already running on this connection; wait for one to finish (each dry run holds a real mount)` });
      return;
    }
    const controller = new AbortController();
    const entry: InFlight = { controller, cancelled: false, done: Promise.resolve() };
    this.inFlight.set(id, entry);
    entry.done = this.methods[method as Method](checked.value as never, id, controller.signal)
      .then(({ value, fields }) => {
        if (entry.cancelled && method !== 'volume/dryRunMount') {
          // A query that finished anyway: nothing to account for (cancelOutcome reads a dry run's steps).
          reject({ code: ErrorCode.RequestCancelled, message: `Request cancelled by $/cancelRequest; ${method} changes nothing on the agent` }, fields);
        } else if (entry.cancelled) {
          // The runner finished on its release path; tell the client it was cancelled, what that path did (it may have
          // kept the mount: the volume became in use meanwhile) and the steps.
          reject({ code: ErrorCode.RequestCancelled, message: `Request cancelled by $/cancelRequest; ${cancelOutcome(value)}`, data: value }, fields);
        } else if (controller.signal.aborted && this.ctx.isShuttingDown() && method === 'volume/dryRunMount') {
          // Stopped by the bridge's own shutdown (SIGTERM): not a verdict about the volume ("failed" would read as
          // "the driver could not mount it"), but the same account of what the run left as a cancel gets.
          reject({ code: ErrorCode.ShuttingDown, message: `dvdi-bridge is shutting down and stopped this dry run; ${cancelOutcome(value)}; retry against the restarted service`, data: value }, fields);
        } else {
          logLine({ outcome: this.closed ? 'disconnected' : 'ok', ...fields });
          this.send(result(id, value));
        }
      })
      .catch((e: unknown) => {
        if (e instanceof MethodError) return reject(e.rpc, e.outcome);
        // A rejection from the runner is a programming error by contract; report it without internals.
        this.ctx.logger.error('internal-error', { conn: this.ctx.connId, id: clip(id, 80), method, error: String((e as Error)?.stack ?? e) });
        reject({ code: ErrorCode.InternalError, message: `Internal error while running ${method}: ${clip((e as Error)?.message ?? String(e))}. This is a bug in dvdi-bridge; the log on the agent has the details` });
      })
      .finally(() => this.inFlight.delete(id));
  }

  /** The one dispatch table: each method the bridge serves, run on params the schema has already accepted. */
  private readonly methods: { [M in Method]: (p: ReceivedParams[M], id: RpcId, signal: AbortSignal) => Promise<Outcome> } = {
    'bridge/info': async () => ({ value: await this.ctx.bridgeInfo(), fields: {} }),
    'volume/list': (p, _id, signal) => this.listVolumes(p, signal),
    'volume/dryRunMount': (p, id, signal) => this.dryRunMount(p, id, signal),
  };

  private async listVolumes(p: ReceivedParams['volume/list'], signal: AbortSignal): Promise<Outcome> {
    const refusal = policyRefusal(this.ctx.policy, p);
    if (refusal) throw new MethodError({ code: ErrorCode.Forbidden, message: `Forbidden by policy: ${refusal}` }, { driver: p.driver });
    try {
      const value = await this.ctx.runner.listVolumes(p.driver, signal);
      return { value, fields: { driver: p.driver, volumes: value.volumes.length } };
    } catch (e) {
      if (signal.aborted && this.ctx.isShuttingDown()) throw new MethodError({ code: ErrorCode.ShuttingDown, message: 'dvdi-bridge is shutting down and stopped this request before the driver answered; retry against the restarted service' }, { driver: p.driver });
      if (signal.aborted) throw new MethodError({ code: ErrorCode.RequestCancelled, message: 'Request cancelled before the driver answered' }, { driver: p.driver });
      throw new MethodError({ code: -32000, message: `volume/list failed for driver "${p.driver}": ${clip((e as Error).message, 500)}` }, { driver: p.driver });
    }
  }

  private async dryRunMount(p: ReceivedParams['volume/dryRunMount'], id: RpcId, signal: AbortSignal): Promise<Outcome> {
    const fields = { driver: p.driver, name: clip(p.name, 80) };
    const refusal = policyRefusal(this.ctx.policy, p);
    let out: DryRunMountResult;
    if (refusal) {
      out = { verdict: 'refused', steps: [{ step: 'policy', ok: false, ms: 0, detail: refusal }], warnings: [] };
    } else {
      out = await this.ctx.runner.dryRunMount(p, {
        policy: this.ctx.policy,
        signal,
        onProgress: (step, status) => this.send(notification('volume/dryRunProgress', { id, step, status })),
      });
    }
    // The steps that ran, in order (a failed one marked), so the log alone shows how a request ended, e.g. that a
    // run whose client went away still finished with its unmount.
    return { value: out, fields: { ...fields, verdict: out.verdict, steps: out.steps.map((s) => (s.ok ? s.step : `${s.step}:failed`)) } };
  }

  private send(text: string): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.ctx.logger.warn('client-not-reading', { conn: this.ctx.connId, token: this.ctx.tokenName, bufferedBytes: this.ws.bufferedAmount });
      this.ws.terminate();
      return;
    }
    this.ws.send(text, () => {}); // a send error means the socket died; 'close' handles the cleanup
  }
}
