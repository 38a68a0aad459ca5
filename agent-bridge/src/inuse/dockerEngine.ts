/**
 * Docker's own users of a volume (issue 8): tasks of Mesos' Docker containerizer mount their volumes through
 * dockerd, which no isolator checkpoint records. The Docker Engine API on its unix socket lists the running
 * containers that mount a volume: `GET /containers/json?filters={"volume":["<name>"]}` (Engine API, "List
 * containers", filter `volume` = volume name or mount destination); each container's `Mounts[]` has `Type`,
 * `Name` and `Driver`: each container is returned with the drivers it mounts a volume of that name through, and
 * the caller decides which of them are the plugin in question (inuse/driverMatch.ts: another name can reach the same
 * plugin). Unversioned path: every engine serves it at its own API version. Read-only; one request with a timeout.
 */
import { request } from 'node:http';
import { stat } from 'node:fs/promises';

export const DEFAULT_DOCKER_SOCKET = '/var/run/docker.sock';

export interface DockerUsers {
  /** undefined: no socket at that path, so no Docker daemon runs here. */
  containers?: { id: string; names: string[]; state?: string; /** The `Driver` of each of its volume mounts named `name`. */ drivers: string[] }[];
}

/** Containers mounting a volume called `name` (through any driver), or undefined when no Docker socket exists. Throws one readable line when the socket exists but does not answer properly. */
export async function dockerUsers(socketPath: string, name: string, timeoutMs: number): Promise<DockerUsers> {
  try {
    if (!(await stat(socketPath)).isSocket()) throw new Error(`${socketPath} exists but is not a socket`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw e;
  }
  const path = `/containers/json?filters=${encodeURIComponent(JSON.stringify({ volume: [name] }))}`;
  const body = await new Promise<string>((resolve, reject) => {
    const req = request({ socketPath, path, method: 'GET', headers: { Host: 'docker' }, timeout: timeoutMs }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        text += c;
        if (text.length > 8 * 1024 * 1024) req.destroy(new Error('answer larger than 8 MiB'));
      });
      res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`HTTP ${res.statusCode}: ${text.trim().slice(0, 200)}`))));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (e: NodeJS.ErrnoException) => reject(new Error(e.code ?? e.message)));
    req.end();
  });
  let list: unknown;
  try {
    list = JSON.parse(body);
  } catch {
    throw new Error('the answer is not JSON');
  }
  if (!Array.isArray(list)) throw new Error('the answer is not a list of containers');
  const containers: NonNullable<DockerUsers['containers']> = [];
  for (const c of list as { Id?: unknown; Names?: unknown; State?: unknown; Mounts?: unknown }[]) {
    const mounts = Array.isArray(c?.Mounts) ? (c.Mounts as { Type?: unknown; Name?: unknown; Driver?: unknown }[]) : [];
    // The filter also matches a mount destination of that name; only a volume of that name counts.
    const drivers = mounts.filter((m) => m?.Type === 'volume' && m.Name === name).map((m) => String(m.Driver ?? ''));
    if (drivers.length === 0) continue;
    containers.push({ id: String(c.Id ?? '?').slice(0, 12), names: Array.isArray(c.Names) ? c.Names.map(String) : [], ...(typeof c.State === 'string' ? { state: c.State } : {}), drivers });
  }
  return { containers };
}
