// What a client gets when the gate cannot get an answer from what --marathon names: Marathon's error shape (502)
// saying what happened in words and what to check, for the ways an operator meets it (nothing listening, a port
// that answers something other than HTTP, an HTTPS port given as http://, a connection cut before any answer).
// Real loopback HTTP through in-process gates; what they front are raw TCP servers misbehaving as said, and a
// real TLS server (a throwaway certificate). Not a Marathon stand-in: none of them speaks Marathon's API.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { createServer as createTlsServer } from 'node:https';
import { makeTestPki } from '../../agent-bridge/test/server/certs';
import type { RunningGate } from '../../gate/src/gate';
import { call, gateInFrontOf } from './harness';

const servers: { close(): void }[] = [];
const gates: RunningGate[] = [];

function listen(server: Server | ReturnType<typeof createTlsServer>): Promise<number> {
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

/** A gate (fail open, so a write is forwarded whatever the cluster state) in front of `http://127.0.0.1:port`. */
async function gateAt(port: number, scheme = 'http'): Promise<string> {
  const g = await gateInFrontOf(`${scheme}://127.0.0.1:${port}`, { fail: 'open', clusterState: { refreshMs: 60_000, maxAgeMs: 60_000, waitMs: 300 } });
  gates.push(g);
  return g.url;
}

const ports: Record<string, number> = {};
before(async () => {
  ports.garbage = await listen(createServer((s) => s.once('data', () => s.end('SSH-2.0-OpenSSH_9.2\r\n'))));
  ports.cut = await listen(createServer((s) => s.once('data', () => s.destroy())));
  const refused = createServer();
  ports.refused = await listen(refused);
  refused.close();
  const pki = makeTestPki();
  ports.https = await listen(createTlsServer({ cert: pki.serverCert, key: pki.serverKey }, (_q, r) => r.end('{}')));
});
after(async () => {
  for (const g of gates) await g.close();
  for (const s of servers) s.close();
});

async function failure(port: number, method = 'GET', path = '/v2/apps'): Promise<string> {
  const a = await call(method, `${await gateAt(port)}${path}`, method === 'GET' ? undefined : JSON.stringify({ id: '/up/web', cmd: 'sleep 1' }));
  assert.equal(a.status, 502, a.body);
  const body = JSON.parse(a.body) as Record<string, unknown>;
  assert.deepEqual(Object.keys(body), ['message']);
  return String(body.message);
}

test('nothing listens at --marathon: the 502 says the connection was refused and asks whether Marathon runs there', async () => {
  assert.match(await failure(ports.refused), /^marathon-gate could not reach Marathon at http:\/\/127\.0\.0\.1:\d+: connection refused \(is Marathon running at this host and port\?\)/);
});

test('something other than HTTP answers at --marathon: the 502 says so and names the flag to check, not only a parser code', async () => {
  const m = await failure(ports.garbage);
  assert.match(m, /what answers there is not HTTP \(HPE_[A-Z_]+\)/);
  assert.match(m, /--marathon/);
});

test('an HTTPS port given as http://: the 502 says the connection closed before any answer and to give https://', async () => {
  const m = await failure(ports.https);
  assert.match(m, /the connection closed before any answer/);
  assert.match(m, /if this port serves HTTPS, give --marathon https:\/\//);
});

test('a connection cut before any answer, for a proxied GET and a judged write alike: the same words', async () => {
  assert.match(await failure(ports.cut), /the connection closed before any answer/);
  assert.match(await failure(ports.cut, 'POST'), /the connection closed before any answer/);
});
