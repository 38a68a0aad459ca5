/**
 * One bounded JSON GET for the cluster clients: a timeout on the whole exchange, a cap on the body size, a
 * custom CA, redirects followed only when the caller says how (Mesos' 307 to the leader), and errors that
 * name the URL and say what to do. node:http/https only.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface HttpOptions {
  /** Sent as the Authorization header (`token=<t>` for DC/OS, `Basic …` for Mesos). */
  authorization?: string;
  /** PEM CA bundle for https:// with a private CA. */
  ca?: string | Buffer;
  timeoutMs?: number;
  maxBytes?: number;
}

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  url: string;
}

export class ClusterHttpError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
  }
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export function httpGet(url: string, options: HttpOptions = {}): Promise<HttpAnswer> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return new Promise((resolve, reject) => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return reject(new ClusterHttpError(`"${url}" is not a URL; use http://HOST:PORT or https://HOST:PORT`));
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return reject(new ClusterHttpError(`"${url}" is not an http:// or https:// URL`));
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.authorization) headers.Authorization = options.authorization;
    const req = (u.protocol === 'https:' ? httpsRequest : httpRequest)(u, { method: 'GET', headers, ca: options.ca }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > maxBytes) {
          fail(new ClusterHttpError(`GET ${url}: the answer is larger than ${maxBytes} bytes; refusing to read more`));
          req.destroy();
          return;
        }
        chunks.push(c);
      });
      res.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), url });
      });
      res.on('error', (e) => fail(e));
      res.on('close', () => fail(new ClusterHttpError(`GET ${url}: the connection closed before the answer was complete`)));
    });
    let settled = false;
    const fail = (e: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (e instanceof ClusterHttpError) return reject(e);
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ECONNREFUSED' ? 'connection refused (nothing listens there?)' : code === 'ENOTFOUND' ? 'unknown host' : e.message;
      reject(new ClusterHttpError(`GET ${url}: ${why}`));
    };
    const timer = setTimeout(() => {
      fail(new ClusterHttpError(`GET ${url}: no complete answer within ${timeoutMs / 1000} s`));
      req.destroy();
    }, timeoutMs);
    req.on('error', fail);
    req.end();
  });
}

/** The body as JSON, or an error that names the URL and shows the start of what came back. */
export function parseJsonBody(a: HttpAnswer): unknown {
  try {
    return JSON.parse(a.body);
  } catch {
    const start = a.body.slice(0, 80).replace(/\s+/g, ' ');
    throw new ClusterHttpError(`GET ${a.url}: the answer is not JSON (starts with ${JSON.stringify(start)})`, a.status);
  }
}
