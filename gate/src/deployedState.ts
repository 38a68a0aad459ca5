/**
 * What the gate knows of the deployed root group: apps and pods by absolute id, group ids (with the fields the
 * root-group rules read: dependencies, enforceRole), which apps use each external volume name, and which apps
 * and groups declare dependencies (the indexes that keep cross-app checks O(request), not O(cluster):
 * relevantRoot.ts).
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
function definitionOf(appInfo: JsonObject): JsonObject {
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

/** True when `v` is a non-empty `dependencies` array. */
export function hasDependencies(v: JsonObject): boolean {
  return Array.isArray(v.dependencies) && v.dependencies.length > 0;
}

/** A deployed group's own fields the root-group rules read (its apps, pods and sub-groups are indexed apart). */
export interface GroupShell {
  dependencies?: unknown[];
  enforceRole?: unknown;
}

export class DeployedState {
  readonly apps = new Map<string, JsonObject>();
  readonly pods = new Map<string, JsonObject>();
  readonly groups = new Set<string>(['/']);
  /** Groups with dependencies or enforceRole set, by id. */
  readonly groupShells = new Map<string, GroupShell>();
  /** Apps declaring dependencies: the only deployed apps a dependency cycle can run through. */
  readonly appsWithDependencies = new Set<string>();
  /** Position of each app (`a` + id), pod (`p`) and group (`g`) in the root group as read (later writes go last). */
  readonly order = new Map<string, number>();
  private readonly owners = new Map<string, Set<string>>();

  constructor(
    /** Date.now() when the root group this state was built from was read. */
    public fetchedAt: number,
  ) {}

  static fromRootGroup(root: unknown, fetchedAt: number): DeployedState {
    const state = new DeployedState(fetchedAt);
    // In document order, as the engine's placement walks GroupInfo: `order` keeps it for the cut-down copies.
    const walk = (g: unknown) => {
      if (!isObject(g)) return;
      if (typeof g.id === 'string') {
        state.groups.add(g.id);
        state.order.set('g' + g.id, state.order.size);
        const shell: GroupShell = {};
        if (hasDependencies(g)) shell.dependencies = g.dependencies as unknown[];
        if (g.enforceRole !== undefined) shell.enforceRole = g.enforceRole;
        if (shell.dependencies || shell.enforceRole !== undefined) state.groupShells.set(g.id, shell);
      }
      if (Array.isArray(g.apps)) for (const a of g.apps) if (isObject(a) && typeof a.id === 'string') state.putApp(a.id, definitionOf(a));
      if (Array.isArray(g.pods)) {
        for (const p of g.pods) {
          if (!isObject(p) || typeof p.id !== 'string') continue;
          state.pods.set(p.id, p);
          state.order.set('p' + p.id, state.order.size);
        }
      }
      if (Array.isArray(g.groups)) for (const s of g.groups) walk(s);
    };
    walk(root);
    return state;
  }

  putApp(id: string, app: JsonObject): void {
    this.removeApp(id);
    this.apps.set(id, app);
    if (!this.order.has('a' + id)) this.order.set('a' + id, this.order.size);
    if (hasDependencies(app)) this.appsWithDependencies.add(id);
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
    this.appsWithDependencies.delete(id);
    for (const name of externalVolumeNames(old)) this.owners.get(name)?.delete(id);
  }

  /** A group deletion Marathon accepted: the group (unless the root) and everything in it. */
  removeGroup(groupId: string): void {
    const inside = (id: string) => groupId === '/' || id === groupId || id.startsWith(groupId + '/');
    for (const id of [...this.apps.keys()]) if (inside(id)) this.removeApp(id);
    for (const id of [...this.pods.keys()]) if (inside(id)) this.pods.delete(id);
    for (const id of [...this.groups]) if (id !== '/' && inside(id)) this.groups.delete(id), this.groupShells.delete(id);
    if (groupId === '/') this.groupShells.delete('/');
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
