/** The apps inside a parsed document, with their pointers and resolved absolute ids. */
import type { DocumentKind } from '../core/types';

export type JsonObject = Record<string, unknown>;

export interface AppRef {
  /** RFC 6901 pointer of the app object ("" for a single-app document). */
  pointer: string;
  app: JsonObject;
  /** Absolute id after resolving against the enclosing groups; undefined when the id is missing or not a string. */
  absoluteId: string | undefined;
  /** Absolute id of the enclosing group ("/" for a single app). */
  groupId: string;
  /**
   * Slots for the views of this app that rules share (`perApp` in model/perDocument.ts): an array on the ref
   * itself, because a WeakMap lookup per app per rule cost more than most checks. Not for rules to read.
   */
  readonly memo: unknown[];
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** RFC 6901 escaping of one reference token. */
export function escapePointerToken(token: string | number): string {
  if (typeof token === 'number') return String(token);
  // Rules build pointers for every app they visit: skip the two regex replaces for the usual plain key.
  if (token.indexOf('~') === -1 && token.indexOf('/') === -1) return token;
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function joinPointer(base: string, ...tokens: (string | number)[]): string {
  let out = base;
  for (let i = 0; i < tokens.length; i++) out += '/' + escapePointerToken(tokens[i]);
  return out;
}

/** Non-empty segments, optionally absolute, no trailing "/". */
const canonicalId = /^\/?[^/]+(?:\/[^/]+)*$/;
const dotSegment = /(?:^|\/)\.\.?(?:\/|$)/;

/** Resolves a Marathon path id against a base group id, the way Marathon's PathId.canonicalPath does. */
export function resolveId(id: string, base: string): string {
  // Most ids are already canonical ("/prod/db" or "db"): join them without splitting, once per app per run.
  if (canonicalId.test(id) && !dotSegment.test(id)) return id.startsWith('/') ? id : (base === '/' ? '' : base) + '/' + id;
  const parts = id.startsWith('/') ? [] : base.split('/').filter(Boolean);
  for (const seg of id.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return '/' + parts.join('/');
}

export function collectApps(root: unknown, kind: DocumentKind): AppRef[] {
  // A batch of apps (PUT /v2/apps): Marathon reads every element as an app, ids absolute from the root group.
  if (kind === 'apps') return Array.isArray(root) ? batchApps(root) : [];
  if (!isObject(root)) return [];
  if (kind === 'app') {
    const id = typeof root.id === 'string' ? resolveId(root.id, '/') : undefined;
    return [{ pointer: '', app: root, absoluteId: id, groupId: '/', memo: [] }];
  }
  if (kind !== 'group') return [];
  const out: AppRef[] = [];
  // Iterative walk: groups may nest deeply and rules must never overflow the stack.
  const stack: { group: JsonObject; pointer: string; base: string }[] = [{ group: root, pointer: '', base: '/' }];
  while (stack.length > 0) {
    const { group, pointer, base } = stack.pop()!;
    const gid = typeof group.id === 'string' ? resolveId(group.id, base) : base;
    if (Array.isArray(group.apps)) {
      const appsPointer = pointer + '/apps/';
      for (let i = 0; i < group.apps.length; i++) {
        const app: unknown = group.apps[i];
        if (!isObject(app)) continue;
        const absoluteId = typeof app.id === 'string' ? resolveId(app.id, gid) : undefined;
        out.push({ pointer: appsPointer + i, app, absoluteId, groupId: gid, memo: [] });
      }
    }
    if (Array.isArray(group.groups)) {
      for (let i = group.groups.length - 1; i >= 0; i--) {
        const child = group.groups[i];
        if (isObject(child)) stack.push({ group: child, pointer: joinPointer(pointer, 'groups', i), base: gid });
      }
    }
  }
  return out; // document order: a group's apps, then its child groups depth-first
}

function batchApps(root: readonly unknown[]): AppRef[] {
  const out: AppRef[] = [];
  for (let i = 0; i < root.length; i++) {
    const app = root[i];
    if (isObject(app)) out.push({ pointer: '/' + i, app, absoluteId: typeof app.id === 'string' ? resolveId(app.id, '/') : undefined, groupId: '/', memo: [] });
  }
  return out;
}

/**
 * An app update merged into the app it updates, as Marathon merges an AppUpdate with `partialUpdate=true`
 * (../shared/reference/marathon-api.md §4): a field the update gives replaces the stored one; a field it leaves out, or
 * gives as `null` (absent to Marathon's reader), keeps the stored value. The one merge for the gate and the engine.
 *
 * Marathon reads an update's deprecated fields as their replacements before it merges
 * (api/v2/AppNormalization.scala `forDeprecatedUpdates`, 1.5 to 1.10): `ports` is `portDefinitions`, `uris` is
 * `fetch`, `ipAddress` or `container.docker.network` is `networks`, so an update giving either field of such a pair
 * replaces both stored ones (a stored app is kept in the new form: a deployed app's `portDefinitions` beside an
 * update's `ports` is no app Marathon ever sees). An `ipAddress` without a `container` brings an empty Mesos
 * container, and an app moved onto a container network by the update keeps no port definitions
 * (`applyDefaultPortDefinitions`) unless the update gives some.
 *
 * Two fields are the update's alone: `executorResources` (1.8+) and `resourceLimits` (1.10) are taken from the update
 * even when it leaves them out (raml/AppConversion.scala `appUpdateRamlReader`: `resourceLimits = update.resourceLimits`),
 * so an update without them drops the deployed app's limits and executor resources.
 */
export function mergeAppUpdate(stored: JsonObject, update: JsonObject): JsonObject {
  const out: JsonObject = { ...stored };
  const dockerNetwork = isObject(update.container) && isObject(update.container.docker) ? update.container.docker.network : undefined;
  const newNetwork = given(update, 'ipAddress') || given(update, 'networks') || (dockerNetwork !== undefined && dockerNetwork !== null);
  for (const pair of readAsOneField) if (pair.some((k) => given(update, k)) || (pair[1] === 'networks' && newNetwork)) for (const k of pair) delete out[k];
  // Defined, not assigned: JSON.parse makes "__proto__" an own key, and assigned it became the app's prototype, whose
  // fields the rules then read as the app's (Marathon ignores the key).
  for (const [k, v] of Object.entries(update)) {
    if (v !== null || !Object.hasOwn(stored, k)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  for (const k of updateOnlyFields) if (!given(update, k)) delete out[k];
  if (given(update, 'ipAddress') && !given(update, 'container')) out.container = { type: 'MESOS' };
  if (newNetwork && !given(update, 'ports') && !given(update, 'portDefinitions') && onContainerNetwork(update, dockerNetwork)) {
    delete out.ports;
    delete out.portDefinitions;
  }
  return out;
}

/** A deprecated field and the field Marathon reads it as. */
const readAsOneField = [
  ['ports', 'portDefinitions'],
  ['uris', 'fetch'],
  ['ipAddress', 'networks'],
] as const;

const updateOnlyFields = ['executorResources', 'resourceLimits'];

const given = (o: JsonObject, k: string): boolean => o[k] !== undefined && o[k] !== null;

/** The networks an update gives, or reads from its deprecated fields (`NetworkTranslation`), are not the host's. */
function onContainerNetwork(update: JsonObject, dockerNetwork: unknown): boolean {
  if (typeof dockerNetwork === 'string') return dockerNetwork.toUpperCase() !== 'HOST';
  if (given(update, 'ipAddress')) return true;
  return Array.isArray(update.networks) && update.networks.some((n) => isObject(n) && n.mode !== 'host');
}
