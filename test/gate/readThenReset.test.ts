// A write Marathon read and acted on, whose kept connection is then reset before any byte of the answer reaches the
// gate, must not be sent again: it would be deployed twice (a second app, or a 409 the client takes for its own create;
// a PUT's second deployment). An RST does not mean "unread": Linux sends one on close with unread data, but also on
// an abortive close after a full read (SO_LINGER 0: a proxy or balancer in front) and from a host that lost the
// connection (rebooted, its address moved) answering the gate's next segment. Real loopback HTTP through an in-process
// gate; behind it the stand-in Marathon, fronted by a stand-in that resets after Marathon read the request
// (test/standins/marathon/abortingFront.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startAbortingFront, type AbortingFront } from '../standins/marathon/abortingFront';
import { defaultProfile } from '@marathon-devtools/language-server';
import { makeTestPki } from '../../agent-bridge/test/server/certs';
import { rootGroupReader } from '../../gate/src/cli/rootGroupReader';
import { startGate } from '../../gate/src/gate';
import { call, gateInFrontOf, standinBehindFronts } from './harness';

const behind = standinBehindFronts<AbortingFront>();
const { fronts, gates } = behind;

async function lab(marker: string, how: 'reset' | 'fin' = 'reset', kept = true): Promise<{ gate: string; front: AbortingFront }> {
  const front = await startAbortingFront(behind.marathon.port, marker, how);
  fronts.push(front);
  const g = await gateInFrontOf(front.url, { fail: 'open', clusterState: { refreshMs: 60_000, maxAgeMs: 60_000, waitMs: 300 } });
  gates.push(g);
  // A first request leaves the gate a kept connection, which the write then goes out on.
  if (kept) assert.equal((await call('GET', `${g.url}/v2/info`)).status, 200);
  return { gate: g.url, front };
}

const app = (id: string, extra: Record<string, unknown> = {}) => JSON.stringify({ id, cmd: 'sleep 100', cpus: 0.1, mem: 32, ...extra });
const received = (method: string, marker: string) => behind.marathon.requests.filter((r) => r.method === method && r.body.includes(marker)).length;

function assertMayHaveReceived(a: { status: number; body: string }): void {
  assert.equal(a.status, 502, a.body);
  assert.match((JSON.parse(a.body) as { message: string }).message, /may have received/);
}

for (const how of ['reset', 'fin'] as const) {
  test(`a POST /v2/apps Marathon read, its kept connection then ${how === 'reset' ? 'reset (RST)' : 'ended (FIN)'} before the answer: not sent again; the client is told Marathon may have it`, async () => {
    const marker = `/read-${how}/web`;
    const { gate, front } = await lab(marker, how);
    const a = await call('POST', `${gate}/v2/apps`, app(marker));
    assert.equal(front.aborted(), 1, 'the front reset the connection after Marathon read the request');
    assert.equal(received('POST', marker), 1, 'Marathon got the write once');
    assertMayHaveReceived(a);
  });
}

test('a PUT /v2/apps/{id} Marathon read, its kept connection then reset before the answer: not sent again (no second deployment)', async () => {
  const marker = 'read-reset-put-marker';
  const { gate, front } = await lab(marker);
  const a = await call('PUT', `${gate}/v2/apps/read-reset/put`, app('/read-reset/put', { env: { MARK: marker } }));
  assert.equal(front.aborted(), 1);
  assert.equal(received('PUT', marker), 1, 'Marathon got the write once');
  assertMayHaveReceived(a);
});

test('a GET Marathon read, its kept connection then reset before the answer: sent again (a read is safe to send twice)', async () => {
  const { gate, front } = await lab('GET /v2/apps?read-reset');
  const a = await call('GET', `${gate}/v2/apps?read-reset`);
  assert.equal(front.aborted(), 1);
  assert.equal(a.status, 200, a.body);
});

test('a POST /v2/apps Marathon read on a new connection, reset before the answer: the 502 says Marathon may have received it, not only to check the scheme', async () => {
  const marker = '/read-reset-new/web';
  const { gate, front } = await lab(marker, 'reset', false);
  const a = await call('POST', `${gate}/v2/apps`, app(marker));
  assert.equal(front.aborted(), 1);
  assert.equal(received('POST', marker), 1);
  assertMayHaveReceived(a);
});

test('over HTTPS too: a POST /v2/apps Marathon read, its kept TLS connection then reset before the answer, is not sent again', async () => {
  const pki = makeTestPki();
  const marker = '/read-reset-tls/web';
  const front = await startAbortingFront(behind.marathon.port, marker, 'reset', { cert: pki.serverCert.toString(), key: pki.serverKey.toString() });
  fronts.push(front);
  const url = new URL(front.url.replace('127.0.0.1', 'localhost'));
  const ca = pki.ca.toString();
  const g = await startGate({ marathon: url, mode: 'deny', fail: 'open', profile: defaultProfile, marathonCa: ca, readRootGroup: rootGroupReader(url, { ca }, 2_000), clusterState: { refreshMs: 60_000, maxAgeMs: 60_000, waitMs: 300 } }, '127.0.0.1', 0);
  gates.push(g);
  assert.equal((await call('GET', `${g.url}/v2/info`)).status, 200);
  const a = await call('POST', `${g.url}/v2/apps`, app(marker));
  assert.equal(front.aborted(), 1);
  assert.equal(received('POST', marker), 1, 'Marathon got the write once');
  assertMayHaveReceived(a);
});
