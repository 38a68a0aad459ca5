// Everything the gate does not judge goes to Marathon untouched and streamed (real loopback HTTP, stand-in
// Marathon): GET/HEAD/DELETE, redirects, /v2/events event by event, chunked bodies, hop-by-hop headers,
// X-Forwarded-*, auth forwarded and never logged, pipelining, Expect: 100-continue, a client gone mid-body, Marathon gone mid-answer, 200 concurrent
// mixed requests.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import { startStandinMarathon, type StandinMarathon } from '../standins/marathon/standin';
import type { RunningGate } from '../../gate/src/gate';
import { call, gateDenial, gateInFrontOf } from './harness';

let marathon: StandinMarathon;
let gate: RunningGate;
const logs: Record<string, unknown>[] = [];
before(async () => {
  marathon = await startStandinMarathon({ heartbeatMs: 60_000 });
  gate = await gateInFrontOf(marathon.url, { logs });
});
after(async () => {
  await gate.close();
  await marathon.close();
});
const last = (path: string) => marathon.requests.filter((r) => r.path === path).at(-1);

test('GET, HEAD and DELETE pass through with Marathon\'s status, headers and body', async () => {
  await call('POST', `${gate.url}/v2/apps`, JSON.stringify({ id: '/pass/web', cmd: 'sleep 100' }));
  const direct = await call('GET', `${marathon.url}/v2/apps/pass/web`);
  const via = await call('GET', `${gate.url}/v2/apps/pass/web`);
  assert.equal(via.status, 200);
  assert.deepEqual(JSON.parse(via.body), JSON.parse(direct.body));
  for (const h of ['cache-control', 'x-marathon-leader', 'x-frame-options', 'content-type']) assert.equal(via.headers[h], direct.headers[h], h);
  assert.equal((await call('HEAD', `${gate.url}/v2/pods`)).status, 200);
  assert.equal((await call('GET', `${gate.url}/ping`)).body, 'pong');
  const del = await call('DELETE', `${gate.url}/v2/apps/pass/web?force=true`);
  assert.equal(del.status, 200);
  assert.ok(del.headers['marathon-deployment-id']);
  assert.equal((await call('GET', `${gate.url}/v2/apps/pass/web`)).status, 404);
});

test('redirects pass through as sent (GET / → 302 /ui/)', async () => {
  const a = await call('GET', `${gate.url}/`);
  assert.equal(a.status, 302);
  assert.equal(a.headers.location, '/ui/');
});

test('/v2/events streams event by event: each arrives before the next is published', async () => {
  const res = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
    request(`${gate.url}/v2/events`, { headers: { Accept: 'text/event-stream' } }, resolve).on('error', reject).end();
  });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/event-stream/);
  let buffer = '';
  const waiting: ((e: string) => void)[] = [];
  const queue: string[] = [];
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    buffer += chunk;
    for (let i = buffer.indexOf('\r\n\r\n'); i !== -1; i = buffer.indexOf('\r\n\r\n')) {
      const event = buffer.slice(0, i);
      buffer = buffer.slice(i + 4);
      const w = waiting.shift();
      if (w) w(event);
      else queue.push(event);
    }
  });
  const next = () =>
    new Promise<string>((resolve, reject) => {
      const q = queue.shift();
      if (q !== undefined) return resolve(q);
      const t = setTimeout(() => reject(new Error('no event within 5 s: the stream is being buffered')), 5_000);
      waiting.push((e) => {
        clearTimeout(t);
        resolve(e);
      });
    });
  assert.match(await next(), /^event: event_stream_attached\r\ndata: /);
  for (let n = 1; n <= 5; n++) {
    marathon.pushEvent('deployment_info', { n });
    const e = await next();
    assert.match(e, /^event: deployment_info\r\ndata: \{.*"n":\d/);
    assert.equal(JSON.parse(e.split('data: ')[1]).n, n);
  }
  res.destroy();
});

test('a chunked request body is read whole, judged and forwarded', async () => {
  const body = JSON.stringify({ id: '/chunked/web', cmd: 'sleep 100' });
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(`${gate.url}/v2/apps`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    for (let i = 0; i < body.length; i += 7) req.write(body.slice(i, i + 7));
    req.end();
  });
  assert.equal(status, 201);
  assert.equal(last('/v2/apps')?.body, body);
});

test('hop-by-hop headers are dropped (RFC 7230 §6.1), X-Forwarded-* added, end-to-end headers kept', async () => {
  await new Promise<void>((resolve, reject) => {
    const req = request(`${gate.url}/v2/info`, {
      headers: { Connection: 'keep-alive, X-Hop', 'X-Hop': 'secret-hop', 'Keep-Alive': 'timeout=5', TE: 'trailers', 'X-End': 'kept', 'X-Forwarded-For': '10.1.1.1' },
    }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end();
  });
  const h = last('/v2/info')!.headers;
  assert.equal(h['x-hop'], undefined);
  assert.equal(h['keep-alive'], undefined);
  assert.equal(h.te, undefined);
  assert.equal(h['x-end'], 'kept');
  assert.equal(h['x-forwarded-for'], '10.1.1.1,127.0.0.1');
  assert.equal(h['x-forwarded-proto'], 'http');
  assert.ok(h['x-forwarded-host']);
});

test('Authorization is forwarded as sent and never logged', async () => {
  marathon.setAuth({ kind: 'token', token: 'sekrit-token-123' });
  try {
    assert.equal((await call('GET', `${gate.url}/v2/apps`)).status, 401);
    assert.equal((await call('GET', `${gate.url}/v2/apps`, undefined, { Authorization: 'token=sekrit-token-123' })).status, 200);
    // A denied write carries the token too; the log line about it must not.
    const bad = { id: '/auth/web', cmd: 'sleep 1', container: { type: 'MESOS', volumes: [{ containerPath: 'v', mode: 'RW', external: { size: 1 } }] } };
    const a = await call('POST', `${gate.url}/v2/apps`, JSON.stringify(bad), { Authorization: 'token=sekrit-token-123' });
    assert.ok(gateDenial(a));
    assert.ok(logs.length > 0);
    assert.ok(!JSON.stringify(logs).includes('sekrit'), 'the token appears in the gate\'s log');
  } finally {
    marathon.setAuth({ kind: 'none' });
  }
});

test('a client that disconnects mid-body: nothing reaches Marathon, the gate goes on serving', async () => {
  const before = marathon.requests.length;
  const port = Number(new URL(gate.url).port);
  await new Promise<void>((resolve) => {
    const s = connect(port, '127.0.0.1', () => {
      s.write('POST /v2/apps HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"id":"/half","cmd":"sle');
      setTimeout(() => {
        s.destroy();
        resolve();
      }, 100);
    });
  });
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(marathon.requests.slice(before).filter((r) => r.body.includes('/half')).length, 0);
  assert.equal((await call('GET', `${gate.url}/ping`)).status, 200);
  assert.match((await call('GET', `${gate.url}/_gate/metrics`)).body, /marathon_gate_requests_total\{route="POST \/v2\/apps",decision="aborted"\} 1/);
});

test('Marathon\'s connection breaking mid-answer breaks the client\'s answer too: no hang, no truncated body passed off as whole', async () => {
  marathon.setFault({ kind: 'close-mid-body', afterMs: 100 }, '/v2/info');
  try {
    const outcome = await new Promise<string>((resolve) => {
      const timer = setTimeout(() => resolve('still waiting after 5 s'), 5_000);
      const done = (what: string) => {
        clearTimeout(timer);
        resolve(what);
      };
      request(`${gate.url}/v2/info`, (res) => {
        res.on('data', () => {});
        res.on('end', () => done(res.complete ? 'a complete answer' : 'an incomplete answer ended cleanly'));
        res.on('error', () => done('broken'));
        res.on('aborted', () => done('broken'));
      }).on('error', () => done('broken')).end();
    });
    assert.equal(outcome, 'broken');
  } finally {
    marathon.setFault(undefined);
  }
  assert.equal((await call('GET', `${gate.url}/ping`)).body, 'pong');
});

test('a client that sends Connection: close gets the answer and the connection closed, not held for the keep-alive timeout', async () => {
  const port = Number(new URL(gate.url).port);
  const outcome = await new Promise<string>((resolve) => {
    const s = connect(port, '127.0.0.1', () => s.write('GET /ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
    let text = '';
    s.on('data', (c) => (text += c));
    const timer = setTimeout(() => {
      s.destroy();
      resolve(`still open after 5 s: ${text.split('\r\n')[0]}`);
    }, 5_000);
    s.on('close', () => {
      clearTimeout(timer);
      resolve(/\r\nconnection: close\r\n/i.test(text) && text.includes('pong') ? 'answered and closed' : `closed: ${JSON.stringify(text)}`);
    });
  });
  assert.equal(outcome, 'answered and closed');
});

test('pipelined requests reach Marathon in the order the client sent them: a judged POST is not overtaken by the DELETE behind it', async () => {
  // HTTP/1.1 pipelining (RFC 7230 §6.3.2): Marathon's Jetty handles a connection's requests one after the other, so a
  // client may send a create and its delete back to back. The POST waits for judging; the DELETE needs none.
  const port = Number(new URL(gate.url).port);
  const app = JSON.stringify({ id: '/pipelined/app', cmd: 'sleep 100' });
  const post = `POST /v2/apps HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(app)}\r\n\r\n${app}`;
  const del = 'DELETE /v2/apps/pipelined/app HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n';
  const text = await new Promise<string>((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => s.write(post + del));
    let t = '';
    s.on('data', (c) => (t += c));
    s.on('error', reject);
    s.on('close', () => resolve(t));
  });
  const statuses = [...text.matchAll(/^HTTP\/1\.1 (\d+)/gm)].map((m) => Number(m[1]));
  assert.deepEqual(statuses, [201, 200], text);
  const order = marathon.requests.filter((r) => r.path.startsWith('/v2/apps') && (r.method === 'POST' || r.method === 'DELETE') && (r.path.includes('pipelined') || r.body?.includes('pipelined')));
  assert.deepEqual(order.map((r) => r.method), ['POST', 'DELETE']);
});

test('Expect: 100-continue (curl with a large body): one 100 Continue, then the judged answer', async () => {
  // RFC 7231 §5.1.1: the client waits for 100 before sending the body; the gate must judge the body it then gets,
  // and Marathon's own 100 to the gate must not reach the client as a second interim answer.
  const port = Number(new URL(gate.url).port);
  const answer = (app: object) => {
    const body = JSON.stringify(app);
    return new Promise<string>((resolve, reject) => {
      const s = connect(port, '127.0.0.1', () =>
        s.write(`POST /v2/apps HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`),
      );
      let t = '';
      s.on('data', (c) => {
        const sentBody = t.includes('100 Continue');
        t += c;
        if (!sentBody && t.includes('100 Continue')) s.write(body);
      });
      s.on('error', reject);
      s.on('close', () => resolve(t));
    });
  };
  const padding = 'x'.repeat(2000);
  const ok = await answer({ id: '/expect/ok', cmd: `sleep 100 # ${padding}` });
  assert.deepEqual([...ok.matchAll(/^HTTP\/1\.1 (\d+)/gm)].map((m) => Number(m[1])), [100, 201], ok);
  const bad = await answer({ id: '/expect/bad', cmd: `sleep 100 # ${padding}`, container: { type: 'MESOS', volumes: [{ containerPath: 'v', mode: 'RW', external: { size: 1 } }] } });
  assert.deepEqual([...bad.matchAll(/^HTTP\/1\.1 (\d+)/gm)].map((m) => Number(m[1])), [100, 422], bad);
  assert.match(bad, /external\/name/);
  assert.equal(marathon.requests.filter((r) => r.method === 'POST' && r.body?.includes('/expect/bad')).length, 0);
});

test('200 concurrent mixed requests: every one answered, none lost or crossed', async () => {
  const bad = (i: number) => JSON.stringify({ id: `/many/bad${i}`, cmd: 'sleep 1', container: { type: 'MESOS', volumes: [{ containerPath: 'v', mode: 'RW', external: { size: 1 } }] } });
  const jobs = Array.from({ length: 200 }, (_, i) => {
    switch (i % 4) {
      case 0: return call('POST', `${gate.url}/v2/apps`, JSON.stringify({ id: `/many/ok${i}`, cmd: 'sleep 100' })).then((a) => [i, a.status === 201 && JSON.parse(a.body).id === `/many/ok${i}`] as const);
      case 1: return call('POST', `${gate.url}/v2/apps`, bad(i)).then((a) => [i, a.status === 422 && gateDenial(a) !== undefined] as const);
      case 2: return call('GET', `${gate.url}/ping`).then((a) => [i, a.body === 'pong'] as const);
      default: return call('GET', `${gate.url}/v2/info`).then((a) => [i, a.status === 200 && JSON.parse(a.body).name === 'marathon'] as const);
    }
  });
  const results = await Promise.all(jobs);
  assert.deepEqual(results.filter(([, ok]) => !ok).map(([i]) => i), []);
  const apps = JSON.parse((await call('GET', `${marathon.url}/v2/apps`)).body).apps as { id: string }[];
  assert.equal(apps.filter((a) => a.id.startsWith('/many/ok')).length, 50);
  assert.equal(apps.filter((a) => a.id.startsWith('/many/bad')).length, 0);
});

test('own endpoints: healthz, metrics in Prometheus text, unknown /_gate/ paths', async () => {
  const h = await call('GET', `${gate.url}/_gate/healthz`);
  assert.equal(h.status, 200);
  assert.equal(JSON.parse(h.body).status, 'ok');
  const m = await call('GET', `${gate.url}/_gate/metrics`);
  assert.match(String(m.headers['content-type']), /^text\/plain/);
  for (const family of ['marathon_gate_requests_total', 'marathon_gate_admission_duration_seconds_bucket', 'marathon_gate_denials_total', 'marathon_gate_cluster_state_age_seconds']) {
    assert.ok(m.body.includes(family), family);
  }
  assert.equal((await call('GET', `${gate.url}/_gate/nope`)).status, 404);
});
