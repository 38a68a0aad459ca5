// The HTTP layer under every Marathon call: undici's request() on one keep-alive Agent per client, with the
// CA, the timeout, the size cap, and errors classified once (./errors). Headers follow
// ../shared/reference/marathon-api.md §1: always `Accept: application/json` and, with a body,
// `Content-Type: application/json`; `X-Marathon-Leader` is remembered from each answer.
import type { Dispatcher } from 'undici';
import { UndiciAgent, request } from './undiciParts';
import { MarathonError, displayUrl, networkError, oneLine } from './errors';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, authorizationHeader, parseBaseUrl, type MarathonClientOptions } from './options';

export type Query = Record<string, string | number | boolean | readonly (string | number | boolean)[] | undefined>;

export interface RequestOptions {
  query?: Query;
  /** A JSON value, sent as `application/json`. */
  json?: unknown;
  /** Raw body bytes (the gate forwards what it received); `contentType` then says what they are. */
  body?: Buffer | string;
  contentType?: string;
  accept?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
  maxBytes?: number;
  signal?: AbortSignal;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  url: string;
}

export interface StreamResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as a Node readable (undici's BodyReadable); the caller must consume or destroy it. */
  body: Dispatcher.ResponseData['body'];
  url: string;
}

export class MarathonTransport {
  readonly base: URL;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  /** The leader named by the last answer's `X-Marathon-Leader` (marathon-api.md §1), if any. */
  leader: string | undefined;
  private readonly authorization: string | undefined;
  private readonly currentAuth: MarathonClientOptions['currentAuth'];
  private readonly agent: UndiciAgent;
  private readonly userAgent: string;
  private readonly timeoutHint: string | undefined;
  private readonly authHint: string;
  private readonly caHint: string;

  constructor(options: MarathonClientOptions) {
    const { base, auth } = parseBaseUrl(options.url);
    this.base = base;
    this.authorization = authorizationHeader(options.auth ?? auth);
    this.currentAuth = options.currentAuth;
    this.timeoutMs = timerMs(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.userAgent = options.userAgent ?? 'marathon-devtools';
    this.timeoutHint = options.timeoutHint;
    this.authHint = options.authHint ?? 'check --marathon-token-file or --marathon-credentials-file';
    this.caHint = options.caHint ?? '--marathon-ca';
    this.agent = new UndiciAgent({
      connect: options.ca ? { ca: options.ca } : {},
      connectTimeout: this.timeoutMs,
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
    });
  }

  /** `v2/info` → absolute URL under the base (which may carry an Admin Router prefix). */
  urlFor(path: string, query?: Query): URL {
    // An absolute URL (a leader's redirect, marathon-api.md §1) is taken as is; anything else is under the base.
    const u = /^https?:\/\//i.test(path) ? new URL(path) : new URL(path.replace(/^\/+/, ''), this.base);
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v === undefined) continue;
      for (const one of Array.isArray(v) ? v : [v]) u.searchParams.append(k, String(one));
    }
    return u;
  }

  private headersFor(o: RequestOptions, hasBody: boolean): Record<string, string> {
    const h: Record<string, string> = { accept: o.accept ?? 'application/json', 'user-agent': this.userAgent, ...o.headers };
    if (hasBody) h['content-type'] = o.contentType ?? 'application/json';
    // Asked per request (a token file replaced meanwhile); a file that cannot be read fails this request as it is.
    const authorization = this.currentAuth ? (authorizationHeader(this.currentAuth()) ?? this.authorization) : this.authorization;
    if (authorization) h.authorization = authorization;
    return h;
  }

  /** Start a request and return the status, headers and the unread body (for streaming and proxying). */
  async stream(method: Dispatcher.HttpMethod, path: string, o: RequestOptions = {}): Promise<StreamResponse> {
    const url = this.urlFor(path, o.query);
    const shown = displayUrl(url);
    const body = o.json !== undefined ? JSON.stringify(o.json) : o.body;
    const headers = this.headersFor(o, body !== undefined);
    const timeoutMs = timerMs(o.timeoutMs ?? this.timeoutMs);
    const signals = [o.signal, timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined].filter((s): s is AbortSignal => !!s);
    try {
      const res = await request(url, {
        method,
        headers,
        body,
        dispatcher: this.agent,
        signal: signals.length > 1 ? AbortSignal.any(signals) : signals[0],
        // A stream (events) may stay silent between heartbeats; the overall signal bounds plain requests.
        bodyTimeout: timeoutMs > 0 ? timeoutMs : 0,
        headersTimeout: timeoutMs > 0 ? timeoutMs : this.timeoutMs,
      });
      const leader = res.headers['x-marathon-leader'];
      if (typeof leader === 'string') this.leader = leader;
      return { status: res.statusCode, headers: res.headers, body: res.body, url: shown };
    } catch (err) {
      const e = this.failure(shown, err, o.signal, timeoutMs);
      // Closed before any answer on http://: most often an HTTPS-only port (Jetty drops plain HTTP without a word).
      if (e.kind === 'closed' && url.protocol === 'http:') throw new MarathonError('closed', shown, `the connection closed before any answer; if this port serves HTTPS, give https:// (and ${this.caHint} for a private CA)`);
      throw e;
    }
  }

  /** A whole answer as bytes, size-capped. Any status is returned; see `json()` for Marathon's success rules. */
  async raw(method: Dispatcher.HttpMethod, path: string, o: RequestOptions = {}): Promise<RawResponse> {
    const res = await this.stream(method, path, o);
    const maxBytes = o.maxBytes ?? this.maxBytes;
    const timeoutMs = timerMs(o.timeoutMs ?? this.timeoutMs);
    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      discard(res.body);
      throw tooLarge(res.url, maxBytes, declared);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of res.body) {
        size += (chunk as Buffer).length;
        if (size > maxBytes) {
          discard(res.body);
          throw tooLarge(res.url, maxBytes);
        }
        chunks.push(chunk as Buffer);
      }
    } catch (err) {
      throw this.failure(res.url, err, o.signal, timeoutMs);
    }
    return { ...res, body: Buffer.concat(chunks, size) };
  }

  /** A JSON answer: 2xx parsed, anything else a MarathonError with its cause. */
  async json<T>(method: Dispatcher.HttpMethod, path: string, o: RequestOptions = {}): Promise<T> {
    const res = await this.raw(method, path, o);
    if (res.status >= 200 && res.status < 300) {
      if (looksLikeHtml(res)) throw htmlError(res);
      if (res.body.length === 0) return undefined as T;
      try {
        return JSON.parse(res.body.toString('utf8')) as T;
      } catch {
        throw new MarathonError('not-json', res.url, `HTTP ${res.status} but the body is not JSON: ${oneLine(res.body.toString('utf8'), 80)}`, res.status);
      }
    }
    throw statusError(res, this.authHint);
  }

  private failure(url: string, err: unknown, callerSignal: AbortSignal | undefined, timeoutMs: number): MarathonError {
    if (err instanceof MarathonError) return err;
    if (callerSignal?.aborted) return new MarathonError('network', url, 'cancelled');
    return networkError(url, err, timeoutMs, this.timeoutHint, this.caHint);
  }

  close(): Promise<void> {
    return this.agent.close();
  }

  /** Close the sockets at once, without the FIN exchange close() waits for; requests still under way fail. */
  destroy(): Promise<void> {
    return this.agent.destroy();
  }
}

/**
 * Node's timers (and undici's) hold at most 2^31 - 1 ms (~24.8 days); a longer one fires after 1 ms with a
 * TimeoutOverflowWarning, so a generous --marathon-timeout would fail every request at once. Cap it instead.
 * AbortSignal.timeout takes whole milliseconds only (a RangeError about "delay" otherwise), and seconds times
 * 1000 need not be whole (1.001 s is 1000.9999999999999 ms): round up, so a timeout never becomes 0 (none).
 */
const maxTimerMs = 2 ** 31 - 1;
function timerMs(ms: number): number {
  return Math.min(Math.ceil(ms), maxTimerMs);
}

/** Drop an unread body without an unhandled 'error' from undici's abort. */
export function discard(body: StreamResponse['body']): void {
  body.on('error', () => {});
  body.destroy();
}

function tooLarge(url: string, maxBytes: number, declared?: number): MarathonError {
  const mb = (n: number) => `${Math.round(n / 1024 / 102.4) / 10} MB`;
  return new MarathonError('too-large', url, declared ? `the answer is ${mb(declared)}, over the ${mb(maxBytes)} limit` : `the answer exceeds the ${mb(maxBytes)} limit`);
}

function header(res: RawResponse, name: string): string {
  const v = res.headers[name];
  return Array.isArray(v) ? v.join(', ') : (v ?? '');
}

function looksLikeHtml(res: RawResponse): boolean {
  if (/text\/html/i.test(header(res, 'content-type'))) return true;
  const head = res.body.subarray(0, 64).toString('utf8').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}

function htmlError(res: RawResponse): MarathonError {
  const text = res.body.toString('utf8');
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
  const leaderText = /Could not determine the current leader|Connection to leader refused|Detected proxying loop/.exec(text)?.[0];
  // Marathon's own LimitConcurrentRequestsFilter page (marathon-api.md §1), not a proxy's: Marathon is there, but busy.
  const busyText = /Too many concurrent requests! Allowed: \d+\./.exec(text)?.[0];
  const what = leaderText
    ? `Marathon's leader proxy answered "${leaderText}"`
    : busyText
      ? `Marathon answered "${busyText}" (its --http_max_concurrent_requests limit): retry later, or raise the limit`
      : `an HTML page${title ? ` ("${oneLine(title, 60)}")` : ''} instead of Marathon's JSON: is the URL a proxy or login page?`;
  return new MarathonError('html', res.url, `HTTP ${res.status}, ${what}`, res.status);
}

/**
 * Marathon redirects only `/` and the event stream (marathon-api.md §1), which have their own handling: any other
 * redirect comes from something in front of it (a sign-in page, http → https). Say where it points, without the
 * query and user info, which may carry state or tokens.
 */
function redirectError(res: RawResponse, message: string | undefined, body: unknown): MarathonError {
  const location = header(res, 'location');
  let target: string | undefined;
  try {
    const u = new URL(location, res.url);
    target = `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    target = undefined;
  }
  const where = target ? `redirect to ${oneLine(target, 120)}` : 'redirect without a usable Location';
  return new MarathonError('http', res.url, `HTTP ${res.status} ${where}${message ? ` (${oneLine(message, 80)})` : ''}: Marathon does not redirect this request, so a proxy or sign-in page answered; give the URL Marathon itself answers at`, res.status, body);
}

function statusError(res: RawResponse, authHint: string): MarathonError {
  const text = res.body.toString('utf8');
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const message = body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string' ? (body as { message: string }).message : undefined;
  if (res.status === 401) {
    const scheme = header(res, 'www-authenticate').split(/\s/)[0];
    return new MarathonError('unauthorized', res.url, `HTTP 401 unauthorized${scheme ? ` (${scheme})` : ''}: ${authHint}`, 401, body);
  }
  if (res.status >= 300 && res.status < 400) return redirectError(res, message, body);
  if (res.status === 403) return new MarathonError('forbidden', res.url, `HTTP 403 forbidden${message ? `: ${oneLine(message, 80)}` : ''}: the identity may not read this`, 403, body);
  if (body === undefined && looksLikeHtml(res)) return htmlError(res);
  // Marathon answers a missing app or group with its JSON {"message"} (marathon-api.md §12), never a bare 404;
  // a bare one is some other server, most often the Mesos master's URL given where Marathon's belongs.
  if (res.status === 404 && message === undefined && !text.trim())
    return new MarathonError('http', res.url, `HTTP 404 with no body: this is not Marathon's API (a Mesos master or agent answers /v2/ paths so); give Marathon's URL, e.g. http://marathon.mesos:8080 on DC/OS, not the master's :5050`, 404);
  return new MarathonError('http', res.url, `HTTP ${res.status}${message ? `: ${oneLine(message)}` : text ? `: ${oneLine(text, 80)}` : ''}`, res.status, body);
}
