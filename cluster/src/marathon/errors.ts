// One error type for every way a Marathon request can fail, each with one line naming the URL and the cause
// (the CLI prints it as is and exits 2; the server shows it in the status). Causes follow
// ../shared/reference/marathon-api.md §1 (leader proxy pages), §2 (401/403 and who writes them), §12 (error bodies).
// Tokens and credentials never reach a message: only the URL without user info, the status, and a short,
// single-line excerpt of what the server said.

export type MarathonErrorKind =
  | 'refused' // nothing listens at host:port
  | 'unresolved' // the host name does not resolve
  | 'tls' // certificate not trusted, wrong host name, plain HTTP against HTTPS...
  | 'timeout' // no complete answer within the timeout
  | 'unauthorized' // 401: no or wrong token / credentials
  | 'forbidden' // 403: authenticated but not allowed
  | 'html' // an HTML page instead of JSON: a proxy, a login page, Jetty's leader-proxy errors
  | 'too-large' // the answer is larger than the size cap
  | 'closed' // the connection closed before the answer was complete
  | 'not-json' // a 2xx answer whose body is not the JSON Marathon writes
  | 'http' // any other non-2xx status with Marathon's JSON error body
  | 'network'; // anything else at the socket level

export class MarathonError extends Error {
  override readonly name = 'MarathonError';
  constructor(
    readonly kind: MarathonErrorKind,
    /** The request URL, without user info. */
    readonly url: string,
    /** What went wrong, one line, no secrets. */
    readonly cause_: string,
    readonly status?: number,
    /** The parsed JSON error body, when Marathon sent one (marathon-api.md §12). */
    readonly body?: unknown,
  ) {
    super(`${url}: ${cause_}`);
  }
}

/** A URL as it may be shown: no user info, no fragment. */
export function displayUrl(url: URL | string): string {
  const u = new URL(String(url));
  u.username = '';
  u.password = '';
  u.hash = '';
  return u.toString();
}

/** Collapse server text to one short line, so an error stays one line whatever the server sent. */
export function oneLine(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);

function codeOf(err: unknown): string | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const e = err as { code?: unknown; errors?: unknown[]; cause?: unknown };
  if (typeof e.code === 'string') return e.code;
  // Node's happy-eyeballs connect fails with an AggregateError holding one error per address tried.
  if (Array.isArray(e.errors) && e.errors.length) return codeOf(e.errors[0]);
  return e.cause ? codeOf(e.cause) : undefined;
}

/**
 * Turn a socket-level failure (undici or node) into a MarathonError. `timeoutHint` names what sets the timeout
 * for the user of this client (a flag, a setting; empty when nothing does), shown with a timeout; `caHint` what
 * makes a private CA trusted, shown when TLS fails.
 */
export function networkError(url: string, err: unknown, timeoutMs: number, timeoutHint = '--marathon-timeout', caHint = '--marathon-ca'): MarathonError {
  if (err instanceof MarathonError) return err;
  const code = codeOf(err);
  const name = err && typeof err === 'object' ? (err as { name?: string }).name : undefined;
  // Below 0.1 s, in ms: "within 0 s" would read as no wait at all.
  const seconds = timeoutMs < 100 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 100) / 10} s`;
  if (name === 'TimeoutError' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT')
    return new MarathonError('timeout', url, `no answer within ${seconds}${timeoutHint ? ` (${timeoutHint})` : ''}`);
  if (code === 'ECONNREFUSED') return new MarathonError('refused', url, 'connection refused (is Marathon running at this host and port?)');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new MarathonError('unresolved', url, 'host name does not resolve');
  if (code && (TLS_CODES.has(code) || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL')))
    return new MarathonError('tls', url, `TLS failed (${code}): check ${caHint} and the URL's scheme and host`);
  // HPE_*: undici's HTTP parser met the end of the socket inside a response.
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE' || code?.startsWith('HPE_'))
    return new MarathonError('closed', url, 'the connection closed before the answer was complete');
  const msg = err instanceof Error ? err.message : String(err);
  return new MarathonError('network', url, oneLine(code ? `${code}: ${msg}` : msg));
}
