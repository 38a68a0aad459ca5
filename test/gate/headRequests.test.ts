// HEAD through the gate (real loopback HTTP, stand-in Marathon): the gate judges no HEAD, so Marathon's answer reaches
// the client as Marathon sent it, without a body and without waiting for one. Marathon answers HEAD on every GET
// resource (Jersey runs the GET and drops the entity, the JAX-RS 2.0 specification, section 3.3.5) and on `/v2/events` (Jetty's
// HttpServlet.doHead runs the servlet's doGet on a response that drops the body): with `Accept: text/event-stream`
// that is the stream's 200 and headers, on a connection Marathon then holds open (marathon-api.md §10). A non-leader
// redirects `/v2/events` whatever the method (marathon-api.md §1); only GET opens a stream, so only a GET's
// redirect is followed (docs/gate.md).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { startStandinMarathon, type StandinMarathon } from '../standins/marathon/standin';
import type { RunningGate } from '../../gate/src/gate';
import { call, gateInFrontOf } from './harness';

let marathon: StandinMarathon;
let gate: RunningGate;
before(async () => {
  // Heartbeats every 50 ms: a stream body Marathon writes after a HEAD's headers would show within the wait below.
  marathon = await startStandinMarathon({ heartbeatMs: 50 });
  gate = await gateInFrontOf(marathon.url);
});
after(async () => {
  await gate.close();
  await marathon.close();
});

/**
 * A HEAD on a raw socket: everything the server sends within `waitMs` after the headers. Node's client would hide a
 * body sent to a HEAD (it stops reading at the headers), so the bytes are read here.
 */
function rawHead(base: string, path: string, headers: Record<string, string>, waitMs = 400): Promise<{ head: string; extra: string; headersAfterMs: number }> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const s = connect(Number(u.port), u.hostname);
    let data = '';
    let headersAt: number | undefined;
    const fail = setTimeout(() => {
      s.destroy();
      reject(new Error(`HEAD ${path}: no complete status line and headers within 5 s (${JSON.stringify(data)})`));
    }, 5_000);
    s.setEncoding('latin1');
    s.on('data', (c: string) => {
      data += c;
      if (headersAt === undefined && data.includes('\r\n\r\n')) {
        headersAt = Date.now() - t0;
        clearTimeout(fail);
        setTimeout(() => {
          s.destroy();
          const i = data.indexOf('\r\n\r\n');
          resolve({ head: data.slice(0, i), extra: data.slice(i + 4), headersAfterMs: headersAt! });
        }, waitMs);
      }
    });
    s.on('error', reject);
    const lines = Object.entries({ Host: u.host, ...headers }).map(([k, v]) => `${k}: ${v}\r\n`);
    s.write(`HEAD ${path} HTTP/1.1\r\n${lines.join('')}\r\n`);
  });
}
const status = (head: string) => Number(head.split(' ')[1]);
const header = (head: string, name: string) => head.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name}:`))?.slice(name.length + 1).trim();

test('HEAD /v2/events with Accept: text/event-stream: the stream\'s 200 and headers at once, no body, as Marathon sends them', async () => {
  const direct = await rawHead(marathon.url, '/v2/events', { Accept: 'text/event-stream' });
  assert.equal(status(direct.head), 200, direct.head);
  assert.match(String(header(direct.head, 'content-type')), /^text\/event-stream/);
  assert.equal(direct.extra, '', 'the stand-in writes no body to a HEAD');
  const via = await rawHead(gate.url, '/v2/events', { Accept: 'text/event-stream' });
  assert.equal(status(via.head), 200, via.head);
  assert.equal(header(via.head, 'content-type'), header(direct.head, 'content-type'));
  assert.equal(header(via.head, 'x-marathon-leader'), header(direct.head, 'x-marathon-leader'));
  assert.equal(header(via.head, 'cache-control'), header(direct.head, 'cache-control'));
  assert.ok(via.headersAfterMs < 2_000, `headers after ${via.headersAfterMs} ms`);
  assert.equal(via.extra, '', 'no body (no event, no heartbeat, no chunk) after a HEAD\'s headers');
  assert.equal(header(via.head, 'transfer-encoding'), undefined, 'no chunked framing announced for a HEAD');
  // Marathon holds the connection open after the headers (Connection: close); the gate's answer is complete at its
  // headers, so it lets that connection go rather than keep one per HEAD for good.
  const deadline = Date.now() + 3_000;
  while (marathon.eventSubscribers() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  assert.equal(marathon.eventSubscribers(), 0, 'the gate closed its connection to Marathon after the HEAD');
});

test('HEAD /v2/events without Accept: text/event-stream: Marathon\'s 405, without its HTML page', async () => {
  const direct = await rawHead(marathon.url, '/v2/events', {});
  const via = await rawHead(gate.url, '/v2/events', {});
  assert.equal(status(direct.head), 405, direct.head);
  assert.equal(status(via.head), 405, via.head);
  assert.equal(header(via.head, 'content-type'), header(direct.head, 'content-type'));
  assert.equal(via.extra, '');
});

test('HEAD on GET routes: Marathon\'s status and headers (Content-Length included), no body', async () => {
  await call('POST', `${gate.url}/v2/apps`, JSON.stringify({ id: '/head/web', cmd: 'sleep 100' }));
  for (const path of ['/v2/apps', '/v2/apps/head/web', '/v2/info', '/v2/groups', '/ping', '/v2/apps/nothing-here']) {
    const get = await call('GET', `${marathon.url}${path}`);
    const direct = await rawHead(marathon.url, path, {}, 100);
    const via = await rawHead(gate.url, path, {}, 100);
    assert.equal(status(direct.head), get.status, `${path}: the stand-in answers HEAD as GET`);
    assert.equal(status(via.head), get.status, `${path}: ${via.head}`);
    for (const h of ['content-type', 'content-length', 'x-marathon-leader', 'cache-control']) assert.equal(header(via.head, h), header(direct.head, h), `${path}: ${h}`);
    assert.equal(via.extra, '', `${path}: no body`);
  }
});

test('HEAD /v2/events at a non-leader: its redirect reaches the client as sent, not followed (only a GET opens a stream)', async () => {
  const follower = await startStandinMarathon({ leaderUrl: marathon.url });
  const front = await gateInFrontOf(follower.url);
  try {
    const streamsBefore = marathon.requests.filter((r) => r.path === '/v2/events').length;
    const via = await rawHead(front.url, '/v2/events?event_type=deployment_info', { Accept: 'text/event-stream' }, 100);
    assert.equal(status(via.head), 302, via.head);
    assert.equal(header(via.head, 'location'), `${marathon.url}/v2/events?event_type=deployment_info`);
    assert.equal(via.extra, '');
    assert.equal(marathon.requests.filter((r) => r.path === '/v2/events').length, streamsBefore, 'the gate did not go to the leader');
  } finally {
    await front.close();
    await follower.close();
  }
});

test('HEAD /v2/events from clients that close before a slow Marathon answers: no stream stays open at Marathon', async () => {
  // The gate drops its request to Marathon when the client goes; Marathon (Jetty) then never holds a stream for it.
  marathon.setFault({ kind: 'slow', delayMs: 300 }, '/v2/events', 'HEAD');
  try {
    const gone = (base: string) =>
      new Promise<void>((resolve) => {
        const u = new URL(base);
        const s = connect(Number(u.port), u.hostname);
        s.on('error', () => {});
        s.on('close', () => resolve());
        s.write(`HEAD /v2/events HTTP/1.1\r\nHost: ${u.host}\r\nAccept: text/event-stream\r\n\r\n`);
        setTimeout(() => s.destroy(), 50);
      });
    await Promise.all(Array.from({ length: 20 }, () => gone(gate.url)));
    await new Promise((r) => setTimeout(r, 600));
    assert.equal(marathon.eventSubscribers(), 0, 'streams held at Marathon for clients that are gone');
  } finally {
    marathon.setFault(undefined);
  }
});
