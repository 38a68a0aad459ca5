// The stand-in Marathon itself keeps ../shared/reference/marathon-api.md: embeds (§5), error families (§12),
// event-stream Accept check (marathon-api.md §10), and it runs as a command printing its URL.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { infoFor, startStandinMarathon, type StandinMarathon } from '../standins/marathon/standin';

const here = dirname(fileURLToPath(import.meta.url));

describe('stand-in Marathon contract', () => {
  let m: StandinMarathon;
  before(async () => {
    m = await startStandinMarathon();
    m.setRootGroup({
      id: '/',
      apps: [{ id: '/top', cmd: 'x' }],
      pods: [{ id: '/pod1' }],
      groups: [{ id: '/g', apps: [{ id: '/g/a', cmd: 'y' }], pods: [], groups: [], dependencies: [], version: 'v', enforceRole: false }],
      dependencies: [],
    });
  });
  after(() => m.close());
  const get = async (path: string, headers: Record<string, string> = { accept: 'application/json' }) => {
    const r = await fetch(`${m.url}${path}`, { headers });
    return { status: r.status, headers: r.headers, text: await r.text() };
  };

  it('/v2/info reports new_group_enforce_role ("Off", the default) from 1.9 on, and not before (marathon-api.md §9)', () => {
    const mc = (v: string) => infoFor(v).marathon_config as Record<string, unknown>;
    for (const v of ['1.1.1', '1.4.13', '1.8.230']) assert.equal('new_group_enforce_role' in mc(v), false, v);
    for (const v of ['1.9.109', '1.10.26']) assert.equal(mc(v).new_group_enforce_role, 'Off', v);
  });

  it('no embed = groups + apps + pods; an explicit embed replaces the default; arrays always present', async () => {
    const all = JSON.parse((await get('/v2/groups')).text);
    assert.equal(all.apps.length, 1);
    assert.equal(all.pods.length, 1);
    assert.equal(all.groups[0].apps.length, 1);
    const onlyGroups = JSON.parse((await get('/v2/groups?embed=group.groups')).text);
    assert.deepEqual([onlyGroups.apps, onlyGroups.pods, onlyGroups.groups[0].apps], [[], [], []]);
    const tasksOnly = JSON.parse((await get('/v2/groups?embed=group.apps.tasks')).text);
    assert.deepEqual(tasksOnly.apps, []);
  });

  it('both error families and Marathon headers', async () => {
    const missing = await get('/v2/apps/nope');
    assert.equal(missing.status, 404);
    assert.deepEqual(JSON.parse(missing.text), { message: "App '/nope' does not exist", details: [] });
    assert.equal(missing.headers.get('cache-control'), 'no-cache, no-store, must-revalidate');
    assert.equal(missing.headers.get('x-marathon-leader'), m.url);
    const bad = await fetch(`${m.url}/v2/apps`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    const badBody = (await bad.json()) as { message: string; details: unknown };
    assert.equal(bad.status, 400);
    assert.equal(badBody.message, 'Invalid JSON');
    assert.equal(typeof badBody.details, 'string');
    const form = await fetch(`${m.url}/v2/apps`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=b' });
    assert.deepEqual([form.status, await form.json()], [415, { message: 'Unsupported Media Type' }]);
    const pod = await get('/v2/pods/x');
    assert.deepEqual(JSON.parse(pod.text), { message: '{"message": "pod with /x does not exist"}', details: [] });
    assert.deepEqual(JSON.parse((await get('/v2/unknown')).text), { message: 'URI not found' });
  });

  it('a body of the wrong JSON type is a RAML reader error at path "" (marathon-api.md §12), never stored', async () => {
    const send = async (method: string, path: string, body: string) => {
      const r = await fetch(`${m.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body });
      return [r.status, await r.json()];
    };
    const notObject = { message: 'Invalid JSON', details: [{ path: '', errors: ['error.expected.jsobject'] }] };
    for (const body of ['[]', 'null', '"x"', '3']) {
      assert.deepEqual(await send('POST', '/v2/apps', body), [422, notObject], `POST /v2/apps ${body}`);
      assert.deepEqual(await send('PUT', '/v2/apps/top', body), [422, notObject], `PUT /v2/apps/top ${body}`);
      assert.deepEqual(await send('PUT', '/v2/groups/g', body), [422, notObject], `PUT /v2/groups/g ${body}`);
      assert.deepEqual(await send('POST', '/v2/pods', body), [422, notObject], `POST /v2/pods ${body}`);
    }
    assert.deepEqual(await send('PUT', '/v2/apps', '{"id":"/top"}'), [422, { message: 'Invalid JSON', details: [{ path: '', errors: ['error.expected.jsarray'] }] }]);
    assert.deepEqual(await send('PUT', '/v2/apps', '[{"id":"/top"}, 7]'), [422, { message: 'Invalid JSON', details: [{ path: '(1)', errors: ['error.expected.jsobject'] }] }]);
    assert.deepEqual(await send('PUT', '/v2/apps', '[{"cmd":"z"}]'), [422, { message: 'requirement failed: App Update must have app id set' }]);
    assert.deepEqual(await send('PATCH', '/v2/apps', '[{"id":"/absent","cmd":"z"}]'), [404, { message: "App '/absent' does not exist" }]);
    assert.equal(JSON.parse((await get('/v2/apps/top')).text).app.cmd, 'x', 'nothing above was stored');
  });

  it('PUT and PATCH /v2/apps update every app of the array in one deployment (marathon-api.md §4)', async () => {
    const put = await fetch(`${m.url}/v2/apps`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ id: 'top', instances: 2 }, { id: '/new', cmd: 'n' }]) });
    assert.equal(put.status, 200);
    assert.ok(put.headers.get('marathon-deployment-id'));
    const top = JSON.parse((await get('/v2/apps/top')).text).app;
    assert.deepEqual([top.cmd, top.instances], ['x', 2], 'merged: partialUpdate defaults to true');
    assert.equal(JSON.parse((await get('/v2/apps/new')).text).app.cmd, 'n');
    const patch = await fetch(`${m.url}/v2/apps`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '[{"id":"/new","cmd":"m"}]' });
    assert.equal(patch.status, 200);
    assert.equal(JSON.parse((await get('/v2/apps/new')).text).app.cmd, 'm');
    const replaced = await fetch(`${m.url}/v2/apps?partialUpdate=false`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '[{"id":"/top","cmd":"y"}]' });
    assert.equal(replaced.status, 200);
    assert.equal(JSON.parse((await get('/v2/apps/top')).text).app.instances, undefined, 'partialUpdate=false replaces the app');
  });

  it("an app's versions (marathon-api.md §4) are read-only: GET lists and shows them, any other method is 405", async () => {
    await fetch(`${m.url}/v2/apps`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"id":"/ver/app","cmd":"y"}' });
    const versions = JSON.parse((await get('/v2/apps/ver/app/versions')).text) as { versions: string[] };
    assert.equal(versions.versions.length, 1);
    const [ts] = versions.versions;
    const shown = await get(`/v2/apps/ver/app/versions/${ts}`);
    assert.deepEqual([shown.status, JSON.parse(shown.text).id, JSON.parse(shown.text).cmd], [200, '/ver/app', 'y']);
    assert.deepEqual(JSON.parse((await get('/v2/apps/ver/app/versions/2015-01-01T00:00:00.000Z')).text), { message: "App '/ver/app' does not exist in version 2015-01-01T00:00:00.000Z", details: [] });
    assert.deepEqual(JSON.parse((await get('/v2/apps/nope/versions')).text), { message: "App '/nope' does not exist", details: [] });
    for (const [method, path] of [['PUT', '/v2/apps/ver/app/versions'], ['PATCH', '/v2/apps/ver/app/versions'], ['PUT', '/v2/apps/made/up/versions'], ['PUT', `/v2/apps/ver/app/versions/${ts}`], ['DELETE', '/v2/apps/ver/app/versions']]) {
      const r = await fetch(`${m.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: method === 'DELETE' ? undefined : '{"cmd":"z"}' });
      assert.deepEqual([r.status, await r.json()], [405, { message: 'Method Not Allowed' }], `${method} ${path}`);
    }
    assert.equal((await get('/v2/apps/made/up/versions')).status, 404, 'no app was created by the PUT');
    assert.equal(JSON.parse((await get('/v2/apps/ver/app')).text).app.cmd, 'y', 'nor was /ver/app changed');
  });

  it("/v2/events wants exactly Accept: text/event-stream (Jetty's 405 page otherwise)", async () => {
    const r = await get('/v2/events', { accept: 'text/event-stream, */*' });
    assert.equal(r.status, 405);
    assert.match(r.text, /HTTP method GET is not supported by this URL/);
  });

  it('/v2/events answers at once, before any event: the headers of a stream whose event_type filter nothing matches yet', async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 2_000);
    const r = await fetch(`${m.url}/v2/events?event_type=nothing_yet`, { headers: { accept: 'text/event-stream' }, signal: controller.signal });
    clearTimeout(timer);
    assert.equal(r.status, 200);
    controller.abort();
  });

  it("an app's tasks: GET lists, DELETE kills all or one, any other method is 405 and creates no app (marathon-api.md §4)", async () => {
    const task = (id: string) => ({ id, appId: '/top', host: 'h', ports: [], servicePorts: [], state: 'TASK_RUNNING', startedAt: 't', stagedAt: 't', version: 'v' }) as never;
    m.setTasks({ '/top': [task('top.1'), task('top.2'), task('top.3')] });
    const call = async (method: string, path: string) => {
      const r = await fetch(`${m.url}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(method === 'PUT' || method === 'POST' ? { body: '{}' } : {}) });
      return { status: r.status, body: await r.text() };
    };
    for (const [method, path] of [['PUT', '/v2/apps/top/tasks/top.1'], ['POST', '/v2/apps/top/tasks'], ['GET', '/v2/apps/top/tasks/top.1'], ['PATCH', '/v2/apps/top/tasks']]) {
      assert.equal((await call(method, path)).status, 405, `${method} ${path}`);
    }
    assert.equal((await get('/v2/apps/top/tasks/top.1')).status, 405);
    assert.equal(JSON.parse((await get('/v2/apps')).text).apps.some((a: { id: string }) => a.id.includes('tasks')), false, 'no app named …/tasks/… was created');
    const one = await call('DELETE', '/v2/apps/top/tasks/top.2');
    assert.equal(one.status, 200);
    assert.equal(JSON.parse(one.body).task.id, 'top.2');
    assert.equal((await call('DELETE', '/v2/apps/top/tasks/top.2')).status, 404);
    assert.deepEqual(JSON.parse((await get('/v2/apps/top/tasks')).text).tasks.map((t: { id: string }) => t.id), ['top.1', 'top.3']);
    const all = await call('DELETE', '/v2/apps/top/tasks');
    assert.deepEqual(JSON.parse(all.body).tasks.map((t: { id: string }) => t.id), ['top.1', 'top.3']);
    assert.deepEqual(JSON.parse((await get('/v2/apps/top/tasks')).text).tasks, []);
    assert.equal((await call('DELETE', '/v2/apps/nope/tasks')).status, 404);
  });

  it('runs as a command and prints its URL first', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, '../standins/marathon/main.ts'), '--version', '1.4.7'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
    const url = chunk.toString().split('\n')[0];
    const info = (await (await fetch(`${url}/v2/info`)).json()) as { version: string; marathon_config: Record<string, unknown> };
    assert.equal(info.version, '1.4.7');
    assert.equal('new_group_enforce_role' in info.marathon_config, false, '1.4 has no new_group_enforce_role (marathon-api.md §9)');
    child.kill('SIGTERM');
    await once(child, 'exit');
  });
});

describe('stand-in Marathon as a non-leader (marathon-api.md §1)', () => {
  let leader: StandinMarathon;
  let follower: StandinMarathon;
  before(async () => {
    leader = await startStandinMarathon({ heartbeatMs: 60_000 });
    follower = await startStandinMarathon({ leaderUrl: leader.url });
  });
  after(async () => {
    await follower.close();
    await leader.close();
  });

  it("forwards every other request to the leader and returns the leader's answer with X-Marathon-Via", async () => {
    const created = await fetch(`${follower.url}/v2/apps`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.0.0.9' }, body: '{"id":"/via/follower","cmd":"c"}' });
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('x-marathon-via'), `1.1 127.0.0.1:${follower.port}`);
    assert.equal(created.headers.get('x-marathon-leader'), leader.url);
    const seen = leader.requests.find((r) => r.method === 'POST' && r.path === '/v2/apps')!;
    assert.equal(seen.body, '{"id":"/via/follower","cmd":"c"}');
    assert.equal(seen.headers['x-marathon-via'], `1.1 127.0.0.1:${follower.port}`);
    assert.equal(seen.headers['x-forwarded-for'], '10.0.0.9,127.0.0.1');
    const read = await fetch(`${follower.url}/v2/groups/via`);
    assert.deepEqual(((await read.json()) as { apps: { id: string }[] }).apps.map((a) => a.id), ['/via/follower'], "the leader's groups");
    const ping = await fetch(`${follower.url}/ping`);
    assert.deepEqual([ping.status, await ping.text(), ping.headers.get('x-marathon-leader')], [200, 'pong', leader.url]);
  });

  it('redirects the event stream (any path starting with /v2/events) to the same path and query on the leader, without the leader headers', async () => {
    for (const path of ['/v2/events?event_type=deployment_info&event_type=x', '/v2/events/']) {
      const r = await fetch(`${follower.url}${path}`, { headers: { accept: 'text/event-stream' }, redirect: 'manual' });
      assert.equal(r.status, 302, path);
      assert.equal(r.headers.get('location'), `${leader.url}${path}`);
      assert.equal(r.headers.get('x-marathon-leader'), null, 'only the leader sets X-Marathon-Leader');
      assert.equal(r.headers.get('cache-control'), 'no-cache, no-store, must-revalidate');
    }
  });

  it('a 1.6 non-leader proxies the event stream like any request', async () => {
    const old = await startStandinMarathon({ leaderUrl: leader.url, info: infoFor('1.6.549') });
    try {
      const controller = new AbortController();
      const r = await fetch(`${old.url}/v2/events`, { headers: { accept: 'text/event-stream' }, redirect: 'manual', signal: controller.signal });
      assert.equal(r.status, 200);
      const first = await r.body!.getReader().read();
      assert.match(new TextDecoder().decode(first.value), /^event: event_stream_attached\r\n/);
      controller.abort();
    } finally {
      await old.close();
    }
  });

  it("answers Jetty's 502 when the leader refuses the connection, and on a proxying loop", async () => {
    const gone = await startStandinMarathon();
    const goneUrl = gone.url;
    await gone.close();
    const orphan = await startStandinMarathon({ leaderUrl: goneUrl });
    try {
      const r = await fetch(`${orphan.url}/v2/info`);
      assert.equal(r.status, 502);
      assert.match(await r.text(), /Connection to leader refused\./);
      const loop = await fetch(`${orphan.url}/v2/info`, { headers: { 'x-marathon-via': `1.1 127.0.0.1:${orphan.port}` } });
      assert.equal(loop.status, 502);
      assert.match(await loop.text(), /Detected proxying loop\./);
    } finally {
      await orphan.close();
    }
  });
});
