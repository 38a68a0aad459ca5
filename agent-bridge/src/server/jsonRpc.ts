/**
 * JSON-RPC 2.0 framing: turns one websocket text frame into a request, a notification or an error to send
 * back, and builds responses. Batches are not supported: each dry run streams progress notifications tied to
 * one request, and a batch would have to hold every response until the slowest mount finished. A batch gets a
 * single -32600 error that says so.
 */
import { bridgeProtocolValidators as schema } from '@marathon-devtools/schema/validators';
import { schemaProblem } from './schemaErrors';

export type RpcId = string | number;

export const ErrorCode = {
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  InternalError: -32603,
  /** Server-defined range (-32000..-32099). */
  TooManyRequests: -32001,
  Forbidden: -32003,
  ShuttingDown: -32004,
  /** The LSP code for a cancelled request, reused so editor clients recognise it. */
  RequestCancelled: -32800,
} as const;

export interface RpcError {
  code: number;
  message: string;
  data?: unknown;
}

export type Incoming =
  | { kind: 'request'; id: RpcId; method: string; params: unknown }
  | { kind: 'notification'; method: string; params: unknown }
  /** A response from the client: the bridge sends no requests, so these are ignored. */
  | { kind: 'response' }
  | { kind: 'invalid'; id: RpcId | null; error: RpcError };

// As in the protocol schema (definitions/requestId): a safe integer or a string of 1..128 characters.
const isId = (v: unknown): v is RpcId => (typeof v === 'string' && v.length >= 1 && v.length <= 128) || Number.isSafeInteger(v);

export function parseFrame(text: string): Incoming {
  let msg: unknown;
  try {
    msg = JSON.parse(text);
  } catch (e) {
    return { kind: 'invalid', id: null, error: { code: ErrorCode.ParseError, message: `Parse error: the message is not valid JSON (${(e as Error).message})` } };
  }
  if (Array.isArray(msg)) {
    return { kind: 'invalid', id: null, error: { code: ErrorCode.InvalidRequest, message: 'Invalid Request: batch requests are not supported by dvdi-bridge; send one request per message' } };
  }
  if (typeof msg !== 'object' || msg === null) {
    return { kind: 'invalid', id: null, error: { code: ErrorCode.InvalidRequest, message: 'Invalid Request: a JSON-RPC message must be an object with "jsonrpc": "2.0" and "method"' } };
  }
  const m = msg as Record<string, unknown>;
  // Echo the id when it is usable, so the client can match the error to its request.
  const id = isId(m.id) ? m.id : null;
  const bad = (message: string): Incoming => ({ kind: 'invalid', id, error: { code: ErrorCode.InvalidRequest, message: `Invalid Request: ${message}` } });
  if (m.jsonrpc !== '2.0') return bad('"jsonrpc" must be exactly "2.0"');
  if (!('method' in m) && ('result' in m || 'error' in m)) return { kind: 'response' };
  if (typeof m.method !== 'string') return bad('"method" must be a string');
  if ('id' in m && !isId(m.id)) return bad('"id" must be an integer or a string of 1 to 128 characters (null is not accepted: $/cancelRequest needs an id)');
  if ('params' in m && (typeof m.params !== 'object' || m.params === null || Array.isArray(m.params))) {
    return bad('"params" must be an object (dvdi-bridge takes params by name) when present');
  }
  if (!('id' in m)) return { kind: 'notification', method: m.method, params: m.params };
  // The protocol schema has the last word on the envelope (e.g. no extra top-level fields).
  const envelope = schemaProblem(schema.request, m);
  if (envelope) return bad(envelope.message);
  return { kind: 'request', id: m.id as RpcId, method: m.method, params: m.params };
}

export const result = (id: RpcId, value: unknown) => JSON.stringify({ jsonrpc: '2.0', id, result: value });
export const failure = (id: RpcId | null, error: RpcError) => JSON.stringify({ jsonrpc: '2.0', id, error });
export const notification = (method: string, params: unknown) => JSON.stringify({ jsonrpc: '2.0', method, params });
