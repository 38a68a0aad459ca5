/**
 * The part of the deployed root group that can change the root-group rules' verdict on a write, as a GroupInfo
 * for the engine's placeIntoRootGroup (language-server/src/rootGroup). The rules (rules/index.ts
 * `rootGroupRules`) read, around the proposed apps, pods and groups:
 * - volume names (dvdi-name-unique-in-root-group): the deployed apps using one of the request's names;
 * - ids (group-app-vs-group-id, group-app-vs-pod-id, group-pod-vs-group-id): a deployed group, app or pod with a proposed
 *   app's, pod's or group's id (a group with one service inside, which tells Marathon's placement it is not empty);
 * - dependencies (group-cyclic-deps, group-dependency-exists): what the request's dependencies name, and, when a
 *   cycle is possible at all, every deployed app with dependencies of its own or of an enclosing group, and what
 *   those name;
 * - roles (accepted-roles-for-role, resident-role-not-star, role-valid): the enclosing groups' enforceRole, and the
 *   deployed version of a proposed app or pod (the role it is deployed with).
 * Every other deployed app is out of the rules' reach for this write: a finding between two deployed apps is
 * the cluster's own and the engine drops it (check.ts). So the cost is O(request), not O(cluster), and the
 * verdict is the one the whole root group gives (gate/test/relevantRoot.test.ts compares the two).
 */
import { isObject, resolveId, type JsonObject } from '@marathon-devtools/language-server/model/documentModel';
import { ancestorIds, externalVolumeNames, hasDependencies, parentId, type DeployedState } from './deployedState';

export interface PlacedDocument {
  kind: 'app' | 'group' | 'pod';
  value: JsonObject;
}

interface Wanted {
  apps: Set<string>;
  pods: Set<string>;
  groups: Set<string>;
}

/**
 * Dependency ids as Marathon resolves them: an app's against its group, a group's against the group itself
 * (raml/GroupConversion.scala `canonicalPath(current.id)`, as group-cyclic-deps reads them).
 */
function dependencyIds(owner: JsonObject, ownerId: string, of: 'app' | 'group'): string[] {
  if (!Array.isArray(owner.dependencies)) return [];
  const base = of === 'app' ? parentId(ownerId) : ownerId;
  return owner.dependencies.filter((d): d is string => typeof d === 'string' && d.trim() !== '').map((d) => resolveId(d, base));
}

/** What the request itself names: its apps, pods and groups by absolute id, volume names, dependency ids. */
function walkProposed(docs: readonly PlacedDocument[]) {
  const apps = new Map<string, JsonObject>();
  const groups = new Set<string>();
  const pods = new Set<string>();
  let dependencies = false;
  const deps = new Set<string>();
  const names = new Set<string>();
  /** Groups whose body sets `apps`: their deployed apps are replaced, so none of them is a neighbour. */
  const appsReplaced = new Set<string>();
  const addDeps = (v: JsonObject, id: string, of: 'app' | 'group') => {
    for (const d of dependencyIds(v, id, of)) deps.add(d);
    if (hasDependencies(v)) dependencies = true;
  };
  const walkGroup = (top: JsonObject, topId: string) => {
    // Iterative: a body may nest groups deeper than the call stack goes.
    const stack: [JsonObject, string][] = [[top, topId]];
    for (let next = stack.pop(); next; next = stack.pop()) {
      const [g, id] = next;
      groups.add(id);
      addDeps(g, id, 'group');
      if (Array.isArray(g.apps)) appsReplaced.add(id);
      for (const a of Array.isArray(g.apps) ? g.apps : []) if (isObject(a) && typeof a.id === 'string') addApp(a, resolveId(a.id, id));
      for (const p of Array.isArray(g.pods) ? g.pods : []) if (isObject(p) && typeof p.id === 'string') pods.add(resolveId(p.id, id));
      for (const s of Array.isArray(g.groups) ? g.groups : []) {
        if (isObject(s) && typeof s.id === 'string' && resolveId(s.id, id) !== id) stack.push([s, resolveId(s.id, id)]);
      }
    }
  };
  const addApp = (a: JsonObject, id: string) => {
    apps.set(id, a);
    addDeps(a, id, 'app');
    for (const n of externalVolumeNames(a)) names.add(n);
  };
  for (const d of docs) {
    const v = d.value;
    if (d.kind === 'group') walkGroup(v, typeof v.id === 'string' ? resolveId(v.id, '/') : '/');
    else if (typeof v.id === 'string') {
      const id = resolveId(v.id, '/');
      if (d.kind === 'app') addApp(v, id);
      else pods.add(id);
    }
  }
  return { apps, groups, pods, deps, names, dependencies, appsReplaced };
}

function wantId(state: DeployedState, w: Wanted, id: string): void {
  if (state.apps.has(id)) w.apps.add(id);
  if (state.pods.has(id)) w.pods.add(id);
  if (state.groups.has(id)) w.groups.add(id);
}

/** The deployed root group cut down to what the rules can see from `docs`, as GroupInfo (absolute ids). */
export function relevantRoot(state: DeployedState, docs: readonly PlacedDocument[]): JsonObject {
  const p = walkProposed(docs);
  const w: Wanted = { apps: new Set(), pods: new Set(), groups: new Set() };
  for (const name of p.names) {
    for (const owner of state.ownersOf(name)) if (!p.apps.has(owner) && !p.appsReplaced.has(parentId(owner))) w.apps.add(owner);
  }
  // What has a proposed app's or pod's id: the deployed version (role-valid accepts the role it is deployed with,
  // RoleSettings), a pod or app of that id (group-app-vs-pod-id), a group (group-app-vs-group-id, group-pod-vs-group-id)
  // with one of its services, without which it would look empty and be replaced (RootGroup.updateApp/updatePod).
  for (const id of [...p.apps.keys(), ...p.pods]) {
    wantId(state, w, id);
    if (!state.groups.has(id)) continue;
    const inside = oneServiceUnder(state, id);
    if (inside?.kind === 'app') w.apps.add(inside.id);
    else if (inside) w.pods.add(inside.id);
  }
  for (const id of p.groups) wantId(state, w, id);
  for (const id of p.deps) wantId(state, w, id);
  const proposedIds = [...p.apps.keys(), ...p.groups, ...p.pods];
  const enclosing = enclosingGroups(proposedIds);
  // A cycle needs an edge out of the request: its own dependencies or those of a deployed enclosing group.
  const cyclePossible = p.dependencies || [...enclosing].some((g) => state.groupShells.get(g)?.dependencies);
  if (cyclePossible) {
    for (const id of state.appsWithDependencies) w.apps.add(id);
    // An app inherits the dependencies of its enclosing groups (group-cyclic-deps): those apps are edges too.
    for (const [id, shell] of state.groupShells) {
      if (!shell.dependencies) continue;
      w.groups.add(id);
      for (const a of state.appsUnder(id, true)) w.apps.add(a);
    }
    for (const id of [...w.apps]) for (const d of dependencyIds(state.apps.get(id)!, id, 'app')) wantId(state, w, d);
    for (const [id, shell] of state.groupShells) if (shell.dependencies) for (const d of dependencyIds({ dependencies: shell.dependencies }, id, 'group')) wantId(state, w, d);
  }
  return build(state, w, enclosing);
}

/** One deployed app or pod somewhere inside the group `groupId`, if it holds any. */
function oneServiceUnder(state: DeployedState, groupId: string): { kind: 'app' | 'pod'; id: string } | undefined {
  const app = state.appsUnder(groupId, true)[0];
  if (app !== undefined) return { kind: 'app', id: app };
  for (const id of state.pods.keys()) if (id.startsWith(groupId + '/')) return { kind: 'pod', id };
  return undefined;
}

/** The whole deployed root group as GroupInfo (for the audit: every app is in question there). */
export function wholeRoot(state: DeployedState): JsonObject {
  return build(state, { apps: new Set(state.apps.keys()), pods: new Set(state.pods.keys()), groups: new Set(state.groups) }, new Set());
}

/**
 * Every group enclosing one of `ids` (not `/`). Proposed ids share most of their ancestors (a group body's
 * nested groups are each other's), so each id's walk up stops at the first group already seen: otherwise a
 * body of n nested groups would cost n² lookups of ids n levels long.
 */
function enclosingGroups(ids: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const id of ids) {
    for (let i = id.lastIndexOf('/'); i > 0; i = id.lastIndexOf('/', i - 1)) {
      const g = id.slice(0, i);
      if (out.has(g)) break;
      out.add(g);
    }
  }
  return out;
}

interface GroupNode {
  id: string;
  apps: JsonObject[];
  pods: JsonObject[];
  groups: GroupNode[];
  dependencies: unknown[];
  enforceRole?: unknown;
}

function build(state: DeployedState, w: Wanted, enclosing: ReadonlySet<string>): JsonObject {
  const nodes = new Map<string, GroupNode>();
  const node = (id: string): GroupNode => {
    let n = nodes.get(id);
    if (n) return n;
    const shell = state.groupShells.get(id);
    n = { id, apps: [], pods: [], groups: [], dependencies: shell?.dependencies ?? [] };
    if (shell?.enforceRole !== undefined) n.enforceRole = shell.enforceRole;
    nodes.set(id, n);
    if (id !== '/') node(nearestDeployed(state, id)).groups.push(n);
    return n;
  };
  node('/');
  // The deployed groups around each proposed id carry its roles (enforceRole) and dependencies.
  for (const g of enclosing) if (state.groups.has(g)) node(g);
  for (const id of w.groups) node(id);
  // In the deployed order: a rule may report only the first of several problems (group-cyclic-deps reports
  // one cycle), so the cut-down copy must meet them in the order the whole root group would.
  const inOrder = (ids: Iterable<string>, kind: 'a' | 'p' | 'g') => [...ids].sort((a, b) => (state.order.get(kind + a) ?? 0) - (state.order.get(kind + b) ?? 0));
  for (const id of inOrder(w.apps, 'a')) node(nearestDeployed(state, id)).apps.push({ ...state.apps.get(id), id });
  for (const id of inOrder(w.pods, 'p')) node(nearestDeployed(state, id)).pods.push({ ...state.pods.get(id), id });
  for (const n of nodes.values()) if (n.groups.length > 1) n.groups = inOrder(n.groups.map((g) => g.id), 'g').map((id) => nodes.get(id)!);
  return nodes.get('/')! as unknown as JsonObject;
}

/** The innermost deployed group holding `id` (the deployed state always has every ancestor of its apps). */
function nearestDeployed(state: DeployedState, id: string): string {
  for (const g of ancestorIds(id)) if (state.groups.has(g)) return g;
  return '/';
}
