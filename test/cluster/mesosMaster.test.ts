// The Mesos master client against the stand-in master over real HTTP: agents, leader redirect, 503, auth,
// timeouts, size caps, and bad answers named clearly (never a throw of anything but ClusterHttpError).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { ClusterHttpError, MesosMasterClient, checkSlaves } from '@marathon-devtools/cluster/mesos/client';
import { startMesosMaster } from '../standins/mesos-master/server';
import { agent } from '../standins/mesos-master/agents';
import { createServer as createHttpsServer } from 'node:https';
import { MarathonClient } from '@marathon-devtools/cluster/marathon/client';
import { MarathonError } from '@marathon-devtools/cluster/marathon/errors';
import { placeApp } from '@marathon-devtools/cluster/placement/candidates';
import { makeTestPki } from '../../agent-bridge/test/server/certs';

/** A plain GET as any HTTP client sends it (no redirect followed), to see the stand-in's own answer. */
async function httpGet(url: string): Promise<{ status: number; headers: Headers; body: string }> {
  const r = await fetch(url, { redirect: 'manual' });
  return { status: r.status, headers: r.headers, body: await r.text() };
}

const agents = [
  agent({ hostname: 'agent-1', attributes: { dvdi: 'true', level: 10, ports: '[33000-34000,31000-32000]' }, region: 'eu', zone: 'a' }, 1),
  agent({ hostname: 'agent-2', attributes: {}, active: false }, 2),
];

test('lists agents with attributes and domains as Mesos writes them', async (t) => {
  const m = await startMesosMaster({ agents, recovered: [agent({ hostname: 'agent-9' }, 9)], domain: { region: 'eu', zone: 'a' } });
  t.after(() => m.close());
  const raw = (await httpGet(`${m.url}/master/slaves`)).body;
  assert.match(raw, /"level":10\.0/);
  assert.match(raw, /"ports":"\[31000-32000, 33000-34000\]"/);
  const c = new MesosMasterClient({ url: m.url + '/' });
  const r = await c.getAgents();
  assert.deepEqual(r.slaves.map((a) => [a.hostname, a.active, a.domain?.fault_domain.zone.name]), [['agent-1', true, 'a'], ['agent-2', false, undefined]]);
  assert.equal(r.slaves[0].attributes.level, 10);
  assert.deepEqual(Object.keys(r.recovered_slaves[0]).sort(), ['attributes', 'hostname', 'id', 'port']);
  assert.equal(await c.getMasterRegion(), 'eu');
  const one = JSON.parse((await httpGet(`${m.url}/master/slaves?slave_id=${agents[1].id}`)).body);
  assert.deepEqual(one.slaves.map((a: { hostname: string }) => a.hostname), ['agent-2']);
  assert.equal((await httpGet(`${m.url}/master/state.json`)).status, 404);
  assert.match((await httpGet(`${m.url}/master/slaves?jsonp=cb`)).body, /^cb\(\{"slaves"/);
});

test('user:password@ in the master URL is basic auth, as for --marathon, and never shown in a message', async (t) => {
  const m = await startMesosMaster({ agents, basic: { user: 'ops', password: 's3cret-9f' } });
  t.after(() => m.close());
  const withUser = (user: string, password: string) => m.url.replace('http://', `http://${user}:${password}@`);
  assert.equal((await new MesosMasterClient({ url: withUser('ops', 's3cret-9f') }).getAgents()).slaves.length, 2);
  const wrong = await new MesosMasterClient({ url: withUser('ops', 'wr0ng-7e') }).getAgents().then(() => assert.fail('a wrong password is refused'), (e: Error) => e);
  assert.ok(wrong instanceof ClusterHttpError);
  assert.match(wrong.message, /^GET http:\/\/127\.0\.0\.1:\d+\/master\/slaves: 401 unauthorized/);
  assert.ok(!wrong.message.includes('wr0ng-7e'), wrong.message);
  // Credentials given apart (--marathon-token-file / --marathon-credentials-file) win over the URL's.
  const header = `Basic ${Buffer.from('ops:s3cret-9f').toString('base64')}`;
  assert.equal((await new MesosMasterClient({ url: withUser('ops', 'wr0ng-7e'), authorization: header }).getAgents()).slaves.length, 2);
});

test('a non-leading master redirects (307, protocol-relative) and the client follows to the leader', async (t) => {
  const leader = await startMesosMaster({ agents });
  const follower = await startMesosMaster({ leader: new URL(leader.url).host });
  t.after(() => Promise.all([leader.close(), follower.close()]));
  const first = await httpGet(`${follower.url}/master/slaves`);
  assert.equal(first.status, 307);
  assert.equal(first.headers.get('location'), `//${new URL(leader.url).host}/master/slaves`);
  const c = new MesosMasterClient({ url: follower.url });
  assert.equal((await c.getAgents()).slaves.length, 2);
  await c.getMasterRegion();
  assert.deepEqual(follower.requests, ['/master/slaves', '/master/slaves'], 'later calls go straight to the leader');
});

test('redirect loops, no leader, auth and 404 are clear errors', async (t) => {
  const loop = await startMesosMaster({ leader: 'placeholder' });
  t.after(() => loop.close());
  const loopHost = new URL(loop.url).host;
  const loop2 = await startMesosMaster({ leader: loopHost });
  t.after(() => loop2.close());
  await assert.rejects(new MesosMasterClient({ url: loop2.url }).getAgents(), /redirected|ECONNREFUSED|unknown host|placeholder/);
  const none = await startMesosMaster({ noLeader: true });
  t.after(() => none.close());
  await assert.rejects(new MesosMasterClient({ url: none.url }).getAgents(), /503 No leader elected: the Mesos masters have no leader/);
  const basic = await startMesosMaster({ agents, basic: { user: 'ops', password: 's3cret' } });
  t.after(() => basic.close());
  await assert.rejects(new MesosMasterClient({ url: basic.url }).getAgents(), /401 unauthorized \(Basic realm="mesos-master-readonly"\)/);
  const ok = await new MesosMasterClient({ url: basic.url, authorization: `Basic ${Buffer.from('ops:s3cret').toString('base64')}` }).getAgents();
  assert.equal(ok.slaves.length, 2);
  const dcos = await startMesosMaster({ agents, dcosToken: 'tkn' });
  t.after(() => dcos.close());
  await assert.rejects(new MesosMasterClient({ url: dcos.url }).getAgents(), /oauthjwt/);
  assert.equal((await new MesosMasterClient({ url: dcos.url, authorization: 'token=tkn' }).getAgents()).slaves.length, 2);
  await assert.rejects(new MesosMasterClient({ url: `${loop.url.replace(loopHost, new URL(basic.url).host)}/nowhere`, authorization: `Basic ${Buffer.from('ops:s3cret').toString('base64')}` }).getAgents(), /404: no Mesos master endpoint there/);
});

test('timeouts, size caps, refused connections and non-JSON answers', async (t) => {
  const slow = await startMesosMaster({ agents, delayMs: 3000 });
  t.after(() => slow.close());
  await assert.rejects(new MesosMasterClient({ url: slow.url, timeoutMs: 200 }).getAgents(), /no complete answer within 0.2 s/);
  const m = await startMesosMaster({ agents });
  t.after(() => m.close());
  await assert.rejects(new MesosMasterClient({ url: m.url, maxBytes: 100 }).getAgents(), /larger than/);
  const html = createServer((_q, s) => s.end('<html>Mesos UI</html>'));
  await new Promise<void>((r) => html.listen(0, '127.0.0.1', r));
  t.after(() => html.close());
  const hurl = `http://127.0.0.1:${(html.address() as AddressInfo).port}`;
  await assert.rejects(new MesosMasterClient({ url: hurl }).getAgents(), /is not JSON \(starts with "<html>Mesos UI<\/html>"\)/);
  await m.close();
  await assert.rejects(new MesosMasterClient({ url: m.url }).getAgents(), /connection refused/);
  await assert.rejects(new MesosMasterClient({ url: 'ftp://x' }).getAgents(), /not an http/);
});

test('any JSON answer either checks out or is one ClusterHttpError naming the field', () => {
  fc.assert(
    fc.property(fc.oneof(fc.jsonValue(), fc.record({ slaves: fc.array(fc.jsonValue()) }), fc.record({ slaves: fc.array(fc.record({ id: fc.string(), hostname: fc.string(), attributes: fc.dictionary(fc.string(), fc.jsonValue()) })) }), fc.record({ slaves: fc.array(fc.record({ id: fc.string(), hostname: fc.constant('a1'), attributes: fc.constant({}), resources: fc.jsonValue(), unreserved_resources: fc.jsonValue(), reserved_resources: fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom('ops', 'x'), fc.jsonValue())) })) })), (body) => {
      try {
        const r = checkSlaves(body, 'http://m/master/slaves');
        for (const a of r.slaves) assert.equal(typeof a.hostname, 'string');
        // What checks out, placement reads without a throw (roles and GPUs read the resource summaries).
        placeApp({ role: 'ops', gpus: 1 }, r.slaves, { marathonFeatures: ['gpu_resources'] });
        placeApp({ role: 'ops' }, r.slaves, { marathonFeatures: [] });
      } catch (e) {
        assert.ok(e instanceof ClusterHttpError, String(e));
        assert.match(e.message, /^GET http:\/\/m\/master\/slaves: /);
      }
    }),
    { numRuns: 500 },
  );
});

test('a redirect whose Location is no URL is a ClusterHttpError naming the request and the Location, not "Invalid URL"', async (t) => {
  // Something in front of the master (or a broken master) answers 307 with a Location that does not parse.
  const bad = createServer((_q, s) => s.writeHead(307, { Location: 'http://[::1', 'Content-Length': 0 }).end());
  await new Promise<void>((r) => bad.listen(0, '127.0.0.1', r));
  t.after(() => bad.close());
  const url = `http://127.0.0.1:${(bad.address() as AddressInfo).port}`;
  for (const call of [(c: MesosMasterClient) => c.getAgents(), (c: MesosMasterClient) => c.getMasterRegion()]) {
    const e = await call(new MesosMasterClient({ url })).then(() => assert.fail('a redirect to nowhere is refused'), (err: Error) => err);
    assert.ok(e instanceof ClusterHttpError, `${e.name}: ${e.message}`);
    assert.match(e.message, /^GET http:\/\/127\.0\.0\.1:\d+\/master\/(slaves|state): 307 redirect to "http:\/\/\[::1", which is not a URL; give the leading master's URL with --mesos$/);
  }
});

test('a master URL copied from the Mesos UI (#/agents, ?query) reads the master, as --marathon drops them too', async (t) => {
  const m = await startMesosMaster({ agents, domain: { region: 'eu', zone: 'a' } });
  t.after(() => m.close());
  for (const url of [`${m.url}/#/agents`, `${m.url}/?filter=x`, `${m.url}/#/`]) {
    const c = new MesosMasterClient({ url });
    assert.equal((await c.getAgents()).slaves.length, 2, url);
    assert.equal(await c.getMasterRegion(), 'eu', url);
  }
  assert.deepEqual([...new Set(m.requests)], ['/master/slaves', '/master/state']);
});

test('http:// to a port that serves HTTPS says so, for the master and for Marathon, not only "the connection closed"', async (t) => {
  const pki = makeTestPki();
  const tls = createHttpsServer({ key: pki.serverKey, cert: pki.serverCert }, (_q, s) => s.end('{}'));
  await new Promise<void>((r) => tls.listen(0, '127.0.0.1', r));
  t.after(() => tls.close());
  const url = `http://127.0.0.1:${(tls.address() as AddressInfo).port}`;
  const mesos = await new MesosMasterClient({ url }).getAgents().then(() => assert.fail('plain HTTP to TLS fails'), (e: Error) => e);
  assert.ok(mesos instanceof ClusterHttpError, String(mesos));
  assert.match(mesos.message, /^GET http:\/\/127\.0\.0\.1:\d+\/master\/slaves: .*if this port serves HTTPS, give https:\/\/ /);
  const marathon = await new MarathonClient({ url }).getInfo().then(() => assert.fail('plain HTTP to TLS fails'), (e: Error) => e);
  assert.ok(marathon instanceof MarathonError, String(marathon));
  assert.match(marathon.message, /^http:\/\/127\.0\.0\.1:\d+\/v2\/info: .*if this port serves HTTPS, give https:\/\/ /);
});

test('resource summaries placement reads that are not objects are a ClusterHttpError naming the field, never a TypeError in placement', async (t) => {
  // Something that is not a Mesos 1.10 master (mesos-master-api.md §2: summaries are objects) answers null or a number
  // where placement reads cpus, mem and gpus of the unreserved and reserved resources.
  const good = { id: 'S1', hostname: 'agent-1', attributes: {}, resources: { cpus: 4, gpus: 0, mem: 1024, disk: 0 }, unreserved_resources: { cpus: 4, gpus: 0, mem: 1024, disk: 0 }, reserved_resources: {} };
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ unreserved_resources: null }, /slaves\[0\]\.unreserved_resources is not an object/],
    [{ resources: 7 }, /slaves\[0\]\.resources is not an object/],
    [{ reserved_resources: { ops: null } }, /slaves\[0\]\.reserved_resources\.ops is not an object/],
    [{ reserved_resources: [] }, /slaves\[0\]\.reserved_resources is not an object/],
  ];
  for (const [change, message] of cases) {
    const body = JSON.stringify({ slaves: [{ ...good, ...change }], recovered_slaves: [] });
    const server = createServer((_q, s) => s.writeHead(200, { 'Content-Type': 'application/json' }).end(body));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    t.after(() => server.close());
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const got = await new MesosMasterClient({ url }).getAgents().then(
      (r) => placeApp({ role: 'ops', acceptedResourceRoles: ['*', 'ops'] }, r.slaves, { marathonFeatures: [] }),
      (e: Error) => e,
    );
    assert.ok(got instanceof ClusterHttpError, `${JSON.stringify(change)}: ${got instanceof Error ? `${got.name}: ${got.message}` : 'accepted'}`);
    assert.match(got.message, /^GET http:\/\/127\.0\.0\.1:\d+\/master\/slaves: /);
    assert.match(got.message, message);
  }
});
