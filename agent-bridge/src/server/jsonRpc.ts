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
  const m = (typeof msg === 'object' && msg !== null ? msg : {}) as Record<string, unknown>;
  // Echo the id when it is usable, so the client can match the error to its request.
  const id = 'id' in m && schema.requestId(m.id) ? (m.id as RpcId) : null;
  if (msg === m && !('method' in m) && ('result' in m || 'error' in m)) return { kind: 'response' };
  // The one envelope check is the protocol schema's (schema/source/protocol.ts): a request has an id, a
  // notification none; everything else about their shape is the schema's to say.
  const isRequest = msg === m && 'id' in m;
  const problem = schemaProblem(isRequest ? schema.request : schema.notification, msg);
  if (problem) return { kind: 'invalid', id, error: { code: ErrorCode.InvalidRequest, message: `Invalid Request: ${problem.message}` } };
  return isRequest ? { kind: 'request', id: m.id as RpcId, method: m.method as string, params: m.params } : { kind: 'notification', method: m.method as string, params: m.params };
}

export const result = (id: RpcId, value: unknown) => JSON.stringify({ jsonrpc: '2.0', id, result: value });
export const failure = (id: RpcId | null, error: RpcError) => JSON.stringify({ jsonrpc: '2.0', id, error });
export const notification = (method: string, params: unknown) => JSON.stringify({ jsonrpc: '2.0', method, params });
