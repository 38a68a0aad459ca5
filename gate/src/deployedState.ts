/**
 * What the gate knows of the deployed root group: apps by absolute id, group ids, and which apps use each
 * external volume name (the index that keeps cross-app checks O(volumes of the request), not O(cluster)).
 * Built from `GET /v2/groups` (GroupInfo, marathon-api.md §5) and updated in place after each write the gate
 * let through, so that two quick writes see each other before the next refresh.
 */
import { isObject, type JsonObject } from '@marathon-devtools/language-server/model/documentModel';

/** AppInfo fields Marathon adds to an app on GET; they are not part of a definition (marathon-api.md §4). */
const appInfoOnly = [
  'version', 'versionInfo', 'tasksStaged', 'tasksRunning', 'tasksHealthy', 'tasksUnhealthy', 'deployments', 'tasks',
  'lastTaskFailure', 'readinessCheckResults', 'tasksStats',
];

/** An app as GET returns it → the definition Marathon keeps (what a partial update merges into). */
export function definitionOf(appInfo: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const k of Object.keys(appInfo)) if (!appInfoOnly.includes(k)) out[k] = appInfo[k];
  return out;
}

export function parentId(id: string): string {
  const i = id.lastIndexOf('/');
  return i <= 0 ? '/' : id.slice(0, i);
}

/** `/a/b/web` → `/a/b`, `/a` (not `/`). */
export function ancestorIds(id: string): string[] {
  const out: string[] = [];
  for (let i = id.lastIndexOf('/'); i > 0; i = id.lastIndexOf('/', i - 1)) out.push(id.slice(0, i));
  return out;
}

/** Names of the app's external volumes (`container.volumes[].external.name`), any provider. */
export function externalVolumeNames(app: JsonObject): string[] {
  const container = app.container;
  if (!isObject(container) || !Array.isArray(container.volumes)) return [];
  const out: string[] = [];
  for (const v of container.volumes) {
    if (isObject(v) && isObject(v.external) && typeof v.external.name === 'string') out.push(v.external.name);
  }
  return out;
}

export class DeployedState {
  readonly apps = new Map<string, JsonObject>();
  readonly groups = new Set<string>(['/']);
  private readonly owners = new Map<string, Set<string>>();

  constructor(
    /** Date.now() when the root group this state was built from was read. */
    public fetchedAt: number,
  ) {}

  static fromRootGroup(root: unknown, fetchedAt: number): DeployedState {
    const state = new DeployedState(fetchedAt);
    const stack: unknown[] = [root];
    while (stack.length > 0) {
      const g = stack.pop();
      if (!isObject(g)) continue;
      if (typeof g.id === 'string') state.groups.add(g.id);
      if (Array.isArray(g.apps)) for (const a of g.apps) if (isObject(a) && typeof a.id === 'string') state.putApp(a.id, definitionOf(a));
      if (Array.isArray(g.groups)) stack.push(...g.groups);
    }
    return state;
  }

  putApp(id: string, app: JsonObject): void {
    this.removeApp(id);
    this.apps.set(id, app);
    for (let g = parentId(id); !this.groups.has(g); g = parentId(g)) this.groups.add(g);
    for (const name of externalVolumeNames(app)) {
      let set = this.owners.get(name);
      if (!set) this.owners.set(name, (set = new Set()));
      set.add(id);
    }
  }

  removeApp(id: string): void {
    const old = this.apps.get(id);
    if (!old) return;
    this.apps.delete(id);
    for (const name of externalVolumeNames(old)) this.owners.get(name)?.delete(id);
  }

  /** Ids of deployed apps using the volume `name`. */
  ownersOf(name: string): ReadonlySet<string> {
    return this.owners.get(name) ?? new Set();
  }

  /** Deployed app ids inside `groupId`: direct children only, or the whole subtree. */
  appsUnder(groupId: string, deep: boolean): string[] {
    const prefix = groupId === '/' ? '/' : groupId + '/';
    const out: string[] = [];
    for (const id of this.apps.keys()) {
      if (!id.startsWith(prefix)) continue;
      if (deep || parentId(id) === groupId) out.push(id);
    }
    return out;
  }
}
