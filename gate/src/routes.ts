/**
 * Which requests the gate judges: POST/PUT/PATCH on Marathon's app, group and pod definition routes
 * (../shared/reference/marathon-api.md §4–§6). Everything else — GETs, DELETEs, `/v2/apps/{id}/restart`,
 * task kills, pod instance routes, `/v2/events`, the UI — is proxied untouched.
 */
import { compareVersions } from '@marathon-devtools/language-server';
import { resolveId } from '@marathon-devtools/language-server/model/documentModel';

export type RouteKind = 'app' | 'group' | 'pod';

export interface AdmissionRoute {
  kind: RouteKind;
  method: 'POST' | 'PUT' | 'PATCH';
  /** Absolute id from the URL (`/prod/web`), or undefined on the collection route (`/v2/apps`). */
  urlId: string | undefined;
  /** The route label used in metrics and logs: `POST /v2/apps/{id}`. */
  label: string;
  query: URLSearchParams;
}

const prefixes: readonly [string, RouteKind][] = [
  ['/v2/apps', 'app'],
  ['/v2/groups', 'group'],
  ['/v2/pods', 'pod'],
];

/**
 * The path as Marathon's Jersey matches it: matrix parameters (`;name=value` after a segment) are ignored when
 * matching (JAX-RS, and Jetty's URIUtil.decodePath drops them too), so `POST /v2/apps;x=1` is `POST /v2/apps`.
 * Cut before decoding: an escaped `%3B` is a literal character of the segment, not a separator.
 */
function withoutMatrixParameters(rawPath: string): string {
  return rawPath.includes(';') ? rawPath.replace(/;[^/]*/g, '') : rawPath;
}

/**
 * An app's sub-resources in AppsResource (marathon-api.md §4; `M:api/v2/AppsResource.scala`): `POST {id}/restart` and
 * the locators `{appId}/tasks` and `{appId}/versions`. Jersey matches the path first, the most literal template winning
 * (`{id:.+}/restart` over `{id:.+}`), then the method: a PUT or PATCH there is its 405 Method Not Allowed
 * (marathon-api.md §1, §12), never an update of an app named `…/restart`. `rest` is the path after `/v2/apps`.
 */
const appSubResource = /^\/.+\/(restart|(tasks|versions)(\/.*)?)$/;

/**
 * `marathonVersion` (the profile's): before 1.4 Marathon has no pods (marathon-api.md §6), neither
 * `PATCH /v2/apps[/{id}]` (its 405) nor `partialUpdate`, and merges every app PUT into the deployed app
 * (marathon-api.md §4), so the query's `partialUpdate` is dropped from what the gate reads (the request is
 * forwarded as sent).
 */
export function admissionRoute(method: string | undefined, url: string | undefined, marathonVersion = '1.10'): AdmissionRoute | undefined {
  const route = matchRoute(method, url);
  if (route?.kind === 'app' && route.method !== 'POST' && appSubResource.test(route.rawRest)) return undefined;
  if (route && route.kind !== 'group' && compareVersions(marathonVersion, '1.4') < 0) {
    if (route.kind === 'pod' || route.method === 'PATCH') return undefined;
    route.query.delete('partialUpdate');
  }
  if (route) delete (route as Partial<MatchedRoute>).rawRest;
  return route;
}

type MatchedRoute = AdmissionRoute & { rawRest: string };

function matchRoute(method: string | undefined, url: string | undefined): MatchedRoute | undefined {
  if (method !== 'POST' && method !== 'PUT' && method !== 'PATCH') return undefined;
  if (url === undefined) return undefined;
  const q = url.indexOf('?');
  const rawPath = withoutMatrixParameters(q === -1 ? url : url.slice(0, q));
  if (!rawPath.startsWith('/v2/')) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return undefined; // Marathon answers a malformed escape itself
  }
  for (const [prefix, kind] of prefixes) {
    if (path !== prefix && !path.startsWith(prefix + '/')) continue;
    const rawRest = path.slice(prefix.length);
    const rest = rawRest.replace(/\/+$/, '');
    // Marathon's sub-resources take other methods (apps: see appSubResource; pods' `::status`). POST exists only
    // on the collection for apps and pods.
    if (kind === 'pod' && rest.includes('::')) return undefined;
    // Marathon's pods take a definition only as `POST /v2/pods` and `PUT /v2/pods/{id}` (marathon-api.md §6): a
    // PATCH, or a PUT on the collection, is its 405 Method Not Allowed whatever the body, not the gate's 422.
    if (kind === 'pod' && (method === 'PATCH' || (method === 'PUT' && rest === ''))) return undefined;
    if (kind !== 'group' && method === 'POST' && rest !== '') return undefined;
    // Marathon makes the (decoded) URL id canonical, `.` and `..` segments resolved (PathId.canonicalPath): a PUT to
    // `/v2/pods/x%2F..%2Fp1` addresses `/p1`.
    const urlId = rest === '' ? undefined : resolveId(rest, '/');
    if (kind === 'group' && method === 'PATCH' && urlId === undefined) return undefined;
    const label = `${method} ${prefix}${urlId === undefined ? '' : '/{id}'}`;
    return { kind, method, urlId, label, query: new URLSearchParams(q === -1 ? '' : url.slice(q + 1)), rawRest };
  }
  return undefined;
}

/**
 * The request target as it is forwarded: http-proxy-3 sends Marathon the path and query of
 * `new URL(target, base)` (WHATWG parsing: `.` and `..` segments, `%2e` included, resolved; an absolute-form
 * target `http://host/…` reduced to its path), so that is the target the gate must route and judge. Empty path
 * segments are dropped too: Admin Router's nginx merges slashes (`merge_slashes`, on by default), so
 * `//v2/apps` and `/v2//apps` reach Marathon as `/v2/apps` there; forwarding the merged path makes that so
 * whatever is in front of Marathon. Undefined for a target no URL can be made of (`http://[::1/v2/apps`).
 */
export function forwardedTarget(url: string): string | undefined {
  if (url === '' || url.startsWith('?')) return url;
  try {
    // http-proxy-3 reads a leading `//` as a path, not as a host.
    const u = new URL(url.startsWith('//') ? `http://base.invalid${url}` : url, 'http://base.invalid');
    return `${u.pathname.replace(/\/{2,}/g, '/')}${u.search}`;
  } catch {
    return undefined;
  }
}

/**
 * `PUT /v2/groups[/{id}]?dryRun=true` (marathon-api.md §5), `dryRun` read as Jersey reads a boolean query parameter
 * (Boolean.valueOf: `true` in any case; `trueX` is false): Marathon validates the apps and computes the steps, but
 * skips the root-group validation and deploys nothing, so the gate's copy of the deployed state must not change
 * either. Only that route takes it: a POST deploys whatever its query says.
 */
export function isGroupDryRun(route: AdmissionRoute): boolean {
  return route.kind === 'group' && route.method === 'PUT' && route.query.get('dryRun')?.toLowerCase() === 'true';
}

/**
 * `partialUpdate` of `PUT /v2/apps[/{id}]` defaults to true (marathon-api.md §4). Read as Jersey reads a
 * boolean query parameter: absent or blank is the default, anything else is Boolean.valueOf, true only for
 * `true` in any case (`FALSE`, `0`, `no` all replace the app).
 */
export function isPartialUpdate(route: AdmissionRoute): boolean {
  if (route.kind !== 'app') return false;
  if (route.method === 'PATCH') return true;
  if (route.method !== 'PUT') return false;
  const v = route.query.get('partialUpdate');
  return v === null || v.trim() === '' || v.toLowerCase() === 'true';
}

/** `DELETE /v2/apps/{id}` or `/v2/groups[/{id}]`: what the deployed state loses once Marathon accepts it. */
export function deletion(method: string | undefined, url: string | undefined): { kind: 'app' | 'group'; id: string } | undefined {
  if (method !== 'DELETE') return undefined;
  const route = matchRoute('PUT', url);
  if (!route || route.kind === 'pod') return undefined;
  // `DELETE /v2/apps/{id}/tasks[/{taskId}]` kills tasks, `…/versions` is read-only; `DELETE {id}/restart` deletes the
  // app `{id}/restart` (AppsResource.deleteRestart, for apps named so before the name was reserved).
  if (route.kind === 'app') return route.urlId === undefined || /^\/.+\/(tasks|versions)(\/.*)?$/.test(route.rawRest) ? undefined : { kind: 'app', id: route.urlId };
  return { kind: 'group', id: route.urlId ?? '/' };
}
