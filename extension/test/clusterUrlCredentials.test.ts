// A Marathon URL with user info (`http://user:password@host`, Marathon's --http_credentials as basic auth): Test mount's
// discovery sends those credentials to the Mesos master only when the master is reached through the same origin
// (DC/OS: Admin Router serves <dcos>/service/marathon and <dcos>/mesos with one login, mesos-master-api.md §6); a
// master on another host never gets Marathon's password unless the user put it there (marathon.cluster.mesosUrl's own
// user info, or marathon.cluster.credentialsFile, which is documented as sent to both), and its 401 says so.
// Before, the credentials went to Marathon only: a DC/OS master named in mesosUrl answered 401, and the 401 of a
// separate master told the user to check the password in marathon.cluster.url, which had not been sent to it.
// Stand-in Marathon and Mesos master (marathon-api.md §2, mesos-master-api.md §6), behind a real HTTP router that
// plays Admin Router (path prefixes) and records the Authorization header each host got.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MarathonTask } from '@marathon-devtools/cluster/marathon/types';
import { fetchClusterView } from '../src/clusterView';
import { readClusterSettings } from '../src/clusterConfig';
import { startMesosMaster } from '../../test/standins/mesos-master/server';
import { agent } from '../../test/standins/mesos-master/agents';
import { startStandinMarathon } from '../../test/standins/marathon/standin';

const closers: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const c of closers) await c();
});

const USER = 'ops';
const PASSWORD = 'p@ss:w';
const basic = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
const withUser = (url: string) => url.replace('://', `://${USER}:${encodeURIComponent(PASSWORD)}@`);

/** An HTTP front routing `/service/marathon/*` to Marathon and `/mesos/*` to the master (DC/OS Admin Router's layout), recording the Authorization each got. */
async function router(routes: Record<string, string>): Promise<{ url: string; seen: { prefix: string; authorization?: string }[] }> {
  const seen: { prefix: string; authorization?: string }[] = [];
  const server = createServer((req, res) => {
    const prefix = Object.keys(routes).find((p) => req.url!.startsWith(`${p}/`));
    if (!prefix) return void res.writeHead(404).end();
    seen.push({ prefix, authorization: req.headers.authorization });
    const target = new URL(routes[prefix]);
    const headers: IncomingHttpHeaders = { ...req.headers, host: target.host };
    const up = request({ host: target.hostname, port: target.port, method: req.method, path: req.url!.slice(prefix.length), headers }, (a) => {
      res.writeHead(a.statusCode ?? 502, a.headers);
      a.pipe(res);
    });
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((r) => server.close(() => r())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

/** Marathon and the master, both asking for the same basic credentials; one bridge task. */
async function cluster() {
  const m = await startMesosMaster({ agents: [agent({ id: 'cred-S0', hostname: '10.0.0.1', attributes: {} }, 0)], basic: { user: USER, password: PASSWORD } });
  const marathon = await startStandinMarathon({ auth: { kind: 'basic', user: USER, password: PASSWORD } });
  closers.push(() => m.close(), () => marathon.close());
  const root = marathon.rootGroup();
  root.apps = [{ id: '/dvdi-bridge', instances: 1 } as (typeof root.apps)[number]];
  marathon.setRootGroup(root);
  const now = new Date().toISOString();
  marathon.setTasks({ '/dvdi-bridge': [{ id: 'dvdi-bridge.instance-0', appId: '/dvdi-bridge', host: '10.0.0.1', slaveId: 'cred-S0', state: 'TASK_RUNNING', ports: [8474], servicePorts: [], ipAddresses: [], healthCheckResults: [], localVolumes: [], stagedAt: now, startedAt: now, version: now, role: '*' } as MarathonTask] });
  return { marathonUrl: marathon.url, mesosUrl: m.url };
}

test('DC/OS: the user and password in marathon.cluster.url reach the master named in marathon.cluster.mesosUrl through the same Admin Router', async () => {
  const c = await cluster();
  const front = await router({ '/service/marathon': c.marathonUrl, '/mesos': c.mesosUrl });
  const view = await fetchClusterView({ marathonUrl: withUser(`${front.url}/service/marathon`), mesosUrl: `${front.url}/mesos`, bridgeApp: '/dvdi-bridge' }, undefined, 3000);
  assert.deepEqual(view.bridges.map((b) => b.hostname), ['10.0.0.1']);
  assert.ok(front.seen.filter((s) => s.prefix === '/mesos').every((s) => s.authorization === basic));
});

test('a master on another host never gets the password of marathon.cluster.url; its 401 says where to give the master\'s own', async () => {
  const c = await cluster();
  const marathonFront = await router({ '/m': c.marathonUrl });
  const masterFront = await router({ '/x': c.mesosUrl });
  await assert.rejects(fetchClusterView({ marathonUrl: withUser(`${marathonFront.url}/m`), mesosUrl: `${masterFront.url}/x`, bridgeApp: '/dvdi-bridge' }, undefined, 3000), (e: Error) => {
    assert.match(e.message, /\/master\/slaves: 401 unauthorized/);
    assert.doesNotMatch(e.message, /check the user and password in marathon\.cluster\.url/, 'those were not sent to the master');
    assert.match(e.message, /marathon\.cluster\.url's user and password are sent to Marathon only, not to the Mesos master at another host/);
    assert.match(e.message, /marathon\.cluster\.mesosUrl.*marathon\.cluster\.credentialsFile/);
    return true;
  });
  assert.ok(masterFront.seen.length > 0);
  assert.ok(masterFront.seen.every((s) => s.authorization === undefined), 'no Authorization reached the other host');
  assert.ok(marathonFront.seen.some((s) => s.authorization === basic));
  // The master's own user info, set for it by the user, is used.
  const view = await fetchClusterView({ marathonUrl: withUser(`${marathonFront.url}/m`), mesosUrl: withUser(`${masterFront.url}/x`), bridgeApp: '/dvdi-bridge' }, undefined, 3000);
  assert.equal(view.agents.length, 1);
});

test('the master derived from a DC/OS URL with user info is reached with it, and a 401 names marathon.cluster.url, which the user set', async () => {
  const c = await cluster();
  const front = await router({ '/service/marathon': c.marathonUrl, '/mesos': c.mesosUrl });
  const s = readClusterSettings({ url: withUser(`${front.url}/service/marathon`) })!;
  assert.equal(s.mesosUrl, `${front.url}/mesos`, 'no password copied into the derived master URL');
  assert.equal((await fetchClusterView(s, undefined, 3000)).agents.length, 1);
  const wrong = readClusterSettings({ url: `${front.url.replace('://', '://ops:wrong@')}/service/marathon` })!;
  await assert.rejects(fetchClusterView(wrong, undefined, 3000), /401 unauthorized.*check the user and password in marathon\.cluster\.url/);
});
