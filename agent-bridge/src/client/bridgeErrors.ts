/** Turns transport failures into the few things a user can act on: unreachable, token, TLS, timeout. */

export type BridgeErrorKind = 'unreachable' | 'unauthorized' | 'forbidden' | 'tls' | 'timeout' | 'closed' | 'cancelled' | 'rpc' | 'http';

export class BridgeError extends Error {
  /**
   * `code` and `data` of a JSON-RPC error answer: for a cancelled or failed dry run, `data` is the result
   * with the steps that ran (including the unmount), which callers show.
   */
  constructor(readonly kind: BridgeErrorKind, message: string, readonly rpc?: { code: number; data?: unknown }) {
    super(message);
    this.name = 'BridgeError';
  }

  static fromHttpStatus(status: number, url: string): BridgeError {
    if (status === 401) return new BridgeError('unauthorized', `The agent at ${url} rejected the token (HTTP 401). Use a token from the agent's --token-file.`);
    if (status === 403) return new BridgeError('forbidden', `The agent at ${url} refused this client (HTTP 403): its --allow-origin or client-certificate settings do not admit it.`);
    return new BridgeError('http', `The agent at ${url} answered HTTP ${status} instead of opening a websocket. Is this the dvdi-bridge URL (ws://HOST:PORT, path /v1)?`);
  }
}

const unreachableCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EAI_AGAIN', 'EPIPE']);

export function classifyConnectError(e: Error & { code?: string }, url: string, timeoutMs?: number): BridgeError {
  const code = e.code ?? '';
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_SSL/i.test(code) || /certificate|ssl|tls|wrong version number/i.test(e.message)) {
    return new BridgeError('tls', `TLS handshake with the agent at ${url} failed (${code || e.message}). If the agent serves plain ws://, change the URL; if it uses a private CA, trust that CA; otherwise check its certificate.`);
  }
  if (/timed? ?out/i.test(e.message) || code === 'ETIMEDOUT') {
    return new BridgeError('timeout', `The agent at ${url} did not answer${timeoutMs ? ` within ${Math.round(timeoutMs / 1000)} s` : ' in time'} (${code || e.message}). Is a firewall dropping the port, or is the bridge overloaded?`);
  }
  if (unreachableCodes.has(code)) return new BridgeError('unreachable', `Cannot reach the agent at ${url} (${code}). Is dvdi-bridge running there, and is the host and port right?`);
  return new BridgeError('unreachable', `Cannot connect to the agent at ${url}: ${e.message}. Is dvdi-bridge running there?`);
}
