// The event stream through the gate when the Marathon behind it is not the leader: a non-leader answers
// `GET /v2/events…` with a 302 to the leader (marathon-api.md §1), an address the gate's clients often cannot reach.
// Real HTTP on loopback: client → gate → stand-in non-leader → stand-in leader, real SSE.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request, type IncomingMessage } from 'node:http';
import { startStandinMarathon, type StandinMarathon } from '../standins/marathon/standin';
import type { RunningGate } from '../../gate/src/gate';
import { call, gateDenial, gateInFrontOf } from './harness';

const token = 'token=leader-test-token';
let leader: StandinMarathon;
let follower: StandinMarathon;
let gate: RunningGate;
const logs: Record<string, unknown>[] = [];
before(async () => {
  leader = await startStandinMarathon({ heartbeatMs: 60_000, auth: { kind: 'token', token: 'leader-test-token' } });
  follower = await startStandinMarathon({ leaderUrl: leader.url, auth: { kind: 'token', token: 'leader-test-token' } });
  gate = await gateInFrontOf(follower.url, { logs, leaderTimeoutMs: 1_000, auth: { kind: 'token', token: 'leader-test-token' } });
});
after(async () => {
  await gate.close();
  await follower.close();
  await leader.close();
});

interface EventStream {
  res: IncomingMessage;
  /** The next event (`event: …\r\ndata: …`), or a rejection after 5 s: the stream is being buffered or is dead. */
  next(): Promise<string>;
}

function openEvents(url: string, headers: Record<string, string> = {}): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { Accept: 'text/event-stream', ...headers } }, (res) => {
      clearTimeout(noAnswer);
      let buffer = '';
      const queue: string[] = [];
      const waiting: ((e: string) => void)[] = [];
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let i = buffer.indexOf('\r\n\r\n'); i !== -1; i = buffer.indexOf('\r\n\r\n')) {
          const event = buffer.slice(0, i).replace(/^(\r\n)+/, '');
          buffer = buffer.slice(i + 4);
          const w = waiting.shift();
          if (w) w(event);
          else queue.push(event);
        }
      });
      const next = () =>
        new Promise<string>((done, fail) => {
          const q = queue.shift();
          if (q !== undefined) return done(q);
          const t = setTimeout(() => fail(new Error('no event within 5 s')), 5_000);
          waiting.push((e) => {
            clearTimeout(t);
            done(e);
          });
        });
      resolve({ res, next });
    });
    // Marathon answers a subscription at once, before any event (a heartbeat comes only every 10 s, marathon-api.md §10).
    const noAnswer = setTimeout(() => req.destroy(new Error('no answer within 2 s')), 2_000);
    req.on('error', reject).end();
  });
}

async function until(what: string, check: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test("a client of the gate gets the leader's event stream, event by event, although Marathon behind the gate is a non-leader", async () => {
  const s = await openEvents(`${gate.url}/v2/events`, { Authorization: token, 'X-Forwarded-For': '10.1.1.1' });
  assert.equal(s.res.statusCode, 200, `the client got ${s.res.statusCode} ${s.res.headers.location ?? ''}`);
  assert.match(String(s.res.headers['content-type']), /^text\/event-stream/);
  assert.match(await s.next(), /^event: event_stream_attached\r\ndata: /);
  for (let n = 1; n <= 3; n++) {
    leader.pushEvent('deployment_info', { n });
    const e = await s.next();
    assert.equal(JSON.parse(e.split('data: ')[1]).n, n);
  }
  // The gate followed the redirect itself, with the client's end-to-end headers as it sends them to Marathon.
  assert.ok(follower.requests.some((r) => r.path === '/v2/events'), 'the request went to the non-leader first');
  const atLeader = leader.requests.filter((r) => r.path === '/v2/events').at(-1)!;
  assert.equal(atLeader.authorized, true);
  assert.equal(atLeader.headers.accept, 'text/event-stream');
  assert.equal(atLeader.headers['x-forwarded-for'], '10.1.1.1,127.0.0.1', 'the gate adds its hop once');
  // A client that goes away closes the stream to the leader.
  s.res.destroy();
  await until('the leader to see the subscriber go', () => leader.eventSubscribers() === 0);
});

test("the query reaches the leader as sent: Marathon's event_type filter", async () => {
  const s = await openEvents(`${gate.url}/v2/events?event_type=app_terminated_event`, { Authorization: token });
  assert.equal(s.res.statusCode, 200);
  leader.pushEvent('deployment_info', { skipped: true });
  leader.pushEvent('app_terminated_event', { appId: '/x' });
  assert.match(await s.next(), /^event: app_terminated_event\r\n/);
  assert.equal(leader.requests.filter((r) => r.path === '/v2/events').at(-1)!.query, '?event_type=app_terminated_event');
  s.res.destroy();
  await until('the leader to see the subscriber go', () => leader.eventSubscribers() === 0);
});

test('in front of the leader itself nothing changes: the stream, its headers at once, no question about the leader', async () => {
  const g = await gateInFrontOf(leader.url, { auth: { kind: 'token', token: 'leader-test-token' } });
  try {
    const pings = leader.requests.filter((r) => r.path === '/ping').length;
    const s = await openEvents(`${g.url}/v2/events?event_type=app_terminated_event`, { Authorization: token });
    assert.equal(s.res.statusCode, 200);
    leader.pushEvent('app_terminated_event', { appId: '/y' });
    assert.match(await s.next(), /^event: app_terminated_event\r\n/);
    assert.equal(leader.requests.filter((r) => r.path === '/ping').length, pings);
    s.res.destroy();
    await until('the leader to see the subscriber go', () => leader.eventSubscribers() === 0);
  } finally {
    await g.close();
  }
});

test('a client that leaves while the gate asks Marathon for its leader: the leader never gets the request', async () => {
  leader.setFault({ kind: 'slow', delayMs: 400 }, '/ping');
  try {
    const before = leader.requests.filter((r) => r.path === '/v2/events').length;
    const req = request(`${gate.url}/v2/events`, { headers: { Accept: 'text/event-stream', Authorization: token } });
    req.on('error', () => {});
    req.end();
    await until('the non-leader to redirect', () => follower.requests.some((r) => r.path === '/ping' && r.authorized));
    req.destroy();
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(leader.requests.filter((r) => r.path === '/v2/events').length, before);
    assert.equal(leader.eventSubscribers(), 0);
    assert.equal((await call('GET', `${gate.url}/ping`, undefined, { Authorization: token })).body, 'pong');
  } finally {
    leader.setFault(undefined);
  }
});

test("without credentials the client gets Marathon's 401, not events", async () => {
  const a = await call('GET', `${gate.url}/v2/events`, undefined, { Accept: 'text/event-stream' });
  assert.equal(a.status, 401);
});

test('other redirects pass through untouched: GET / → /ui/, and a sign-in page in front of the event stream', async () => {
  const root = await call('GET', `${gate.url}/`, undefined, { Authorization: token });
  assert.deepEqual([root.status, root.headers.location], [302, '/ui/']);
  follower.setFault({ kind: 'redirect', status: 302 }, '/v2/events');
  try {
    const a = await call('GET', `${gate.url}/v2/events`, undefined, { Accept: 'text/event-stream', Authorization: token });
    assert.deepEqual([a.status, a.headers.location], [302, 'https://sso.example.com/login?return=%2Fv2%2Fevents']);
  } finally {
    follower.setFault(undefined);
  }
});

test("a redirect of the stream to a host that is not Marathon's leader passes through: the client's credentials go nowhere else", async () => {
  const elsewhere = await startStandinMarathon();
  follower.setFault({ kind: 'redirect', status: 302, to: elsewhere.url }, '/v2/events');
  try {
    const a = await call('GET', `${gate.url}/v2/events`, undefined, { Accept: 'text/event-stream', Authorization: token });
    assert.deepEqual([a.status, a.headers.location], [302, `${elsewhere.url}/v2/events`]);
    assert.equal(elsewhere.requests.length, 0);
  } finally {
    follower.setFault(undefined);
    await elsewhere.close();
  }
});

test('a leader that cannot be reached: a 502 naming it, at once, not a hang', async () => {
  const gone = await startStandinMarathon();
  const goneUrl = gone.url;
  await gone.close();
  const orphan = await startStandinMarathon({ leaderUrl: goneUrl });
  const g = await gateInFrontOf(orphan.url, { leaderTimeoutMs: 1_000 });
  try {
    const started = Date.now();
    const a = await call('GET', `${g.url}/v2/events`, undefined, { Accept: 'text/event-stream' });
    assert.equal(a.status, 502, a.body);
    assert.ok(JSON.parse(a.body).message.includes(goneUrl), a.body);
    assert.ok(Date.now() - started < 3_000, `answered after ${Date.now() - started} ms`);
  } finally {
    await g.close();
    await orphan.close();
  }
});

test('a leader that does not answer the stream: a 502 naming it once the gate stops waiting', async () => {
  leader.setFault({ kind: 'slow', delayMs: 4_000 }, '/v2/events');
  try {
    const started = Date.now();
    const a = await call('GET', `${gate.url}/v2/events`, undefined, { Accept: 'text/event-stream', Authorization: token });
    assert.equal(a.status, 502, a.body);
    assert.ok(JSON.parse(a.body).message.includes(leader.url), a.body);
    assert.ok(Date.now() - started < 3_000, `answered after ${Date.now() - started} ms`);
  } finally {
    leader.setFault(undefined);
  }
});

test('redirects are followed a bounded number of times', async () => {
  // The leader itself sending the stream back to itself: leadership that never settles.
  leader.setFault({ kind: 'redirect', status: 302, to: leader.url }, '/v2/events');
  try {
    const a = await call('GET', `${gate.url}/v2/events`, undefined, { Accept: 'text/event-stream', Authorization: token });
    assert.equal(a.status, 502, a.body);
    assert.match(JSON.parse(a.body).message, /redirect/);
    assert.ok(leader.requests.filter((r) => r.path === '/v2/events').length < 10);
  } finally {
    leader.setFault(undefined);
  }
});

test("the gate's copy of the deployed apps is read through the non-leader too: a cross-app check sees the leader's apps", async () => {
  const dvdiApp = (id: string) => ({
    id, cmd: 'sleep 1000', cpus: 0.1, mem: 64, instances: 1, upgradeStrategy: { minimumHealthCapacity: 0, maximumOverCapacity: 0 },
    container: { type: 'MESOS', volumes: [{ containerPath: 'data', mode: 'RW', external: { name: 'leadervol', provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }] },
  });
  // Deployed at the leader directly, not through the gate: only a read of the root group can tell the gate.
  assert.equal((await call('POST', `${leader.url}/v2/apps`, JSON.stringify(dvdiApp('/lead/owner')), { Authorization: token })).status, 201);
  await gate.clusterState.snapshot(true);
  const a = await call('POST', `${gate.url}/v2/apps`, JSON.stringify(dvdiApp('/lead/thief')), { Authorization: token });
  const d = gateDenial(a);
  assert.ok(d, `${a.status} ${a.body}`);
  assert.match(d.details[0].errors[0], /conflicts with volume\(s\) of same name in app\(s\): \/lead\/owner/);
});
