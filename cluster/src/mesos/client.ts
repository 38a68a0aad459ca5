/**
 * The Mesos master client: `GET /master/slaves` and the master's fault domain from `/master/state`
 * (../shared/reference/mesos-master-api.md §1–§4). Follows the 307 a non-leading master sends to the leader,
 * turns 503/401/403 into messages that say what to do, and checks the answer's shape before anyone reads it.
 * The HTTP under it is the Marathon client's transport (../marathon/transport.ts: undici, CA, timeout, size
 * cap, errors classified once); only the messages are the master's own.
 */
import { MarathonError, oneLine } from '../marathon/errors';
import { authorizationHeader, userFreeUrl } from '../marathon/options';
import { MarathonTransport, type RawResponse } from '../marathon/transport';
import type { MesosAgent, SlavesResponse } from './agent';
import { firstAttributes } from './firstAttributes';

export interface MesosClientOptions {
  /** Base URL of a master (`http://master:5050`) or DC/OS Admin Router's `…/mesos`. */
  url: string;
  /** Sent as the Authorization header (`token=<t>` for DC/OS, `Basic …` for Mesos). */
  authorization?: string;
  /** PEM CA bundle for https:// with a private CA. */
  ca?: string;
  timeoutMs?: number;
  maxBytes?: number;
  /**
   * What names the master's URL, the credentials and the CA to the user in a message (default the cluster commands'
   * flags `--mesos`, `--marathon-token-file`/`--marathon-credentials-file`, `--marathon-ca`; the editor: its settings).
   */
  urlHint?: string;
  authHint?: string;
  caHint?: string;
}

/** A master that cannot be read or answered something else: one line naming the URL and what to do. */
export class ClusterHttpError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
  }
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** A master may redirect to the leader; a chain longer than this is a loop. */
const MAX_REDIRECTS = 3;

export class MesosMasterClient {
  private base: string;
  private transport: MarathonTransport | undefined;
  private readonly authorization: string | undefined;
  private readonly urlHint: string;

  constructor(private readonly options: MesosClientOptions) {
    // `http://user:password@master:5050` is basic auth, as for --marathon (marathon/options.ts parseBaseUrl); it is
    // taken out of the URL so that no message (they all show the URL) carries the password.
    const { base, basic } = baseUrl(options.url.trim());
    this.base = base;
    this.authorization = options.authorization ?? basic;
    this.urlHint = options.urlHint ?? '--mesos';
  }

  /** One GET, any status; network failures, timeouts and the size cap as the master's messages. */
  private async fetch(url: string): Promise<RawResponse & { text: string }> {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      throw new ClusterHttpError(`"${userFreeUrl(url)}" is not a URL; use http://HOST:PORT or https://HOST:PORT`);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
      // `leader.mesos:5050` parses as a URL of scheme "leader.mesos:", `ops:secret@leader:5050` as one of scheme "ops:"
      // whose user info URL never sees: what stands before an @ is dropped, as for marathon.cluster.url (clusterSettings.ts).
      const shown = oneLine(url.replace(/^[^/?#@]*@/, ''), 120);
      throw new ClusterHttpError(`"${shown}" is not an http:// or https:// URL: write ${this.urlHint} with its scheme, e.g. http://${shown.replace(/\/.*$/, '')}`);
    }
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const maxBytes = this.options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.transport ??= new MarathonTransport({ url: u.origin, ca: this.options.ca, timeoutMs, maxBytes, userAgent: 'marathon-devtools', caHint: this.options.caHint ?? '--marathon-ca' });
    const headers = this.authorization ? { authorization: this.authorization } : undefined;
    try {
      const a = await this.transport.raw('GET', u.toString(), { headers });
      return { ...a, url, text: a.body.toString('utf8') };
    } catch (e) {
      if (!(e instanceof MarathonError)) throw e;
      const why =
        e.kind === 'timeout' ? `no complete answer within ${timeoutMs / 1000} s`
        : e.kind === 'too-large' ? `the answer is larger than ${maxBytes} bytes; refusing to read more`
        : e.kind === 'refused' ? 'connection refused (nothing listens there?)'
        : e.kind === 'unresolved' ? 'unknown host'
        : e.cause_;
      throw new ClusterHttpError(`GET ${url}: ${why}`);
    }
  }

  /** The agents (`slaves`) and those known from the registry that have not re-registered (`recovered_slaves`). */
  async getAgents(): Promise<SlavesResponse> {
    const { text, url } = await this.getText('/master/slaves');
    const body = parseJsonBody(text, url, 200);
    // A repeated attribute name: Marathon reads its first value, JSON.parse kept the last (firstAttributes.ts).
    for (const [where, attributes] of firstAttributes(text)) {
      const [list, index] = where.split('/');
      const agent = (body as Record<string, unknown[]>)[list]?.[Number(index)];
      if (agent !== null && typeof agent === 'object') (agent as { attributes: unknown }).attributes = attributes;
    }
    return checkSlaves(body, `${this.base}/master/slaves`);
  }

  /** The master's own region (`domain` in /master/state), undefined when the master has no fault domain. */
  async getMasterRegion(): Promise<string | undefined> {
    const body = (await this.get('/master/state')) as { domain?: { fault_domain?: { region?: { name?: unknown } } } };
    const name = body?.domain?.fault_domain?.region?.name;
    return typeof name === 'string' ? name : undefined;
  }

  private async get(path: string): Promise<unknown> {
    const { text, url } = await this.getText(path);
    return parseJsonBody(text, url, 200);
  }

  /** The 200 answer's text and the URL that gave it (after redirects); any other status is a ClusterHttpError. */
  private async getText(path: string): Promise<{ text: string; url: string }> {
    let url = `${this.base}${path}`;
    for (let hop = 0; ; hop++) {
      const a = await this.fetch(url);
      if (a.status === 307 || a.status === 302 || a.status === 301) {
        const given = a.headers.location;
        const location = Array.isArray(given) ? given[0] : given;
        if (!location || hop >= MAX_REDIRECTS) throw new ClusterHttpError(`GET ${url}: redirected ${hop + 1} times without reaching the leading master; give the leader's URL with ${this.urlHint}`, a.status);
        // Mesos writes a protocol-relative Location (//leader:5050/master/slaves): keep our scheme.
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw new ClusterHttpError(`GET ${url}: ${a.status} redirect to ${JSON.stringify(oneLine(userFreeUrl(location), 120))}, which is not a URL; give the leading master's URL with ${this.urlHint}`, a.status);
        }
        this.base = next.origin + new URL(this.base).pathname.replace(/\/+$/, ''); // later calls go to the leader
        url = next.toString();
        continue;
      }
      if (a.status === 503) throw new ClusterHttpError(`GET ${url}: 503 ${a.text.trim() || 'Service Unavailable'}: the Mesos masters have no leader right now; try again once one is elected`, 503);
      if (a.status === 401) throw new ClusterHttpError(`GET ${url}: 401 unauthorized (${a.headers['www-authenticate'] ?? 'no challenge'}); ${this.options.authHint ?? 'give a DC/OS token (--marathon-token-file) or Mesos credentials (--marathon-credentials-file)'}`, 401);
      if (a.status === 403) throw new ClusterHttpError(`GET ${url}: 403 forbidden: the account may not read the Mesos master's state`, 403);
      if (a.status === 404) throw new ClusterHttpError(`GET ${url}: 404: no Mesos master endpoint there; ${this.urlHint} is the master (http://HOST:5050) or DC/OS's <dcos_url>/mesos`, 404);
      if (a.status !== 200) throw new ClusterHttpError(`GET ${url}: HTTP ${a.status} ${a.text.slice(0, 200).trim()}`, a.status);
      return { text: a.text, url };
    }
  }
}

/**
 * The URL without `user:password@` (those as a Basic Authorization header), a `?query` or `#fragment` (a Mesos UI
 * address such as http://master:5050/#/agents, which would turn /master/slaves into a fragment), or a trailing slash.
 */
function baseUrl(raw: string): { base: string; basic?: string } {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { base: raw.replace(/\/+$/, '') }; // fetch() says it is not a URL
  }
  let basic: string | undefined;
  if (u.username || u.password) {
    try {
      basic = authorizationHeader({ kind: 'basic', user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) });
    } catch {
      basic = undefined; // a malformed %-escape: the master's 401 then says what to give
    }
  }
  u.username = '';
  u.password = '';
  u.search = '';
  u.hash = '';
  return { base: u.toString().replace(/\/+$/, ''), ...(basic ? { basic } : {}) };
}

/** The body as JSON, or an error that names the URL and shows the start of what came back. */
function parseJsonBody(text: string, url: string, status: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const start = text.slice(0, 80).replace(/\s+/g, ' ');
    throw new ClusterHttpError(`GET ${url}: the answer is not JSON (starts with ${JSON.stringify(start)})`, status);
  }
}

/** Checks the fields placement reads and names the first that is wrong (e.g. `slaves[2].hostname`). */
export function checkSlaves(body: unknown, url: string): SlavesResponse {
  const fail = (what: string): never => {
    throw new ClusterHttpError(`GET ${url}: ${what}; is this a Mesos master?`);
  };
  if (typeof body !== 'object' || body === null || !Array.isArray((body as SlavesResponse).slaves)) fail('the answer has no "slaves" array');
  const b = body as SlavesResponse;
  const check = (list: unknown[], name: string): MesosAgent[] =>
    list.map((a, i) => {
      const at = `${name}[${i}]`;
      if (typeof a !== 'object' || a === null) fail(`${at} is not an object`);
      const agent = a as MesosAgent;
      if (typeof agent.id !== 'string') fail(`${at}.id is not a string`);
      if (typeof agent.hostname !== 'string' || agent.hostname === '') fail(`${at}.hostname is not a non-empty string`);
      const attrs = agent.attributes ?? {};
      if (typeof attrs !== 'object' || Array.isArray(attrs)) fail(`${at}.attributes is not an object`);
      for (const [k, v] of Object.entries(attrs)) if (typeof v !== 'number' && typeof v !== 'string') fail(`${at}.attributes.${k} is neither a number nor a string`);
      // Placement reads cpus, mem and gpus of these (roles, GPUs); Mesos writes each as an object (mesos-master-api.md §2).
      for (const key of ['resources', 'unreserved_resources'] as const) if (agent[key] !== undefined && !isObject(agent[key])) fail(`${at}.${key} is not an object`);
      if (agent.reserved_resources !== undefined) {
        if (!isObject(agent.reserved_resources)) fail(`${at}.reserved_resources is not an object`);
        for (const [role, r] of Object.entries(agent.reserved_resources)) if (!isObject(r)) fail(`${at}.reserved_resources.${role} is not an object`);
      }
      return { ...agent, attributes: attrs };
    });
  return { slaves: check(b.slaves, 'slaves'), recovered_slaves: check(Array.isArray(b.recovered_slaves) ? b.recovered_slaves : [], 'recovered_slaves') };
}

const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);
