// The gate keeps its connections to Marathon alive, and Marathon's Jetty closes a connection idle for 30 s
// (M:src/main/scala/mesosphere/marathon/api/HttpModule.scala@0513cddcac L127). A request sent on a kept connection just
// as Jetty closes it is reset before Marathon reads it: the client must get Marathon's answer, not a 502 for a request
// Marathon never saw. Real loopback HTTP through an in-process gate; behind it the stand-in Marathon, fronted by a
// stand-in of Jetty's idle close (test/standins/marathon/idleConnector.ts) whose close always crosses the next request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startStandinMarathon } from '../standins/marathon/standin';
import { startIdleConnector, type IdleConnector } from '../standins/marathon/idleConnector';
import { call, gateInFrontOf, type TestGateOptions, standinBehindFronts } from './harness';

const idleMs = 300;
const behind = standinBehindFronts<IdleConnector>();
const { fronts, gates } = behind;

/** A gate (fail open: the root-group reads cross the same closes) in front of a fresh idle-closing front. */
async function lab(o: TestGateOptions = {}, crossing: 'reset' | 'end' = 'reset'): Promise<{ gate: string; front: IdleConnector }> {
  const front = await startIdleConnector(behind.marathon.port, idleMs, crossing);
  fronts.push(front);
  const g = await gateInFrontOf(front.url, { fail: 'open', clusterState: { refreshMs: 60_000, maxAgeMs: 60_000, waitMs: 300 }, ...o });
  gates.push(g);
  return { gate: g.url, front };
}

const app = (id: string) => JSON.stringify({ id, cmd: 'sleep 100', cpus: 0.1, mem: 32 });

/** One request on a connection the gate has kept idle past Marathon's close. */
async function afterIdle(gate: string, method: string, path: string, body?: string) {
  assert.equal((await call('GET', `${gate}/v2/info`)).status, 200);
  await sleep(idleMs + 200);
  return call(method, `${gate}${path}`, body);
}

function seen(method: string, path: string): number {
  return behind.marathon.requests.filter((r) => r.method === method && r.path === path).length;
}

test('a GET sent on a kept connection as Marathon closes it: the gate resends it on a fresh one, once, and the client gets Marathon\'s answer', async () => {
  const { gate, front } = await lab();
  const before = seen('GET', '/v2/apps');
  const a = await afterIdle(gate, 'GET', '/v2/apps');
  assert.equal(a.status, 200, a.body);
  assert.ok(front.resets() >= 1, 'the close crossed the request');
  assert.equal(seen('GET', '/v2/apps') - before, 1);
});

test('a judged write reset on a kept connection as Marathon closes it is not resent: the gate cannot tell that RST from one after Marathon read it (readThenReset.test.ts); the 502 says to check', async () => {
  const { gate, front } = await lab();
  const a = await afterIdle(gate, 'POST', '/v2/apps', app('/race/web'));
  assert.equal(a.status, 502, a.body);
  assert.match((JSON.parse(a.body) as { message: string }).message, /may have received/);
  assert.ok(front.resets() >= 1, 'the close crossed the request');
  assert.equal(behind.marathon.requests.filter((r) => r.method === 'POST' && r.body.includes('/race/web')).length, 0);
});

test('a connection idle longer than the gate keeps one is not reused: no request meets Marathon\'s close', async () => {
  const { gate, front } = await lab({ marathonKeepAliveMs: idleMs / 3 });
  assert.equal((await call('GET', `${gate}/v2/info`)).status, 200);
  await sleep(idleMs + 200);
  assert.equal((await call('GET', `${gate}/v2/info`)).status, 200);
  assert.equal(front.resets(), 0);
});

test('a GET whose kept connection ended cleanly as it went out is resent too: a read is safe to send twice', async () => {
  const { gate, front } = await lab({}, 'end');
  const a = await afterIdle(gate, 'GET', '/v2/apps');
  assert.equal(a.status, 200, a.body);
  assert.ok(front.resets() >= 1);
});

test('a write whose kept connection ended cleanly is not resent (Marathon may have read it): the 502 says so and to check before sending again', async () => {
  const { gate } = await lab({}, 'end');
  const a = await afterIdle(gate, 'POST', '/v2/apps', app('/race/maybe'));
  assert.equal(a.status, 502, a.body);
  const { message } = JSON.parse(a.body) as { message: string };
  assert.match(message, /^marathon-gate could not reach Marathon at http:\/\/127\.0\.0\.1:\d+: /);
  assert.match(message, /kept-alive connection/);
  assert.match(message, /may have received/);
  assert.doesNotMatch(message, /HTTPS/);
  assert.equal(behind.marathon.requests.filter((r) => r.method === 'POST' && r.body.includes('/race/maybe')).length, 0);
});

test('the event stream opened on a kept connection as Marathon closes it: resent, and the client gets the stream', async () => {
  const { gate, front } = await lab();
  assert.equal((await call('GET', `${gate}/v2/info`)).status, 200);
  await sleep(idleMs + 200);
  const stream = new AbortController();
  const res = await fetch(`${gate}/v2/events`, { headers: { Accept: 'text/event-stream' }, signal: stream.signal });
  assert.equal(res.status, 200);
  const reader = res.body!.getReader();
  let text = '';
  while (!text.includes('event_stream_attached')) text += new TextDecoder().decode((await reader.read()).value);
  stream.abort();
  assert.ok(front.resets() >= 1);
});

test('the gate\'s own question to Marathon before a refusal, asked on a kept connection as Marathon closes it: asked again, and the refusal stands', async () => {
  const withVolume = (id: string) => ({ id, cmd: 'sleep 100', instances: 1, upgradeStrategy: { minimumHealthCapacity: 0, maximumOverCapacity: 0 }, container: { type: 'MESOS', volumes: [{ containerPath: 'data', mode: 'RW', external: { name: 'racedata', provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }] } });
  behind.marathon.setRootGroup({ id: '/', apps: [], pods: [], dependencies: [], groups: [{ id: '/held', apps: [withVolume('/held/db')], pods: [], groups: [], dependencies: [], version: 'v', enforceRole: false }] } as never);
  const { gate, front } = await lab();
  const a = await afterIdle(gate, 'POST', '/v2/apps', JSON.stringify(withVolume('/race/db')));
  assert.equal(a.status, 422, a.body);
  assert.match(a.body, /racedata/);
  assert.ok(front.resets() >= 1);
});

test('a Marathon (or a proxy in front) that announces a shorter idle close, `Keep-Alive: timeout=1`: the gate keeps no connection past it', async () => {
  const announcing = await startStandinMarathon({ keepAliveTimeoutMs: 1_000 });
  try {
    const front = await startIdleConnector(announcing.port, idleMs, 'end');
    fronts.push(front);
    const g = await gateInFrontOf(front.url, { fail: 'open', clusterState: { refreshMs: 60_000, maxAgeMs: 60_000, waitMs: 300 } });
    gates.push(g);
    const a = await afterIdle(g.url, 'POST', '/v2/apps', app('/race/announced'));
    assert.equal(a.status, 201, a.body);
    assert.equal(front.resets(), 0);
  } finally {
    await announcing.close();
  }
});

test('the keep-alive bound is for idle connections only: an answer slower than it still arrives whole', async () => {
  const { gate } = await lab({ marathonKeepAliveMs: 100 });
  behind.marathon.setFault({ kind: 'slow', delayMs: 600 }, '/v2/info');
  try {
    const a = await call('GET', `${gate}/v2/info`);
    assert.equal(a.status, 200, a.body);
    assert.equal(typeof (JSON.parse(a.body) as { version: unknown }).version, 'string');
  } finally {
    behind.marathon.setFault(undefined);
  }
});

test('the gate\'s own question before a refusal, when every kept connection has met Marathon\'s close (several left from a burst): asked again on a new connection, and the refusal stands', async () => {
  const withVolume = (id: string) => ({ id, cmd: 'sleep 100', instances: 1, upgradeStrategy: { minimumHealthCapacity: 0, maximumOverCapacity: 0 }, container: { type: 'MESOS', volumes: [{ containerPath: 'data', mode: 'RW', external: { name: 'burstdata', provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }] } });
  behind.marathon.setRootGroup({ id: '/', apps: [], pods: [], dependencies: [], groups: [{ id: '/held', apps: [withVolume('/held/burst')], pods: [], groups: [], dependencies: [], version: 'v', enforceRole: false }] } as never);
  const { gate, front } = await lab();
  // Answers slow enough to overlap: each of the burst's requests holds its own connection, all kept afterwards.
  behind.marathon.setFault({ kind: 'slow', delayMs: 200 }, '/v2/info');
  try {
    const burst = await Promise.all([1, 2, 3].map(() => call('GET', `${gate}/v2/info`)));
    assert.deepEqual(burst.map((b) => b.status), [200, 200, 200]);
  } finally {
    behind.marathon.setFault(undefined);
  }
  assert.ok(front.connections() >= 3, 'the burst left several kept connections');
  await sleep(idleMs + 200);
  const a = await call('POST', `${gate}/v2/apps`, JSON.stringify(withVolume('/race/burst')));
  assert.equal(a.status, 422, a.body);
  assert.match(a.body, /burstdata/);
});

test('the event stream behind a non-leader, when the gate\'s kept connections have met Marathon\'s close: the leader check (GET /ping) is asked again on a new connection, and the client gets the leader\'s stream', async () => {
  const follower = await startStandinMarathon({ leaderUrl: behind.marathon.url });
  try {
    const front = await startIdleConnector(follower.port, idleMs, 'reset');
    fronts.push(front);
    const g = await gateInFrontOf(front.url, { fail: 'open', clusterState: { refreshMs: 60_000, maxAgeMs: 60_000, waitMs: 300 } });
    gates.push(g);
    behind.marathon.setFault({ kind: 'slow', delayMs: 200 }, '/v2/info');
    try {
      const burst = await Promise.all([1, 2, 3].map(() => call('GET', `${g.url}/v2/info`)));
      assert.deepEqual(burst.map((b) => b.status), [200, 200, 200]);
    } finally {
      behind.marathon.setFault(undefined);
    }
    await sleep(idleMs + 200);
    const stream = new AbortController();
    const res = await fetch(`${g.url}/v2/events`, { headers: { Accept: 'text/event-stream' }, signal: stream.signal });
    const reader = res.body!.getReader();
    let text = '';
    while (res.status === 200 && !text.includes('event_stream_attached')) text += new TextDecoder().decode((await reader.read()).value);
    stream.abort();
    assert.equal(res.status, 200, text);
  } finally {
    await follower.close();
  }
});
