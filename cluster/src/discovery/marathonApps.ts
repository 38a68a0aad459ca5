/**
 * What discovery and `dvdi-bridge scale` need from Marathon, and nothing more: one app, its tasks, and setting
 * its instance count (../shared/reference/marathon-api.md §4, §7). The seam where the cluster workspace's
 * Marathon API client plugs in (issue 13); until it lands, these three calls go through the bounded HTTP
 * helper of this workspace.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ClusterHttpError, httpGet, parseJsonBody, type HttpAnswer, type HttpOptions } from '../http/getJson';
import type { BridgeTask } from './bridges';

export interface MarathonApps {
  getApp(id: string): Promise<Record<string, unknown>>;
  getAppTasks(id: string): Promise<BridgeTask[]>;
  /** `PUT /v2/apps/{id}` with `{"instances": n}` (partialUpdate, the default); `force` overrides a deployment lock. */
  setInstances(id: string, instances: number, force: boolean): Promise<{ deploymentId?: string }>;
}

/** Marathon's error body `{"message": …}` when there is one, else the start of the body. */
function marathonMessage(a: HttpAnswer): string {
  try {
    const m = (JSON.parse(a.body) as { message?: unknown }).message;
    if (typeof m === 'string') return m;
  } catch {
    // not JSON: a proxy's page
  }
  return a.body.slice(0, 200).replace(/\s+/g, ' ').trim();
}

function failure(method: string, url: string, a: HttpAnswer, what: string): ClusterHttpError {
  if (a.status === 401) return new ClusterHttpError(`${method} ${url}: 401 unauthorized; give a DC/OS token (--marathon-token-file) or credentials (--marathon-credentials-file)`, 401);
  if (a.status === 403) return new ClusterHttpError(`${method} ${url}: 403 forbidden: the account may not ${what}`, 403);
  if (a.status === 404) return new ClusterHttpError(`${method} ${url}: 404 ${marathonMessage(a)}`, 404);
  if (a.status === 409) return new ClusterHttpError(`${method} ${url}: 409 ${marathonMessage(a)}; a deployment holds the app (use --force to override it)`, 409);
  return new ClusterHttpError(`${method} ${url}: HTTP ${a.status} ${marathonMessage(a)}`, a.status);
}

function httpPut(url: string, body: string, o: HttpOptions): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json', 'Content-Length': String(Buffer.byteLength(body)) };
    if (o.authorization) headers.Authorization = o.authorization;
    const req = (u.protocol === 'https:' ? httpsRequest : httpRequest)(u, { method: 'PUT', headers, ca: o.ca, timeout: o.timeoutMs ?? 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8').slice(0, 1 << 20), url }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new ClusterHttpError(`PUT ${url}: no answer within ${(o.timeoutMs ?? 10_000) / 1000} s`)));
    req.on('error', (e) => reject(e instanceof ClusterHttpError ? e : new ClusterHttpError(`PUT ${url}: ${e.message}`)));
    req.end(body);
  });
}

export function httpMarathonApps(base: string, o: HttpOptions = {}): MarathonApps {
  const root = base.replace(/\/+$/, '');
  const appUrl = (id: string) => `${root}/v2/apps${id.split('/').map(encodeURIComponent).join('/')}`;
  return {
    async getApp(id) {
      const url = appUrl(id);
      const a = await httpGet(url, o);
      if (a.status !== 200) throw failure('GET', url, a, 'read the app');
      const body = parseJsonBody(a) as { app?: unknown };
      if (typeof body?.app !== 'object' || body.app === null) throw new ClusterHttpError(`GET ${url}: the answer has no "app" object; is this Marathon?`);
      return body.app as Record<string, unknown>;
    },
    async getAppTasks(id) {
      const url = `${appUrl(id)}/tasks`;
      const a = await httpGet(url, o);
      if (a.status !== 200) throw failure('GET', url, a, 'read the tasks');
      const body = parseJsonBody(a) as { tasks?: unknown };
      if (!Array.isArray(body?.tasks)) throw new ClusterHttpError(`GET ${url}: the answer has no "tasks" array; is this Marathon?`);
      return body.tasks.filter((t): t is BridgeTask => typeof t?.id === 'string' && typeof t?.host === 'string');
    },
    async setInstances(id, instances, force) {
      const url = `${appUrl(id)}${force ? '?force=true' : ''}`;
      const a = await httpPut(url, JSON.stringify({ instances }), o);
      if (a.status !== 200 && a.status !== 201) throw failure('PUT', url, a, 'change the app');
      const deploymentId = typeof a.headers['marathon-deployment-id'] === 'string' ? a.headers['marathon-deployment-id'] : (() => {
        try {
          return (JSON.parse(a.body) as { deploymentId?: string }).deploymentId;
        } catch {
          return undefined;
        }
      })();
      return deploymentId ? { deploymentId } : {};
    },
  };
}
