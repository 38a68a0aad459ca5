// A gate in front of an HTTPS Marathon (docs/gate.md "TLS"): Marathon's certificate is checked against the host
// of --marathon, whatever Host the client sent. Clients reach the gate by its own name (a load balancer's), so a
// check against the client's Host header would fail every proxied request. Real TLS: a throwaway CA (openssl) and
// a TLS front that relays to the stand-in Marathon's port.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type AddressInfo } from 'node:net';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { defaultProfile } from '@marathon-devtools/language-server';
import { makeTestPki, type TestPki } from '../../agent-bridge/test/server/certs';
import { rootGroupReader } from '../../gate/src/cli/rootGroupReader';
import { startGate, type RunningGate } from '../../gate/src/gate';
import { startStandinMarathon, type StandinMarathon } from '../standins/marathon/standin';
import { startIdleConnector } from '../standins/marathon/idleConnector';
import { call, gateDenial } from './harness';

let pki: TestPki;
let marathon: StandinMarathon;
let front: TlsServer;
const gates: RunningGate[] = [];

before(async () => {
  pki = makeTestPki();
  marathon = await startStandinMarathon();
  front = createTlsServer({ cert: pki.serverCert, key: pki.serverKey }, (tls) => {
    const plain = connect(marathon.port, '127.0.0.1');
    tls.pipe(plain).pipe(tls);
    tls.on('error', () => plain.destroy());
    plain.on('error', () => tls.destroy());
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
});
after(async () => {
  for (const g of gates) await g.close();
  front?.close();
  await marathon?.close();
});

async function gateTo(host: string, port = (front.address() as AddressInfo).port): Promise<RunningGate> {
  const url = new URL(`https://${host}:${port}`);
  const ca = pki.ca.toString();
  const gate = await startGate({ marathon: url, mode: 'deny', fail: 'closed', profile: defaultProfile, marathonCa: ca, readRootGroup: rootGroupReader(url, { ca }, 2_000), clusterState: { refreshMs: 60_000, maxAgeMs: 60_000, waitMs: 2_000 } }, '127.0.0.1', 0);
  gates.push(gate);
  return gate;
}

for (const host of ['localhost', '127.0.0.1']) {
  test(`--marathon https://${host}:…: proxied and judged requests reach Marathon whatever Host the client used`, async () => {
    const gate = await gateTo(host);
    const ping = await call('GET', `${gate.url}/ping`, undefined, { Host: 'marathon-gate.example.com' });
    assert.deepEqual([ping.status, ping.body], [200, 'pong'], ping.body);
    const app = JSON.stringify({ id: `/tls/${host.replace(/\W/g, '-')}`, cmd: 'sleep 1000', cpus: 0.1, mem: 32 });
    const created = await call('POST', `${gate.url}/v2/apps`, app, { Host: 'marathon-gate.example.com' });
    assert.equal(created.status, 201, created.body);
    const bad = await call('POST', `${gate.url}/v2/apps`, JSON.stringify({ id: '/tls/bad', cmd: 'x', container: { type: 'MESOS', volumes: [{ containerPath: 'd', mode: 'RW', external: { size: 1 } }] } }), { Host: 'marathon-gate.example.com' });
    assert.ok(gateDenial(bad), `${bad.status} ${bad.body}`);
  });
}

test('a request an HTTPS Marathon\'s idle close reset on a kept connection is resent over a new TLS connection, checked as the first', async () => {
  const idle = await startIdleConnector((front.address() as AddressInfo).port, 300, 'reset');
  try {
    const gate = await gateTo('localhost', Number(new URL(idle.url).port));
    assert.equal((await call('GET', `${gate.url}/ping`, undefined, { Host: 'marathon-gate.example.com' })).status, 200);
    await new Promise((r) => setTimeout(r, 500));
    const ping = await call('GET', `${gate.url}/ping`, undefined, { Host: 'marathon-gate.example.com' });
    assert.deepEqual([ping.status, ping.body], [200, 'pong'], ping.body);
    assert.ok(idle.resets() >= 1);
  } finally {
    await idle.close();
  }
});
