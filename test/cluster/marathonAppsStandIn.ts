// STAND-IN for the three Marathon 1.10 calls discovery and scale make (GET /v2/apps/{id}, GET /v2/apps/{id}/tasks, PUT /v2/apps/{id}); follows ../shared/reference/marathon-api.md §1, §4, §7 exactly. Issue 13's full stand-in Marathon (test/standins/marathon/) replaces it once it lands.
/**
 * A real HTTP server on loopback (port 0). Apps are kept by absolute id; tasks are given per app. PUT merges the
 * body into the stored app (partialUpdate, the default), answers `200 {"version","deploymentId"}` with the
 * `Marathon-Deployment-Id` header, and `409` while a deployment is pending unless `force=true`.
 * Optional DC/OS token (`Authorization: token=<t>`; otherwise 401 with `WWW-Authenticate: oauthjwt`).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInTask {
  id: string;
  host: string;
  ports: number[];
  slaveId?: string;
  state: string;
}

export interface MarathonAppsStandIn {
  url: string;
  apps: Map<string, Record<string, unknown>>;
  tasks: Map<string, StandInTask[]>;
  /** Every PUT body received, with its path and query. */
  puts: { path: string; body: unknown }[];
  /** Make the next PUT of this app meet a pending deployment. */
  lock(id: string): void;
  close(): Promise<void>;
}

const headers = { 'Content-Type': 'application/json; qs=2', 'Cache-Control': 'no-cache, no-store, must-revalidate', Pragma: 'no-cache', Expires: '0' };

function send(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, ...extra, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((r) => {
    const c: Buffer[] = [];
    req.on('data', (d: Buffer) => c.push(d));
    req.on('end', () => r(Buffer.concat(c).toString('utf8')));
  });
}

export async function startMarathonApps(options: { token?: string } = {}): Promise<MarathonAppsStandIn> {
  const apps = new Map<string, Record<string, unknown>>();
  const tasks = new Map<string, StandInTask[]>();
  const puts: { path: string; body: unknown }[] = [];
  const locked = new Set<string>();
  const server = createServer(async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (options.token && req.headers.authorization !== `token=${options.token}`) return send(res, 401, { message: 'Unauthorized' }, { 'WWW-Authenticate': 'oauthjwt' });
    const m = /^\/v2\/apps(\/.*?)(\/tasks)?$/.exec(u.pathname);
    if (!m) return send(res, 404, { message: `Not found: ${u.pathname}` });
    const id = decodeURIComponent(m[1]).replace(/\/+$/, '');
    const app = apps.get(id);
    if (req.method === 'GET' && m[2]) {
      if (!app) return send(res, 404, { message: `App '${id}' does not exist` });
      return send(res, 200, { tasks: (tasks.get(id) ?? []).map((t) => ({ appId: id, healthCheckResults: [], ipAddresses: [{ ipAddress: t.host, protocol: 'IPv4' }], servicePorts: [], localVolumes: [], role: '*', ...t })) });
    }
    if (req.method === 'GET') {
      if (!app) return send(res, 404, { message: `App '${id}' does not exist` });
      return send(res, 200, { app: { ...app, tasksStaged: 0, tasksRunning: (tasks.get(id) ?? []).length, tasksHealthy: 0, tasksUnhealthy: 0, deployments: [], tasks: tasks.get(id) ?? [] } });
    }
    if (req.method === 'PUT' && !m[2]) {
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        return send(res, 400, { message: 'Invalid JSON', details: [] });
      }
      puts.push({ path: u.pathname + u.search, body });
      if (locked.has(id) && u.searchParams.get('force') !== 'true') {
        return send(res, 409, { message: `App is locked by one or more deployments. Override with the option '?force=true'. View details at '/v2/deployments/<DEPLOYMENT_ID>'.`, deployments: [{ id: 'pending-1' }] });
      }
      locked.delete(id);
      apps.set(id, { ...(app ?? { id }), ...body, id });
      const deploymentId = randomUUID();
      return send(res, app ? 200 : 201, { version: new Date().toISOString(), deploymentId }, { 'Marathon-Deployment-Id': deploymentId });
    }
    send(res, 405, { message: 'HTTP 405 Method Not Allowed' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    apps,
    tasks,
    puts,
    lock: (id) => void locked.add(id),
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
