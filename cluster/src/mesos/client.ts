/**
 * The Mesos master client: `GET /master/slaves` and the master's fault domain from `/master/state`
 * (../shared/reference/mesos-master-api.md §1–§4). Follows the 307 a non-leading master sends to the leader,
 * turns 503/401/403 into messages that say what to do, and checks the answer's shape before anyone reads it.
 */
import { ClusterHttpError, httpGet, parseJsonBody, type HttpOptions } from '../http/getJson';
import type { MesosAgent, SlavesResponse } from './agent';

export interface MesosClientOptions extends HttpOptions {
  /** Base URL of a master (`http://master:5050`) or DC/OS Admin Router's `…/mesos`. */
  url: string;
}

/** A master may redirect to the leader; a chain longer than this is a loop. */
const MAX_REDIRECTS = 3;

export class MesosMasterClient {
  private base: string;

  constructor(private readonly options: MesosClientOptions) {
    this.base = options.url.trim().replace(/\/+$/, '');
  }

  /** The agents (`slaves`) and those known from the registry that have not re-registered (`recovered_slaves`). */
  async getAgents(): Promise<SlavesResponse> {
    const body = await this.get('/master/slaves');
    return checkSlaves(body, `${this.base}/master/slaves`);
  }

  /** The master's own region (`domain` in /master/state), undefined when the master has no fault domain. */
  async getMasterRegion(): Promise<string | undefined> {
    const body = (await this.get('/master/state')) as { domain?: { fault_domain?: { region?: { name?: unknown } } } };
    const name = body?.domain?.fault_domain?.region?.name;
    return typeof name === 'string' ? name : undefined;
  }

  private async get(path: string): Promise<unknown> {
    let url = `${this.base}${path}`;
    for (let hop = 0; ; hop++) {
      const a = await httpGet(url, this.options);
      if (a.status === 307 || a.status === 302 || a.status === 301) {
        const location = a.headers.location;
        if (!location || hop >= MAX_REDIRECTS) throw new ClusterHttpError(`GET ${url}: redirected ${hop + 1} times without reaching the leading master; give the leader's URL with --mesos`, a.status);
        // Mesos writes a protocol-relative Location (//leader:5050/master/slaves): keep our scheme.
        const next = new URL(location, url);
        this.base = next.origin + new URL(this.base).pathname.replace(/\/+$/, ''); // later calls go to the leader
        url = next.toString();
        continue;
      }
      if (a.status === 503) throw new ClusterHttpError(`GET ${url}: 503 ${a.body.trim() || 'Service Unavailable'}: the Mesos masters have no leader right now; try again once one is elected`, 503);
      if (a.status === 401) throw new ClusterHttpError(`GET ${url}: 401 unauthorized (${a.headers['www-authenticate'] ?? 'no challenge'}); give a DC/OS token (--marathon-token-file) or Mesos credentials (--marathon-credentials-file)`, 401);
      if (a.status === 403) throw new ClusterHttpError(`GET ${url}: 403 forbidden: the account may not read the Mesos master's state`, 403);
      if (a.status === 404) throw new ClusterHttpError(`GET ${url}: 404: no Mesos master endpoint there; --mesos is the master (http://HOST:5050) or DC/OS's <dcos_url>/mesos`, 404);
      if (a.status !== 200) throw new ClusterHttpError(`GET ${url}: HTTP ${a.status} ${a.body.slice(0, 200).trim()}`, a.status);
      return parseJsonBody(a);
    }
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
      return { ...agent, attributes: attrs };
    });
  return { slaves: check(b.slaves, 'slaves'), recovered_slaves: check(Array.isArray(b.recovered_slaves) ? b.recovered_slaves : [], 'recovered_slaves') };
}
