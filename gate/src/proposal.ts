/**
 * What a write would make Marathon deploy, worked out the way Marathon works it out
 * (../shared/reference/marathon-api.md §4–§6): the URL id wins over a body id; `PUT /v2/apps/{id}` merges
 * the body into the stored app unless `partialUpdate=false`; `PATCH` always merges; group bodies resolve
 * relative ids against the URL group; a body holding only `version` (rollback) or `scaleBy` names no new
 * definition. Pure: the deployed state comes in as an argument.
 */
import { collectApps, mergeAppUpdate, resolveId } from '@marathon-devtools/language-server/model/documentModel';
import { isObject, type JsonObject } from '@marathon-devtools/language-server/model/documentModel';
import { DeployedState } from './deployedState';
import { isPartialUpdate, type AdmissionRoute, type RouteKind } from './routes';
import { textForLint } from './textForLint';

export interface LintTarget {
  kind: RouteKind;
  /** The definition to lint; `text` is its JSON (the request body itself when nothing was merged). */
  value: JsonObject;
  text: string;
  /** Position in a batch body (`PUT /v2/apps` takes an array), for the rendered path. */
  batchIndex?: number;
  /**
   * Set when a partial update could not be merged (no deployed state): only findings about values the body
   * itself holds are kept, since the rest of the app is unknown.
   */
  onlyPresentIn?: JsonObject;
  /**
   * The deployed app a partial update was merged into. An error it already has is not the update's doing: held
   * against the update, it would keep an app deployed before the gate (or before a rule) from being scaled or
   * fixed (as Kubernetes' validation ratcheting lets unchanged invalid fields through an update).
   */
  stored?: JsonObject;
  /**
   * A batch element whose id an earlier element of the batch names too: the app as those elements left it (`app`),
   * which this one (`update`) is merged into (Marathon applies a batch's elements in turn: AppsResource.updateMultiple
   * folds them over the root group). What that app already has was judged at the earlier element, unless this element
   * writes it again.
   */
  before?: { app: JsonObject; update: JsonObject };
}

export interface Proposal {
  targets: LintTarget[];
  /** Apps this write would deploy, by absolute id (for cross-app checks and for the local state afterwards). */
  apps: Map<string, JsonObject>;
  /** Deployed app ids this write replaces or drops (a group update replaces the group's apps). */
  replaces: string[];
  /** A group deletion (`DELETE /v2/groups/{id}`): the group and everything in it go. */
  removesGroup?: string;
  /** Where the write lands when it is a group (`/` for `PUT /v2/groups`). */
  groupId?: string;
  /** Checks not run, each naming why. */
  skipped: string[];
  /** Set when there is nothing for the gate to judge: the request goes to Marathon untouched. */
  pass?: string;
  /**
   * A rollback (with `pass`, or an element of a batch beside others judged): what Marathon's JSON reader still reads
   * first (each body's own fields, `version` a date-time among them). Only its JSON-layer errors on those fields are
   * held against the request; in a batch they hold back the semantic errors of the other elements too.
   */
  readFirst?: LintTarget[];
}

const exclusiveGroupModes = ['version', 'scaleBy'];

export function proposalFor(route: AdmissionRoute, body: unknown, bodyText: string, deployed: DeployedState | undefined): Proposal {
  const p: Proposal = { targets: [], apps: new Map(), replaces: [], skipped: [] };
  if (route.kind === 'app') appProposal(route, body, bodyText, deployed, p);
  else if (route.kind === 'pod') podProposal(route, body, bodyText, p);
  else groupProposal(route, body, bodyText, p);
  if (deployed) p.replaces = replacedBy(p, body, route, deployed);
  return p;
}

function appProposal(route: AdmissionRoute, body: unknown, bodyText: string, deployed: DeployedState | undefined, p: Proposal): void {
  if (route.urlId === undefined && route.method !== 'POST') {
    // Batch update: an array of apps, each with its id (marathon-api.md §4).
    if (!Array.isArray(body)) return void (p.pass = 'a batch update body that is not an array (Marathon answers it)');
    let rollbacks = 0;
    let versionWithOthers = false;
    body.forEach((el, i) => {
      if (!isObject(el) || typeof el.id !== 'string') return; // Marathon's own 422 ("App Update must have app id set")
      const r = rollbackOf(route, el);
      if (r !== undefined) readFirst(p, el, resolveId(el.id, '/'), i);
      if (r === 'rollback') return void rollbacks++;
      if (r === 'refused') versionWithOthers = true;
      addApp(route, el, resolveId(el.id, '/'), undefined, deployed, p, i);
    });
    if (versionWithOthers) return void Object.assign(p, { targets: [], apps: new Map(), skipped: [], pass: versionWithOthersPass });
    if (p.targets.length === 0 && p.skipped.length === 0) p.pass = rollbacks > 0 ? rollbackPass : 'no app definition in the batch';
    return;
  }
  if (!isObject(body)) return void (p.pass = 'the body is not a JSON object (Marathon answers it)');
  const r = route.urlId !== undefined ? rollbackOf(route, body) : undefined;
  if (r !== undefined) {
    readFirst(p, body, route.urlId!);
    return void (p.pass = r === 'rollback' ? rollbackPass : versionWithOthersPass);
  }
  const id = route.urlId ?? (typeof body.id === 'string' ? resolveId(body.id, '/') : undefined);
  addApp(route, body, id, route.method === 'POST' ? bodyText : undefined, deployed, p);
}

const rollbackPass = 'a rollback to a stored version: Marathon restores that version as stored, which the gate does not judge';
const versionWithOthersPass = "a rollback with other fields (Marathon answers 422: The 'version' field may only be combined with the 'id' field.)";

/**
 * An app update naming a `version` (marathon-api.md §4): on a partial update of an existing app Marathon rolls the app
 * back to that stored version, whatever else the body holds (AppHelpers.updateOrCreate), and its update reader allows
 * only `id` beside it (AppValidation.validateAppUpdateVersion, 422 otherwise). With `partialUpdate=false`, or for an app
 * Marathon lacks, the body is read as a whole new app and the version thrown away (canonicalAppUpdateFromJson): judged
 * as such. Null is absent to Marathon's reader. Undefined when the body is no rollback.
 */
function rollbackOf(route: AdmissionRoute, body: JsonObject): 'rollback' | 'refused' | undefined {
  if (!isPartialUpdate(route) || body.version === undefined || body.version === null) return undefined;
  return Object.entries(body).every(([k, v]) => k === 'id' || k === 'version' || v === null) ? 'rollback' : 'refused';
}

function readFirst(p: Proposal, body: JsonObject, id: string, batchIndex?: number): void {
  const value = { ...body, id };
  (p.readFirst ??= []).push({ kind: 'app', value, text: textForLint(value), batchIndex, onlyPresentIn: body });
}

function addApp(
  route: AdmissionRoute, body: JsonObject, id: string | undefined, unchangedText: string | undefined,
  deployed: DeployedState | undefined, p: Proposal, batchIndex?: number,
): void {
  let value: JsonObject = body;
  let onlyPresentIn: JsonObject | undefined;
  let stored: JsonObject | undefined;
  // An earlier element of the same batch created or changed this app: a partial update applies to what it left.
  const before = batchIndex !== undefined && id !== undefined && isPartialUpdate(route) ? p.apps.get(id) : undefined;
  if (isPartialUpdate(route) && id !== undefined) {
    if (deployed) {
      stored = deployed.apps.get(id);
      const base = before ?? stored;
      if (base) value = mergeAppUpdate(base, body);
      // An app the copy does not hold yet (another gate, or Marathon directly, created it since the last read)
      // is patched all the same by Marathon: the body is judged on what it holds. A PATCH of an app nobody
      // has gets Marathon's 404.
      else if (route.method === 'PATCH') onlyPresentIn = body;
    } else {
      onlyPresentIn = body;
      if (!p.skipped.includes('merge-with-deployed-app')) p.skipped.push('merge-with-deployed-app');
    }
  }
  if (route.urlId !== undefined && id !== undefined && value.id !== id) value = { ...value, id };
  const text = value === body && unchangedText !== undefined ? unchangedText : textForLint(value);
  p.targets.push({ kind: 'app', value, text, batchIndex, onlyPresentIn, ...(stored ? { stored: stored.id === id ? stored : { ...stored, id } } : {}), ...(before && onlyPresentIn === undefined ? { before: { app: before, update: body } } : {}) });
  if (id !== undefined && onlyPresentIn === undefined) p.apps.set(id, value);
}

function podProposal(route: AdmissionRoute, body: unknown, bodyText: string, p: Proposal): void {
  if (!isObject(body)) return void (p.pass = 'the body is not a JSON object (Marathon answers it)');
  // PUT with a body id other than the URL id is Marathon's own 400 (marathon-api.md §6).
  if (route.urlId !== undefined && typeof body.id === 'string' && resolveId(body.id, '/') !== route.urlId) {
    return void (p.pass = 'pod id differs from the URL (Marathon answers 400)');
  }
  const value = route.urlId !== undefined && body.id === undefined ? { ...body, id: route.urlId } : body;
  p.targets.push({ kind: 'pod', value, text: value === body ? bodyText : textForLint(value) });
}

function groupProposal(route: AdmissionRoute, body: unknown, bodyText: string, p: Proposal): void {
  if (!isObject(body)) return void (p.pass = 'the body is not a JSON object (Marathon answers it)');
  const base = route.urlId ?? '/';
  if (route.method === 'PATCH') {
    // `{"enforceRole": bool}` on a top-level group: judged as that group (group-enforce-role-toplevel). Marathon
    // reads nothing else from the body (marathon-api.md §5), so a GroupInfo sent back whole, apps and all, sets
    // only enforceRole: its apps are not judged.
    const value = { ...('enforceRole' in body ? { enforceRole: body.enforceRole } : {}), id: base };
    p.targets.push({ kind: 'group', value, text: textForLint(value) });
    return;
  }
  if (exclusiveGroupModes.some((k) => k in body) && Object.keys(body).length === 1) {
    return void (p.pass = `a group ${'version' in body ? 'rollback' : 'scale'} (no new definition)`);
  }
  // The body's id is relative to the URL group (marathon-api.md §13 case 2); written absolute so that the
  // engine resolves nested ids exactly as Marathon will. Only the value changes, so pointers stay valid.
  const groupId = typeof body.id === 'string' ? resolveId(body.id, base) : base;
  const value = body.id === groupId || (body.id === undefined && base === '/') ? body : { ...body, id: groupId };
  p.groupId = groupId;
  p.targets.push({ kind: 'group', value, text: value === body ? bodyText : textForLint(value) });
  for (const ref of collectApps(value, 'group')) if (ref.absoluteId !== undefined) p.apps.set(ref.absoluteId, ref.app);
}

/**
 * A group update replaces the collections of the group it names that the body gives: `apps` its own apps, `groups`
 * its sub-groups with every app in them; a collection the body leaves out is kept. Those deployed apps go away.
 */
function replacedBy(p: Proposal, body: unknown, route: AdmissionRoute, deployed: DeployedState): string[] {
  const out = new Set<string>();
  for (const id of p.apps.keys()) if (deployed.apps.has(id)) out.add(id);
  if (route.kind === 'group' && route.method === 'PUT' && p.groupId !== undefined && isObject(body)) {
    const own = new Set(deployed.appsUnder(p.groupId, false));
    if (Array.isArray(body.apps)) for (const id of own) out.add(id);
    if (Array.isArray(body.groups)) for (const id of deployed.appsUnder(p.groupId, true)) if (!own.has(id)) out.add(id);
  }
  return [...out];
}

