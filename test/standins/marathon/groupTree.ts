// Stand-in Marathon: the stored root group and the edits the write routes make to it, following
// ../shared/reference/marathon-api.md §4 (apps), §5 (groups, embeds), §6 (pods). Ids are absolute paths.
import type { AppInfo, GroupInfo, DeployedPod } from '@marathon-devtools/cluster/marathon/types';

export function emptyRoot(): GroupInfo {
  return { id: '/', apps: [], pods: [], groups: [], dependencies: [] };
}

/** Resolve an id against a parent group id, as Marathon does for relative ids in a body (marathon-api.md §3). */
export function absoluteId(id: string, parent = '/'): string {
  const joined = id.startsWith('/') ? id : `${parent.replace(/\/+$/, '')}/${id}`;
  const out: string[] = [];
  for (const s of joined.split('/')) {
    if (!s || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return `/${out.join('/')}`;
}

export function parentOf(id: string): string {
  const i = id.lastIndexOf('/');
  return i <= 0 ? '/' : id.slice(0, i);
}

export function* allGroups(g: GroupInfo): Generator<GroupInfo> {
  yield g;
  for (const sub of g.groups) yield* allGroups(sub);
}

export function allApps(root: GroupInfo): AppInfo[] {
  return [...allGroups(root)].flatMap((g) => g.apps);
}

export function allPods(root: GroupInfo): DeployedPod[] {
  return [...allGroups(root)].flatMap((g) => g.pods);
}

export function findGroup(root: GroupInfo, id: string): GroupInfo | undefined {
  const want = absoluteId(id);
  for (const g of allGroups(root)) if (absoluteId(g.id) === want) return g;
  return undefined;
}

export function findApp(root: GroupInfo, id: string): AppInfo | undefined {
  const want = absoluteId(id);
  return allApps(root).find((a) => a.id === want);
}

export function findPod(root: GroupInfo, id: string): DeployedPod | undefined {
  const want = absoluteId(id);
  return allPods(root).find((p) => p.id === want);
}

/** The group with this id, created with its missing ancestors (Marathon creates them on an app PUT/POST). */
export function ensureGroup(root: GroupInfo, id: string): GroupInfo {
  if (id === '/') return root;
  const existing = findGroup(root, id);
  if (existing) return existing;
  const parent = ensureGroup(root, parentOf(id));
  const g: GroupInfo = { id, apps: [], pods: [], groups: [], dependencies: [], version: new Date().toISOString(), enforceRole: false };
  parent.groups.push(g);
  return g;
}

/** Store an app (replacing the one with its id); returns whether it existed. */
export function putApp(root: GroupInfo, app: AppInfo): boolean {
  const g = ensureGroup(root, parentOf(app.id));
  const i = g.apps.findIndex((a) => a.id === app.id);
  if (i >= 0) g.apps[i] = app;
  else g.apps.push(app);
  return i >= 0;
}

export function putPod(root: GroupInfo, pod: DeployedPod): boolean {
  const g = ensureGroup(root, parentOf(pod.id));
  const i = g.pods.findIndex((p) => p.id === pod.id);
  if (i >= 0) g.pods[i] = pod;
  else g.pods.push(pod);
  return i >= 0;
}

/** Turn a GroupUpdate body (relative ids allowed) into a stored group under `id`. */
export function groupFromBody(body: Record<string, unknown>, id: string): GroupInfo {
  const version = new Date().toISOString();
  const apps = (Array.isArray(body.apps) ? body.apps : []).map((a) => ({ ...(a as object), id: absoluteId(String((a as AppInfo).id ?? ''), id), version }) as AppInfo);
  const pods = (Array.isArray(body.pods) ? body.pods : []).map((p) => ({ ...(p as object), id: absoluteId(String((p as DeployedPod).id ?? ''), id), version }) as DeployedPod);
  const groups = (Array.isArray(body.groups) ? body.groups : []).map((s) => groupFromBody(s as Record<string, unknown>, absoluteId(String((s as { id?: string }).id ?? ''), id)));
  const dependencies = (Array.isArray(body.dependencies) ? body.dependencies : []).map((d) => absoluteId(String(d), id));
  return { id, apps, pods, groups, dependencies, version, enforceRole: body.enforceRole === true };
}

/** Replace the subtree at `group.id` (the root itself when `/`). */
export function putGroup(root: GroupInfo, group: GroupInfo): GroupInfo {
  if (group.id === '/') return group;
  const parent = ensureGroup(root, parentOf(group.id));
  const i = parent.groups.findIndex((g) => g.id === group.id);
  if (i >= 0) parent.groups[i] = group;
  else parent.groups.push(group);
  return root;
}

/** marathon-api.md §5 embeds: no embed = groups + apps + pods; an explicit embed replaces that default; arrays always present. */
export function embedGroup(g: GroupInfo, embeds: string[]): GroupInfo {
  const all = embeds.length === 0;
  const want = (what: string) => all || embeds.includes(`group.${what}`);
  return {
    ...g,
    apps: want('apps') ? g.apps : [],
    pods: want('pods') ? (Array.isArray(g.pods) ? g.pods.map(podStatus) : g.pods) : [],
    groups: want('groups') ? g.groups.map((s) => embedGroup(s, embeds)) : [],
  };
}

/**
 * A group's pods are their PodStatus, the definition under `spec` (marathon-api.md §5 `"pods":[PodStatus]`, §6's
 * PodStatus fields; RAML types/group.raml, podStatus.raml); `GET /v2/pods` answers the definitions themselves.
 */
function podStatus(pod: DeployedPod): DeployedPod {
  const at = typeof pod.version === 'string' ? pod.version : new Date(0).toISOString();
  return { id: pod.id, spec: pod, status: 'STABLE', statusSince: at, instances: [], terminationHistory: [], lastUpdated: at, lastChanged: at };
}
