// The gate judges the request target that it forwards. http-proxy-3 forwards the path WHATWG URL parsing gives
// (dot segments resolved, an absolute-form target reduced to its path), so `POST /v2/./apps` reaches Marathon
// as `POST /v2/apps` and must be judged as one; so must `POST /v2/apps;x=1`, which Jersey matches as `/v2/apps`. Raw requests over a socket: clients would tidy these targets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { gateInFrontOfStandin } from './harness';

const lab = gateInFrontOfStandin();

/** One raw HTTP/1.1 request with this exact target; resolves with the status line and body. */
function raw(method: string, target: string, body: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(lab.gate.url);
  return new Promise((resolve, reject) => {
    const s = connect(Number(port), hostname, () => {
      s.write(`${method} ${target} HTTP/1.1\r\nHost: marathon\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    });
    let text = '';
    s.setEncoding('utf8');
    s.on('data', (c: string) => (text += c));
    s.on('error', reject);
    s.on('close', () => resolve({ status: Number(text.split(' ')[1]), body: text.slice(text.indexOf('\r\n\r\n') + 4) }));
    s.setTimeout(10_000, () => s.destroy(new Error('no answer within 10 s')));
  });
}

const noName = JSON.stringify({ id: '/target/db', cmd: 'sleep 1000', container: { type: 'MESOS', volumes: [{ containerPath: 'var', external: { size: 10 }, mode: 'RW' }] } });
// Matrix parameters: Marathon's Jersey ignores them when it matches a path, so these are POST /v2/apps as well.
// Empty segments: Admin Router's nginx merges slashes, so these are POST /v2/apps behind it; the gate forwards them merged.
const targets = ['/v2/./apps', '/v2/x/../apps', '/x/../v2/apps', '/v2/%2e/apps', 'http://marathon/v2/apps', 'HTTP://marathon:8080/v2/./apps?force=true', '/v2/apps;x=1', '/v2;a=b/apps;', '//v2/apps', '///v2/apps', '/v2//apps', '/v2/apps//'];

for (const target of targets) {
  test(`POST ${target} reaches Marathon as POST /v2/apps, so it is judged as one`, async () => {
    const before = lab.marathon.requests.length;
    const a = await raw('POST', target, noName);
    assert.equal(a.status, 422, a.body);
    assert.match(JSON.parse(a.body).details[0].errors[0], /\((external-volume-name-required|external-volume-provider-required)\)$/);
    assert.deepEqual(lab.marathon.requests.slice(before).filter((r) => r.method === 'POST').map((r) => r.path), []);
  });
}

test('a valid app sent to //v2/apps reaches Marathon at /v2/apps, the path it was judged on', async () => {
  const before = lab.marathon.requests.length;
  const a = await raw('POST', '//v2//apps', JSON.stringify({ id: '/target/ok', cmd: 'sleep 1000' }));
  assert.equal(a.status, 201, a.body);
  assert.deepEqual(lab.marathon.requests.slice(before).filter((r) => r.method === 'POST').map((r) => r.path), ['/v2/apps']);
});

test('a request target no URL can be made of is a 400 from the gate, not a 500, and nothing is forwarded', async () => {
  for (const target of ['http://[::1/v2/apps', 'http://a:99999/v2/apps']) {
    const before = lab.marathon.requests.length;
    const a = await raw('POST', target, noName);
    assert.equal(a.status, 400, `${target}: ${a.body}`);
    assert.match(JSON.parse(a.body).message, /^Bad Request/);
    assert.equal(lab.marathon.requests.length, before);
  }
});

test('the gate\'s own endpoints answer under the same reading of the target', async () => {
  const { hostname, port } = new URL(lab.gate.url);
  const status = await new Promise<string>((resolve) => {
    const s = connect(Number(port), hostname, () => s.write('GET /x/../_gate/healthz HTTP/1.1\r\nHost: g\r\nConnection: close\r\n\r\n'));
    let text = '';
    s.on('data', (c) => (text += c));
    s.on('close', () => resolve(text.split('\r\n')[0]));
  });
  assert.equal(status, 'HTTP/1.1 200 OK');
  assert.equal(lab.marathon.requests.filter((r) => r.path.includes('_gate')).length, 0);
});

test("the gate's own endpoints answer other methods 405 with Allow (RFC 9110 §15.5.6)", async () => {
  const a = await new Promise<string>((resolve) => {
    const { hostname, port } = new URL(lab.gate.url);
    const s = connect(Number(port), hostname, () => s.write('POST /_gate/healthz HTTP/1.1\r\nHost: g\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'));
    let text = '';
    s.on('data', (c) => (text += c));
    s.on('close', () => resolve(text));
  });
  assert.match(a, /^HTTP\/1\.1 405 /);
  assert.match(a, /\r\nAllow: GET, HEAD\r\n/i);
});
