/** Turns transport failures into the four things a user can act on: unreachable, token, TLS, timeout. */

export type BridgeErrorKind = 'unreachable' | 'unauthorized' | 'forbidden' | 'tls' | 'timeout' | 'closed' | 'cancelled' | 'rpc' | 'http';

export class BridgeError extends Error {
  constructor(readonly kind: BridgeErrorKind, message: string) {
    super(message);
    this.name = 'BridgeError';
  }

  static fromHttpStatus(status: number, url: string): BridgeError {
    if (status === 401) return new BridgeError('unauthorized', `The agent at ${url} rejected the token (HTTP 401). Run "Marathon: Add Agent" again with the token from the agent's --token-file.`);
    if (status === 403) return new BridgeError('forbidden', `The agent at ${url} refused this client (HTTP 403): its --allow-origin or client-certificate settings do not admit it.`);
    return new BridgeError('http', `The agent at ${url} answered HTTP ${status} instead of opening the websocket; is this a dvdi-bridge URL (path /v1)?`);
  }
}

const unreachableCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EAI_AGAIN', 'EPIPE']);

export function classifyConnectError(e: Error & { code?: string }, url: string): BridgeError {
  const code = e.code ?? '';
  if (unreachableCodes.has(code)) return new BridgeError('unreachable', `Cannot reach the agent at ${url} (${code}). Is dvdi-bridge running there and is the port open?`);
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code) || /certificate|ssl|tls/i.test(e.message)) {
    return new BridgeError('tls', `TLS handshake with ${url} failed (${code || e.message}). Check the agent's certificate, or use ws:// for an agent without TLS.`);
  }
  if (/timed? ?out/i.test(e.message) || code === 'ETIMEDOUT') return new BridgeError('timeout', `The agent at ${url} did not answer in time (${code || e.message}).`);
  return new BridgeError('unreachable', `Cannot connect to the agent at ${url}: ${e.message}`);
}
