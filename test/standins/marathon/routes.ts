// Stand-in Marathon: the /v2 routes, statuses and both error-body families of ../shared/reference/marathon-api.md
// marathon-api.md §4 apps, §5 groups, §6 pods, §7 tasks, §9 info, §11 ping, §12 error bodies. No rule validation: a body of the right JSON type is stored as sent.
import type { AppInfo, GroupInfo, DeployedPod, MarathonTask } from '@marathon-devtools/cluster/marathon/types';
import { randomUUID } from 'node:crypto';
import { absoluteId, allApps, allPods, embedGroup, findApp, findGroup, findPod, groupFromBody, putApp, putGroup, putPod } from './groupTree';

export interface StandinState {
  root: GroupInfo;
  info: Record<string, unknown>;
  tasks: Record<string, MarathonTask[]>;
}

export interface RouteRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType: string;
  body: string;
}

export interface RouteAnswer {
  status: number;
  body?: unknown;
  /** Raw text body (Marathon's pod PUT id-mismatch body, `pong`). */
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** An event to publish on success. */
  events?: { type: string; data: Record<string, unknown> }[];
}

const json = (status: number, body: unknown, headers?: Record<string, string>): RouteAnswer => ({ status, body, headers });
/** marathon-api.md §12: the exception mapper family (no details). */
const mapped = (status: number, message: string): RouteAnswer => json(status, { message });
/** marathon-api.md §12: a GET handler's not-found (always `"details":[]`). */
const notFound = (message: string): RouteAnswer => json(404, { message, details: [] });

function deployment(): { body: { version: string; deploymentId: string }; headers: Record<string, string> } {
  const deploymentId = randomUUID();
  return { body: { version: new Date().toISOString(), deploymentId }, headers: { 'Marathon-Deployment-Id': deploymentId } };
}

function parseBody(req: RouteRequest): { value: unknown } | RouteAnswer {
  if (!req.body.trim()) return json(400, { message: 'Please specify data in JSON format', details: 'No content to map due to end-of-input' });
  try {
    return { value: JSON.parse(req.body) };
  } catch (err) {
    return json(400, { message: 'Invalid JSON', details: (err as Error).message });
  }
}

const isAnswer = (x: unknown): x is RouteAnswer => typeof (x as RouteAnswer).status === 'number';

/** marathon-api.md §12: a body of the wrong JSON type is a RAML reader error at path "" (422 from 1.5 on, 400 before). */
function shapeError(state: StandinState, expected: 'jsobject' | 'jsarray', path = ''): RouteAnswer {
  const [major, minor] = String(state.info.version ?? '1.10').split('.').map(Number);
  return json(major > 1 || minor >= 5 ? 422 : 400, { message: 'Invalid JSON', details: [{ path, errors: [`error.expected.${expected}`] }] });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The body as one JSON object (an app, group or pod), or Marathon's answer when it is not one. */
function parseObject(state: StandinState, req: RouteRequest): { value: Record<string, unknown> } | RouteAnswer {
  const parsed = parseBody(req);
  if (isAnswer(parsed)) return parsed;
  return isRecord(parsed.value) ? { value: parsed.value } : shapeError(state, 'jsobject');
}
const truthy = (q: URLSearchParams, k: string) => q.get(k) === 'true';

export function route(state: StandinState, req: RouteRequest): RouteAnswer {
  const { method, path, query } = req;
  if (path === '/ping' && method === 'GET') return { status: 200, text: 'pong', contentType: 'text/plain;charset=utf-8' };
  if (path === '/v2/info') return method === 'GET' ? json(200, state.info) : mapped(405, 'Method Not Allowed');
  if (path === '/v2/leader' && method === 'GET') return json(200, { leader: String(state.info.leader ?? 'localhost:8080') });
  if (path === '/v2/groups' || path.startsWith('/v2/groups/')) return groups(state, req);
  if (path === '/v2/apps' || path.startsWith('/v2/apps/')) {
    // marathon-api.md §1: /v2/apps consumes application/json only.
    if (req.body && !/application\/json/i.test(req.contentType)) return mapped(415, 'Unsupported Media Type');
    return apps(state, req);
  }
  if (path === '/v2/pods' || path.startsWith('/v2/pods/')) return pods(state, req);
  if (path === '/v2/tasks' && method === 'GET') return json(200, { tasks: Object.values(state.tasks).flat() });
  void query;
  return mapped(500, 'URI not found');
}

function groups(state: StandinState, req: RouteRequest): RouteAnswer {
  const rest = req.path.slice('/v2/groups'.length).replace(/^\/+/, '');
  const id = absoluteId(rest);
  if (req.method === 'GET') {
    const g = findGroup(state.root, id);
    if (!g) return notFound(`Group '${id}' does not exist`);
    return json(200, embedGroup(g, req.query.getAll('embed')));
  }
  if (req.method === 'PUT' || req.method === 'POST') {
    const parsed = parseObject(state, req);
    if (isAnswer(parsed)) return parsed;
    const body = parsed.value;
    const target = absoluteId(typeof body.id === 'string' ? body.id : rest, req.method === 'POST' ? id : '/');
    if (req.method === 'POST' && findGroup(state.root, target)) return mapped(409, `Group ${target} is already created. Use PUT to change this group.`);
    const group = groupFromBody(body, target);
    // marathon-api.md §5: only PUT takes dryRun; POST deploys whatever the query says.
    if (req.method === 'PUT' && truthy(req.query, 'dryRun')) {
      const actions = [...allAppsOf(group)].map((a) => ({ action: findApp(state.root, a.id) ? 'RestartApplication' : 'StartApplication', app: a.id }));
      return json(200, { steps: actions.length ? [{ actions }] : [] });
    }
    state.root = putGroup(state.root, group);
    const d = deployment();
    return { status: req.method === 'POST' ? 201 : 200, body: d.body, headers: { ...d.headers, ...(req.method === 'POST' ? { Location: target } : {}) }, events: [{ type: 'group_change_success', data: { groupId: target, version: d.body.version } }] };
  }
  if (req.method === 'PATCH' && rest) {
    // marathon-api.md §5: only `enforceRole` is read from the body; 200 with an empty body, no deployment.
    const parsed = parseObject(state, req);
    if (isAnswer(parsed)) return parsed;
    const g = findGroup(state.root, id);
    if (!g) return mapped(404, `Group '${id}' does not exist`);
    if (typeof parsed.value.enforceRole === 'boolean') g.enforceRole = parsed.value.enforceRole;
    else delete g.enforceRole;
    return { status: 200 };
  }
  if (req.method === 'DELETE') {
    if (!findGroup(state.root, id)) return mapped(404, `Group '${id}' does not exist`);
    if (id === '/') state.root = { ...state.root, apps: [], pods: [], groups: [] };
    else {
      const parent = findGroup(state.root, id.slice(0, id.lastIndexOf('/')) || '/');
      if (parent) parent.groups = parent.groups.filter((g) => g.id !== id);
    }
    const d = deployment();
    return { status: 200, body: d.body, headers: d.headers, events: [{ type: 'group_change_success', data: { groupId: id, version: d.body.version } }] };
  }
  return mapped(405, 'Method Not Allowed');
}

function* allAppsOf(g: GroupInfo): Generator<AppInfo> {
  yield* g.apps;
  for (const s of g.groups) yield* allAppsOf(s);
}

function storeApp(state: StandinState, body: Record<string, unknown>, id: string): { app: AppInfo; existed: boolean; events: RouteAnswer['events'] } {
  const app = { ...body, id, version: new Date().toISOString() } as AppInfo;
  const existed = putApp(state.root, app);
  return { app, existed, events: [{ type: 'api_post_event', data: { clientIp: '127.0.0.1', uri: `/v2/apps${id}`, appDefinition: app } }, { type: 'group_change_success', data: { groupId: id.slice(0, id.lastIndexOf('/')) || '/', version: app.version as string } }] };
}

function apps(state: StandinState, req: RouteRequest): RouteAnswer {
  const rest = req.path.slice('/v2/apps'.length).replace(/^\/+/, '');
  // marathon-api.md §4: `{id}/tasks` has GET and DELETE (kill all), `{id}/tasks/{taskId}` DELETE only; Jersey matches
  // both before `{id}`, so other methods are its 405, never an update of an app named `…/tasks/…`. Killing drops the
  // task from the stand-in's list (no relaunch, no scale deployment).
  const tasks = /^(.+)\/tasks(?:\/([^/]+))?$/.exec(rest);
  if (tasks) {
    const id = absoluteId(tasks[1]);
    const one = tasks[2];
    if (req.method !== 'GET' && req.method !== 'DELETE') return mapped(405, 'Method Not Allowed');
    if (one !== undefined && req.method !== 'DELETE') return mapped(405, 'Method Not Allowed');
    if (!findApp(state.root, id)) return notFound(`App '${id}' does not exist`);
    const all = state.tasks[id] ?? [];
    if (req.method === 'GET') return json(200, { tasks: all });
    if (one === undefined) {
      state.tasks[id] = [];
      return json(200, { tasks: all });
    }
    const task = all.find((t) => t.id === one);
    if (!task) return notFound(`Task '${one}' does not exist`);
    state.tasks[id] = all.filter((t) => t !== task);
    return json(200, { task });
  }
  const versions = /^(.+)\/versions(?:\/([^/]+))?$/.exec(rest);
  if (versions) {
    // marathon-api.md §4: `{appId}/versions` is a sub-resource with GET routes only, and Jersey matches its path before
    // `{id}`: any other method there is its 405 (marathon-api.md §1, §12), never an update of an app named `…/versions`.
    // The stand-in keeps no history: the stored definition is the one version it knows.
    if (req.method !== 'GET') return mapped(405, 'Method Not Allowed');
    const id = absoluteId(versions[1]);
    const app = findApp(state.root, id);
    if (!app) return notFound(`App '${id}' does not exist`);
    const known = typeof app.version === 'string' ? [app.version] : [];
    if (versions[2] === undefined) return json(200, { versions: known });
    return known.includes(versions[2]) ? json(200, app) : notFound(`App '${id}' does not exist in version ${versions[2]}`);
  }
  const restart = /^(.+)\/restart$/.exec(rest);
  if (restart && req.method !== 'DELETE') {
    // marathon-api.md §4: `POST /v2/apps/{id}/restart` → deployment result; Jersey matches this path before `{id}`, so
    // a PUT or PATCH here is its 405 (marathon-api.md §1, §12), not an update of an app named `…/restart`. (A DELETE
    // deletes the app `{id}/restart`, AppsResource.deleteRestart.)
    if (req.method !== 'POST') return mapped(405, 'Method Not Allowed');
    const target = absoluteId(restart[1]);
    if (!findApp(state.root, target)) return mapped(404, `App '${target}' does not exist`);
    const d = deployment();
    return { status: 200, body: d.body, headers: d.headers };
  }
  const id = absoluteId(rest);
  if (req.method === 'GET' && !rest) {
    const filter = req.query.get('id')?.toLowerCase();
    return json(200, { apps: allApps(state.root).filter((a) => !filter || a.id.toLowerCase().includes(filter)) });
  }
  if (req.method === 'GET') {
    const app = findApp(state.root, id);
    return app ? json(200, { app: { ...app, tasksStaged: 0, tasksRunning: (state.tasks[id] ?? []).length, tasksHealthy: 0, tasksUnhealthy: 0, tasks: state.tasks[id] ?? [], deployments: [] } }) : notFound(`App '${id}' does not exist`);
  }
  if (req.method === 'POST' && !rest) {
    const parsed = parseObject(state, req);
    if (isAnswer(parsed)) return parsed;
    const body = parsed.value;
    const appId = absoluteId(String(body.id ?? ''));
    if (findApp(state.root, appId)) return mapped(409, `An app with id [${appId}] already exists.`);
    const { app, events } = storeApp(state, body, appId);
    const d = deployment();
    return { status: 201, body: { ...app, tasksStaged: 0, tasksRunning: 0, tasksHealthy: 0, tasksUnhealthy: 0, deployments: [{ id: d.body.deploymentId }] }, headers: { ...d.headers, Location: appId }, events };
  }
  if ((req.method === 'PUT' || req.method === 'PATCH') && !rest) return batchUpdate(state, req);
  if (req.method === 'PUT' && rest) {
    const parsed = parseObject(state, req);
    if (isAnswer(parsed)) return parsed;
    // Jersey's boolean parameter: blank is the default (true), else only "true" in any case is true.
    const given = req.query.get('partialUpdate');
    const partial = given === null || given.trim() === '' || given.toLowerCase() === 'true';
    const before = findApp(state.root, id);
    const merged = partial && before ? { ...before, ...parsed.value } : parsed.value;
    const { existed, events } = storeApp(state, merged, id);
    const d = deployment();
    return { status: existed ? 200 : 201, body: d.body, headers: { ...d.headers, ...(existed ? {} : { Location: id }) }, events };
  }
  if (req.method === 'PATCH' && rest) {
    // marathon-api.md §4: always merged into the stored app; never creates (404, the exception mapper's body).
    const parsed = parseObject(state, req);
    if (isAnswer(parsed)) return parsed;
    const before = findApp(state.root, id);
    if (!before) return mapped(404, `App '${id}' does not exist`);
    const { events } = storeApp(state, { ...before, ...parsed.value }, id);
    const d = deployment();
    return { status: 200, body: d.body, headers: d.headers, events };
  }
  if (req.method === 'DELETE' && rest) {
    const app = findApp(state.root, id);
    if (!app) return mapped(404, `App '${id}' does not exist`);
    const parent = findGroup(state.root, id.slice(0, id.lastIndexOf('/')) || '/');
    if (parent) parent.apps = parent.apps.filter((a) => a.id !== id);
    const d = deployment();
    return { status: 200, body: d.body, headers: d.headers, events: [{ type: 'app_terminated_event', data: { appId: id } }] };
  }
  return mapped(405, 'Method Not Allowed');
}

/**
 * marathon-api.md §4: `PUT /v2/apps` (partialUpdate as for one app) and `PATCH /v2/apps` (merged; every id must
 * exist) take an array of apps, each with its `id`, and make one deployment; neither publishes `api_post_event`.
 */
function batchUpdate(state: StandinState, req: RouteRequest): RouteAnswer {
  const parsed = parseBody(req);
  if (isAnswer(parsed)) return parsed;
  if (!Array.isArray(parsed.value)) return shapeError(state, 'jsarray');
  const updates = parsed.value;
  const notObject = updates.findIndex((u) => !isRecord(u));
  if (notObject >= 0) return shapeError(state, 'jsobject', `(${notObject})`);
  if (updates.some((u) => typeof u.id !== 'string')) return mapped(422, 'requirement failed: App Update must have app id set');
  const given = req.query.get('partialUpdate');
  const partial = req.method === 'PATCH' || given === null || given.trim() === '' || given.toLowerCase() === 'true';
  const ids = updates.map((u) => absoluteId(u.id as string));
  const missing = req.method === 'PATCH' ? ids.find((id) => !findApp(state.root, id)) : undefined;
  if (missing) return mapped(404, `App '${missing}' does not exist`);
  const d = deployment();
  updates.forEach((u, i) => {
    const before = findApp(state.root, ids[i]);
    putApp(state.root, { ...(partial && before ? { ...before, ...u } : u), id: ids[i], version: d.body.version } as AppInfo);
  });
  return { status: 200, body: d.body, headers: d.headers, events: [{ type: 'group_change_success', data: { groupId: '/', version: d.body.version } }] };
}

function pods(state: StandinState, req: RouteRequest): RouteAnswer {
  const rest = req.path.slice('/v2/pods'.length).replace(/^\/+/, '');
  const id = absoluteId(rest);
  if (req.method === 'HEAD' && !rest) return { status: 200 };
  if (req.method === 'GET' && !rest) return json(200, allPods(state.root));
  if (req.method === 'GET') {
    const pod = findPod(state.root, id);
    // marathon-api.md §6: this 404's message is itself a JSON string.
    return pod ? json(200, pod) : json(404, { message: JSON.stringify({ message: `pod with ${id} does not exist` }).replace('":"', '": "'), details: [] });
  }
  // marathon-api.md §6: POST only on the collection, PUT only on a pod id; no PATCH at all.
  if ((req.method === 'PUT' && !rest) || (req.method === 'POST' && rest)) return mapped(405, 'Method Not Allowed');
  if (req.method === 'PUT' || req.method === 'POST') {
    const parsed = parseObject(state, req);
    if (isAnswer(parsed)) return parsed;
    const body = parsed.value;
    const podId = absoluteId(req.method === 'POST' ? String(body.id ?? '') : rest);
    if (req.method === 'PUT' && typeof body.id === 'string' && absoluteId(body.id) !== podId)
      return { status: 400, text: `\n  {"message": "'${podId}' does not match definition's id ('${absoluteId(body.id)}')" }\n`, contentType: 'application/json' };
    if (req.method === 'POST' && findPod(state.root, podId)) return mapped(409, `A pod with id [${podId}] already exists.`);
    const pod = { ...body, id: podId, version: new Date().toISOString() } as DeployedPod;
    const existed = putPod(state.root, pod);
    const d = deployment();
    return { status: req.method === 'POST' ? 201 : 200, body: pod, headers: { ...d.headers, ...(req.method === 'POST' ? { Location: podId } : {}) }, events: [{ type: existed ? 'pod_updated_event' : 'pod_created_event', data: { clientIp: '127.0.0.1', uri: `/v2/pods${podId}` } }] };
  }
  return mapped(405, 'Method Not Allowed');
}
