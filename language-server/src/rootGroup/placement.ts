/**
 * Place linted documents into the deployed root group exactly where Marathon would put them
 * (../shared/reference/marathon-api.md §4–§6): an app replaces the app with its absolute id (`PUT /v2/apps/{id}`),
 * a pod replaces its pod, a group is a GroupUpdate applied to the group with its id (`PUT /v2/groups/{id}`:
 * `apps`, `groups`, `dependencies`, `enforceRole` replace what they name when present, absent fields
 * keep what is deployed, sub-groups apply recursively). A GroupUpdate has no `pods` (group.raml): a group body's
 * `pods` are ignored, a group it updates keeps its deployed pods and one it creates has none
 * (raml/GroupConversion.scala `execute`: `pods = current.pods`; `createGroup`: `pods = Map.empty`). A batch of apps (`PUT /v2/apps`, an
 * array) places each element as an app, merged into the app of its id as a partial update (marathon-api.md §4: fields it
 * leaves out keep their values). Several documents are one change, applied in order:
 * a later document with the same id wins. Missing parent groups are created, as Marathon does.
 *
 * Pure: the deployed root comes in as a value (GroupInfo from `GET /v2/groups`, or nothing: then the documents
 * alone form the proposed root group). The result is one group document with absolute ids, plus where each of
 * its apps, pods and groups came from, so findings can be mapped back to the linted file.
 */
import { detectKind } from '../core/kind';
import type { DocumentKind } from '../core/types';
import { isObject, mergeAppUpdate, resolveId, type JsonObject } from '../model/documentModel';

export interface ProposedDocument {
  kind: DocumentKind;
  /** The parsed document (as `lint` parsed it). */
  value: unknown;
  /** How findings may name the document (e.g. the CLI's path of the file); absent = not named. */
  name?: string;
}

/**
 * Where a part of the placed root group came from: a proposed document (index + pointer in it) or the cluster.
 * `implied`: a group no document declares, created because a document's ids lie below it (as Marathon creates it).
 * `deployed`: only with a deployed root group, for an app or pod document (POST/PUT /v2/apps, /v2/pods) and an app a
 * group document lists (/v2/groups): the app or pod deployed with its id, which Marathon's API compares it with
 * (RoleSettings.forService's, GroupNormalization.validRolesFor's existing role), or null.
 * `written`: for a group a document declares, the GroupUpdate as written there (its own `enforceRole`, which
 * GroupNormalization reads, where the placed group keeps the deployed value when the body leaves it out).
 */
export type Origin =
  | { source: number; pointer: string; implied?: true; deployed?: JsonObject | null; written?: JsonObject }
  | { source: 'deployed' };

export interface PlacedRootGroup {
  /** A group document: the new root group, every id absolute. */
  root: JsonObject;
  /** Pointer in `root` of every app, pod and group → where it came from. */
  origins: Map<string, Origin>;
  /** Absolute id of every app, pod and group (the root excepted) → where it came from. */
  idOrigins: Map<string, Origin>;
  /** Absolute ids of the apps, pods and groups each proposed document placed (by document index). */
  placedIds: Map<number, Set<string>>;
  /** Indices of the documents that could not be placed (no id, not an app/group/pod), with why. */
  unplaced: Map<number, string>;
  /**
   * Only with a deployed root group: for each batch of apps (by document index), by element index, the app the
   * element updates (deployed, or an earlier document's), or null when none has its id and the element creates it.
   */
  batchDeployed: Map<number, Map<number, JsonObject | null>>;
  /** True when a deployed root group was given (dependencies can then be resolved against the whole cluster). */
  withCluster: boolean;
  /** Each proposed document's name, by index (undefined where none was given). */
  names: (string | undefined)[];
}

interface Node {
  id: string;
  apps: Map<string, { value: JsonObject; origin: Origin }>;
  pods: Map<string, { value: JsonObject; origin: Origin }>;
  groups: Map<string, Node>;
  dependencies: unknown[];
  enforceRole: unknown;
  origin: Origin;
}

const deployed: Origin = { source: 'deployed' };

function emptyNode(id: string, origin: Origin): Node {
  return { id, apps: new Map(), pods: new Map(), groups: new Map(), dependencies: [], enforceRole: undefined, origin };
}

function parentOf(id: string): string {
  const i = id.lastIndexOf('/');
  return i <= 0 ? '/' : id.slice(0, i);
}

/** GroupInfo → tree. Ids in GroupInfo are absolute; relative ones are resolved anyway. */
function fromDeployed(g: unknown, base: string): Node {
  const group = isObject(g) ? g : {};
  const id = typeof group.id === 'string' ? resolveId(group.id, base) : base;
  const node = emptyNode(id, deployed);
  for (const a of Array.isArray(group.apps) ? group.apps : []) {
    if (isObject(a) && typeof a.id === 'string') node.apps.set(resolveId(a.id, id), { value: { ...a, id: resolveId(a.id, id) }, origin: deployed });
  }
  for (const p of Array.isArray(group.pods) ? group.pods : []) {
    if (isObject(p) && typeof p.id === 'string') node.pods.set(resolveId(p.id, id), { value: { ...p, id: resolveId(p.id, id) }, origin: deployed });
  }
  for (const s of Array.isArray(group.groups) ? group.groups : []) {
    const child = fromDeployed(s, id);
    node.groups.set(child.id, child);
  }
  node.dependencies = Array.isArray(group.dependencies) ? group.dependencies : [];
  node.enforceRole = group.enforceRole;
  return node;
}

class Tree {
  constructor(readonly root: Node) {}

  /** The group with this absolute id, created with its missing ancestors (implied, until a document declares one). */
  ensure(id: string, origin: Origin): Node {
    if (id === '/') return this.root;
    const parent = this.ensure(parentOf(id), origin);
    let node = parent.groups.get(id);
    if (!node) parent.groups.set(id, (node = emptyNode(id, origin.source === 'deployed' ? origin : { ...origin, implied: true })));
    return node;
  }
}

/** Group.containsApps || containsPods: an app or a pod in the group or any group below it. */
function holdsServices(node: Node): boolean {
  if (node.apps.size > 0 || node.pods.size > 0) return true;
  for (const g of node.groups.values()) if (holdsServices(g)) return true;
  return false;
}

function appsById(node: Node, out: Map<string, JsonObject>): Map<string, JsonObject> {
  for (const [id, a] of node.apps) out.set(id, a.value);
  for (const g of node.groups.values()) appsById(g, out);
  return out;
}

/** GroupUpdate semantics on `node`: present fields replace, absent keep; sub-groups merge recursively. */
function applyGroup(node: Node, body: JsonObject, source: number, pointer: string, placed: Set<string>, deployedApps?: Map<string, JsonObject>): void {
  node.origin = { source, pointer, written: body };
  placed.add(node.id);
  if (Array.isArray(body.apps)) {
    node.apps = new Map();
    body.apps.forEach((a, i) => {
      if (!isObject(a) || typeof a.id !== 'string') return;
      const id = resolveId(a.id, node.id);
      const origin: Origin = { source, pointer: `${pointer}/apps/${i}` };
      if (deployedApps) origin.deployed = deployedApps.get(id) ?? null;
      node.apps.set(id, { value: { ...a, id }, origin });
      placed.add(id);
    });
  }
  if (Array.isArray(body.groups)) {
    const existing = node.groups;
    node.groups = new Map();
    body.groups.forEach((s, i) => {
      if (!isObject(s)) return;
      const id = typeof s.id === 'string' ? resolveId(s.id, node.id) : node.id;
      if (id === node.id) return; // not a sub-group: Marathon rejects it (group-app-child and friends say so)
      const child = existing.get(id) ?? emptyNode(id, { source, pointer: `${pointer}/groups/${i}` });
      applyGroup(child, s, source, `${pointer}/groups/${i}`, placed, deployedApps);
      node.groups.set(id, child);
    });
  }
  if (Array.isArray(body.dependencies)) node.dependencies = body.dependencies;
  if ('enforceRole' in body) node.enforceRole = body.enforceRole;
}

function toDocument(node: Node, pointer: string, origins: Map<string, Origin>, ids: Map<string, Origin>): JsonObject {
  origins.set(pointer, node.origin);
  if (node.id !== '/') ids.set(node.id, node.origin);
  const apps = [...node.apps.values()].map((a, i) => {
    origins.set(`${pointer}/apps/${i}`, a.origin);
    ids.set(a.value.id as string, a.origin);
    return a.value;
  });
  const pods = [...node.pods.values()].map((p, i) => {
    origins.set(`${pointer}/pods/${i}`, p.origin);
    ids.set(p.value.id as string, p.origin);
    return p.value;
  });
  const groups = [...node.groups.values()].map((g, i) => toDocument(g, `${pointer}/groups/${i}`, origins, ids));
  const out: JsonObject = { id: node.id, apps, pods, groups, dependencies: node.dependencies };
  if (node.enforceRole !== undefined) out.enforceRole = node.enforceRole;
  return out;
}

/**
 * The root group Marathon would validate after deploying `proposed` onto `deployedRoot` (undefined: no cluster,
 * the documents alone). Never throws; documents it cannot place are listed in `unplaced`.
 */
export function placeIntoRootGroup(deployedRoot: unknown, proposed: readonly ProposedDocument[]): PlacedRootGroup {
  const tree = new Tree(deployedRoot === undefined ? emptyNode('/', deployed) : fromDeployed(deployedRoot, '/'));
  const placedIds = new Map<number, Set<string>>();
  const unplaced = new Map<number, string>();
  const batchDeployed = new Map<number, Map<number, JsonObject | null>>();
  // The apps deployed before this change, by id: what /v2/groups compares a listed app with (GroupNormalization).
  const deployedApps = deployedRoot === undefined ? undefined : appsById(tree.root, new Map());
  const withCluster = deployedRoot !== undefined;
  proposed.forEach((doc, source) => {
    const v = doc.value;
    const placed = new Set<string>();
    if (doc.kind === 'apps' && Array.isArray(v)) {
      const bases = new Map<number, JsonObject | null>();
      v.forEach((el, i) => {
        // Elements Marathon does not read as an app with an id (no id, a pod, a group) are app-batch's to report.
        if (!isObject(el) || detectKind(el) !== 'app' || typeof el.id !== 'string' || el.id.trim() === '') return;
        const id = resolveId(el.id, '/');
        if (id === '/' || tooDeep(id, 0)) return;
        bases.set(i, placeService(tree, 'app', el, id, { source, pointer: `/${i}` }, withCluster, true) ?? null);
        placed.add(id);
      });
      if (placed.size === 0) return void unplaced.set(source, 'no element is an app with an id');
      if (withCluster) batchDeployed.set(source, bases);
    } else if (!isObject(v)) return void unplaced.set(source, 'not a JSON object');
    else if (doc.kind === 'group') {
      const id = typeof v.id === 'string' ? resolveId(v.id, '/') : '/';
      if (tooDeep(id, groupNesting(v))) return void unplaced.set(source, 'its groups nest too deep');
      applyGroup(tree.ensure(id, { source, pointer: '' }), v, source, '', placed, deployedApps);
    } else if (doc.kind === 'app' || doc.kind === 'pod') {
      if (typeof v.id !== 'string' || v.id.trim() === '') return void unplaced.set(source, 'it has no id');
      const id = resolveId(v.id, '/');
      if (id === '/') return void unplaced.set(source, 'its id is the root group');
      if (tooDeep(id, 0)) return void unplaced.set(source, 'its id nests too deep');
      placeService(tree, doc.kind, v, id, { source, pointer: '' }, withCluster, false);
      placed.add(id);
    } else return void unplaced.set(source, `a ${doc.kind} document is not part of a Marathon root group`);
    placedIds.set(source, placed);
  });
  const origins = new Map<string, Origin>();
  const idOrigins = new Map<string, Origin>();
  const root = toDocument(tree.root, '', origins, idOrigins);
  return { root, origins, idOrigins, placedIds, unplaced, batchDeployed, withCluster, names: proposed.map((d) => d.name) };
}

/**
 * Far deeper than any root group (no Marathon definition nests more than a dozen levels: gate/src/nesting.ts). An id
 * or a group body past it would make a group per level, each with a pointer as long as its depth, and a recursion per
 * level past the stack (10,000: "Maximum call stack size exceeded", and the file's findings were lost): such a
 * document, or batch element, is left out of the root group and keeps its findings alone.
 */
const maxGroupDepth = 500;

/** Whether the absolute id `id`, with `below` levels of groups under it, nests deeper than maxGroupDepth groups. */
function tooDeep(id: string, below: number): boolean {
  let depth = below;
  for (let i = id.indexOf('/', 1); i >= 0 && depth <= maxGroupDepth; i = id.indexOf('/', i + 1)) depth++;
  return depth > maxGroupDepth;
}

/** How many levels of `groups` a group body holds below itself, counted up to just past maxGroupDepth. */
function groupNesting(body: JsonObject): number {
  let deepest = 0;
  const stack: [JsonObject, number][] = [[body, 0]];
  while (stack.length > 0 && deepest <= maxGroupDepth) {
    const [g, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (Array.isArray(g.groups)) for (const s of g.groups) if (isObject(s)) stack.push([s, depth + 1]);
  }
  return deepest;
}

/**
 * An app or pod with this absolute id put in its group, replacing the one there; `partial` (a batch element) merges
 * into it instead, as AppUpdate does: a field the element gives replaces the stored one, one it leaves out or gives
 * as null (absent to Marathon's reader) keeps it (`mergeAppUpdate`, the gate's merge too). Returns the app or pod that
 * had this id before (deployed, or placed by an earlier document), undefined when none had.
 */
function placeService(tree: Tree, kind: 'app' | 'pod', v: JsonObject, id: string, origin: Origin & { source: number }, withCluster: boolean, partial: boolean): JsonObject | undefined {
  const parent = tree.ensure(parentOf(id), { source: origin.source, pointer: origin.pointer });
  const services = kind === 'app' ? parent.apps : parent.pods;
  const before = services.get(id);
  if (withCluster) {
    // What is deployed now, even when an earlier document of the same change replaced it already.
    origin.deployed = !before ? null : before.origin.source === 'deployed' ? before.value : (before.origin.deployed ?? null);
  }
  const value: JsonObject = partial && before ? { ...mergeAppUpdate(before.value, v), id } : { ...v, id };
  services.set(id, { value, origin });
  // RootGroup.updateApp / updatePod (1.4 to 1.10): a sibling group with the service's id that holds no app or pod,
  // however deep, is replaced by the service; one that does is kept, for root-group validation to refuse.
  const clash = parent.groups.get(id);
  if (clash && !holdsServices(clash)) parent.groups.delete(id);
  return before?.value;
}

/** The origin of the innermost app, pod or group containing `pointer`, and the rest of the pointer below it. */
export function originOf(placed: PlacedRootGroup, pointer: string): { origin: Origin; base: string; rest: string } {
  for (let p = pointer; ; ) {
    const o = placed.origins.get(p);
    if (o) return { origin: o, base: p, rest: pointer.slice(p.length) };
    if (p === '') return { origin: deployed, base: '', rest: pointer };
    p = p.slice(0, p.lastIndexOf('/'));
  }
}
