// The one Marathon API client (used by marathon-lint, the language server, marathon-gate and the bridge's agent
// discovery). Paths, embeds and bodies follow ../shared/reference/marathon-api.md; errors are MarathonErrors
// (./errors) with one line naming the URL and the cause.
import { MarathonError, oneLine } from './errors';
import type { MarathonClientOptions } from './options';
import { MarathonTransport, type RawResponse, type RequestOptions, type StreamResponse } from './transport';
import type { DeploymentResult, AppInfo, GroupInfo, MarathonInfo, DeployedPod, MarathonTask } from './types';
import type { Dispatcher } from 'undici';

/** marathon-api.md §5: an explicit embed replaces the default, so ask for exactly groups + apps + pods (no tasks, no counts). */
export const ROOT_GROUP_EMBED = ['group.groups', 'group.apps', 'group.pods'] as const;

/** Marathon ids in a URL path: absolute id without the leading slash, each segment kept as is (ids are [a-z0-9.-]). */
function idPath(id: string): string {
  return id
    .split('/')
    .filter((s) => s.length > 0)
    .map(encodeURIComponent)
    .join('/');
}

export interface WriteOptions {
  force?: boolean;
}

export class MarathonClient {
  readonly transport: MarathonTransport;

  constructor(options: MarathonClientOptions) {
    this.transport = new MarathonTransport(options);
  }

  /** The base URL as given (no user info), for messages and status lines. */
  get url(): string {
    return this.transport.base.toString();
  }

  /** The leader from the last answer's `X-Marathon-Leader` (marathon-api.md §1). */
  get leader(): string | undefined {
    return this.transport.leader;
  }

  /** `GET /v2/info` (marathon-api.md §9): version, features, mesos_role, default_network_name, new_group_enforce_role. */
  async getInfo(o?: RequestOptions): Promise<MarathonInfo> {
    const info = await this.transport.json<MarathonInfo>('GET', 'v2/info', o);
    if (!info || typeof info !== 'object' || typeof info.version !== 'string' || !info.marathon_config || typeof info.marathon_config !== 'object')
      throw new MarathonError('not-json', this.transport.urlFor('v2/info').toString(), 'the answer is not Marathon\'s /v2/info (no "version" or "marathon_config")');
    return info;
  }

  /** The whole deployed root group in one `GET /v2/groups?embed=group.groups&embed=group.apps&embed=group.pods` (marathon-api.md §5). */
  async getRootGroup(o?: RequestOptions): Promise<GroupInfo> {
    const root = await this.transport.json<GroupInfo>('GET', 'v2/groups', { ...o, query: { ...o?.query, embed: ROOT_GROUP_EMBED } });
    const url = () => this.transport.urlFor('v2/groups', { embed: ROOT_GROUP_EMBED }).toString();
    if (!root || typeof root !== 'object' || typeof root.id !== 'string') throw new MarathonError('not-json', url(), 'the answer is not a Marathon group (no "id")');
    const bad = strayInGroups(root);
    if (bad) throw new MarathonError('not-json', url(), `the answer is not a Marathon group: ${bad}`);
    return normalizeGroup(root);
  }

  /** `GET /v2/apps/{id}` → the app, or undefined on 404 (marathon-api.md §4: the body is `{"app":…}`). */
  async getApp(id: string, o?: RequestOptions): Promise<AppInfo | undefined> {
    const path = `v2/apps/${idPath(id)}`;
    let r: { app?: unknown } | undefined;
    try {
      r = await this.transport.json<{ app?: unknown }>('GET', path, o);
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
    // A 2xx without the app is some other server, not a missing app (that is Marathon's 404 with its message).
    if (!isObject(r) || !isObject(r.app)) throw notMarathons(this.transport.urlFor(path), 'app (no "app" object)');
    return r.app as AppInfo;
  }

  /** `GET /v2/apps/{id}/tasks` (marathon-api.md §7) → the app's tasks; undefined when the app does not exist. */
  async getAppTasks(id: string, o?: RequestOptions): Promise<MarathonTask[] | undefined> {
    const path = `v2/apps/${idPath(id)}/tasks`;
    let r: { tasks?: unknown } | undefined;
    try {
      r = await this.transport.json<{ tasks?: unknown }>('GET', path, o);
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
    // Read as "no tasks", a 2xx from something else would say no bridge runs anywhere.
    if (!isObject(r) || !Array.isArray(r.tasks)) throw notMarathons(this.transport.urlFor(path), 'task list (no "tasks" array)');
    return r.tasks as MarathonTask[];
  }

  /** `GET /v2/pods` (marathon-api.md §6, 1.4+). */
  getPods(o?: RequestOptions): Promise<DeployedPod[]> {
    return this.transport.json<DeployedPod[]>('GET', 'v2/pods', o);
  }

  /** `PUT /v2/apps/{id}` (marathon-api.md §4): creates or updates; the URL id wins. */
  putApp(id: string, app: unknown, w: WriteOptions & { partialUpdate?: boolean } = {}): Promise<DeploymentResult> {
    return this.transport.json('PUT', `v2/apps/${idPath(id)}`, { json: app, query: { force: w.force, partialUpdate: w.partialUpdate } });
  }

  /** `POST /v2/apps` (marathon-api.md §4). */
  postApp(app: unknown, w: WriteOptions = {}): Promise<AppInfo> {
    return this.transport.json('POST', 'v2/apps', { json: app, query: { force: w.force } });
  }

  /** `PUT /v2/groups[/{id}]` (marathon-api.md §5); `dryRun` answers the deployment steps and skips root-group validation. */
  putGroup(id: string, group: unknown, w: WriteOptions & { dryRun?: boolean } = {}): Promise<unknown> {
    const path = idPath(id) ? `v2/groups/${idPath(id)}` : 'v2/groups';
    return this.transport.json('PUT', path, { json: group, query: { force: w.force, dryRun: w.dryRun } });
  }

  /** `PUT /v2/pods/{id}` (marathon-api.md §6). */
  putPod(id: string, pod: unknown, w: WriteOptions = {}): Promise<DeployedPod> {
    return this.transport.json('PUT', `v2/pods/${idPath(id)}`, { json: pod, query: { force: w.force } });
  }

  /** Any request, JSON in and out (2xx parsed; other statuses throw MarathonError with the body attached). */
  request<T = unknown>(method: Dispatcher.HttpMethod, path: string, o?: RequestOptions): Promise<T> {
    return this.transport.json<T>(method, path, o);
  }

  /** Any request, whole answer as bytes whatever the status (size-capped): for the gate's pass-through. */
  raw(method: Dispatcher.HttpMethod, path: string, o?: RequestOptions): Promise<RawResponse> {
    return this.transport.raw(method, path, o);
  }

  /** Any request, body unread (no size cap, no overall timeout unless given): for streaming and proxying. */
  stream(method: Dispatcher.HttpMethod, path: string, o?: RequestOptions): Promise<StreamResponse> {
    return this.transport.stream(method, path, { timeoutMs: 0, ...o });
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  /**
   * For a short-lived process that has every answer it needs: closes the keep-alive sockets at once, so the process
   * does not wait for the server's side of a graceful close before it exits.
   */
  destroy(): Promise<void> {
    return this.transport.destroy();
  }
}

/**
 * The first nested entry of `groups` that is not a group with an id, said as `"/a" holds groups[1] = null`:
 * normalizeGroup (and every walk after it) may then take each one for a group.
 */
function strayInGroups(g: GroupInfo): string | undefined {
  if (!Array.isArray(g.groups)) return undefined;
  for (const [i, sub] of (g.groups as unknown[]).entries()) {
    if (!sub || typeof sub !== 'object' || Array.isArray(sub) || typeof (sub as GroupInfo).id !== 'string')
      return `"${g.id}" holds groups[${i}] = ${oneLine(JSON.stringify(sub) ?? String(sub), 60)}, not a group with an "id"`;
    const deeper = strayInGroups(sub as GroupInfo);
    if (deeper) return deeper;
  }
  return undefined;
}

/**
 * Fill the always-present arrays (marathon-api.md §5) so callers never meet a missing one, whatever the version wrote,
 * and give each pod as its definition: a group holds its pods' PodStatus, the definition under `spec`
 * (marathon-api.md §5 `"pods":[PodStatus]`, marathon-api.md §6), where every reader of the deployed root group
 * (placement, role checks) looks for a pod.
 */
export function normalizeGroup(g: GroupInfo): GroupInfo {
  return {
    ...g,
    apps: Array.isArray(g.apps) ? g.apps : [],
    pods: Array.isArray(g.pods) ? g.pods.map(podDefinition) : [],
    groups: Array.isArray(g.groups) ? g.groups.map(normalizeGroup) : [],
    dependencies: Array.isArray(g.dependencies) ? g.dependencies : [],
  };
}

/** A PodStatus → its `spec` (the id kept); a pod already given as its definition (a file, a test) stays as it is. */
function podDefinition(p: DeployedPod): DeployedPod {
  if (!isObject(p) || !isObject(p.spec)) return p;
  return { ...p.spec, id: typeof p.spec.id === 'string' ? p.spec.id : p.id };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const notMarathons = (url: URL, what: string) => new MarathonError('not-json', url.toString(), `the answer is not Marathon's ${what}; is this Marathon's URL?`);

/**
 * Marathon's own 404 for an app it does not have carries its JSON `{"message": "App '/x' does not exist"}`
 * (marathon-api.md §12); a bare 404 is another server (a Mesos master at --marathon's URL), which must stay an error.
 */
function isMissing(err: unknown): boolean {
  return err instanceof MarathonError && err.status === 404 && err.body !== undefined;
}
