// A request target sent with raw bytes outside ASCII (`GET /v2/apps/é` as UTF-8 bytes, not `%C3%A9`): Marathon's Jetty
// reads it as UTF-8 (a 400 when it is not UTF-8), Node's parser refuses it before the gate sees it. The client gets a
// 400 in Marathon's error shape that names the problem and the percent-encoded target to send instead, after the
// answers to requests pipelined before it; nothing reaches Marathon. Raw socket clients against an in-process gate in
// front of the stand-in Marathon: HTTP clients would percent-encode these targets themselves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { gateInFrontOfStandin } from './harness';

const lab = gateInFrontOfStandin();

/** Writes `bytes` on one connection and resolves with every answer on it, until the gate closes it. */
function rawExchange(bytes: Buffer): Promise<{ status: number; headers: string; body: string }[]> {
  const { hostname, port } = new URL(lab.gate.url);
  return new Promise((resolve, reject) => {
    const s = connect(Number(port), hostname, () => s.write(bytes));
    const chunks: Buffer[] = [];
    s.on('data', (c: Buffer) => chunks.push(c));
    s.on('error', reject);
    s.setTimeout(10_000, () => s.destroy(new Error('no answer within 10 s')));
    s.on('close', () => {
      // Each answer from its status line on (a chunked body is left framed: only the gate's own answers are read).
      const answers = Buffer.concat(chunks).toString('utf8').split(/(?=^HTTP\/1\.1 \d{3} )/m).filter(Boolean).map((a) => {
        const end = a.indexOf('\r\n\r\n');
        return { status: Number(a.split(' ')[1]), headers: a.slice(0, end), body: a.slice(end + 4) };
      });
      resolve(answers);
    });
  });
}

const request = (target: Buffer | string, method = 'GET') => Buffer.concat([Buffer.from(`${method} `), Buffer.from(target), Buffer.from(' HTTP/1.1\r\nHost: marathon\r\nConnection: close\r\n\r\n')]);

test('a raw UTF-8 target: 400 in Marathon\'s shape naming the problem and the percent-encoded target; nothing forwarded', async () => {
  const before = lab.marathon.requests.length;
  const [a, ...rest] = await rawExchange(request(Buffer.from('/v2/apps/é?embed=app.counts', 'utf8')));
  assert.equal(rest.length, 0);
  assert.equal(a.status, 400, a.body);
  assert.match(a.headers, /\r\ncontent-type: application\/json/i);
  const { message } = JSON.parse(a.body) as { message: string };
  assert.match(message, /^Bad Request: the request target \/v2\/apps\/é\?embed=app\.counts holds characters outside ASCII sent as raw bytes/);
  assert.match(message, /Send \/v2\/apps\/%C3%A9\?embed=app\.counts/);
  assert.deepEqual(lab.marathon.requests.slice(before).filter((r) => r.path.startsWith('/v2/apps')), []);
});

test('the target the answer names reaches Marathon as the same path', async () => {
  const before = lab.marathon.requests.length;
  const [a] = await rawExchange(request('/v2/apps/%C3%A9'));
  assert.equal(a.status, 404, a.body);
  assert.deepEqual(lab.marathon.requests.slice(before).map((r) => decodeURIComponent(r.path)), ['/v2/apps/é']);
});

test('raw bytes that are not UTF-8 (Latin-1 é): a 400 that says so, as Marathon\'s own 400 for them', async () => {
  const [a] = await rawExchange(request(Buffer.from('/v2/apps/\xe9', 'latin1')));
  assert.equal(a.status, 400);
  assert.match((JSON.parse(a.body) as { message: string }).message, /bytes outside ASCII that are not UTF-8 \(0xE9\)/);
});

test('a raw target pipelined behind another request: that one is answered first, then the 400', async () => {
  const first = Buffer.from('GET /v2/info HTTP/1.1\r\nHost: marathon\r\n\r\n');
  const answers = await rawExchange(Buffer.concat([first, request(Buffer.from('/v2/apps/é', 'utf8'))]));
  assert.deepEqual(answers.map((a) => a.status), [200, 400]);
});

test('other requests Node cannot parse keep Node\'s answers: 431 for headers past its limit, 400 for a malformed request line', async () => {
  const [big] = await rawExchange(Buffer.from(`GET /v2/info HTTP/1.1\r\nHost: marathon\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`));
  assert.equal(big.status, 431);
  const [bad] = await rawExchange(Buffer.from('GET\r\n\r\n'));
  assert.equal(bad.status, 400);
  assert.equal(bad.body, '');
});

test('a malformed request pipelined behind another: that one is answered first, then Node\'s 400', async () => {
  const first = Buffer.from('GET /v2/info HTTP/1.1\r\nHost: marathon\r\n\r\n');
  const answers = await rawExchange(Buffer.concat([first, Buffer.from('GET\r\n\r\n')]));
  assert.deepEqual(answers.map((a) => a.status), [200, 400]);
});
