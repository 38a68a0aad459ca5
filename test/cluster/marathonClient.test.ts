// The Marathon client against the stand-in Marathon over real HTTP: every endpoint it reads, auth, and each
// failure the CLI must report as one line naming the URL and the cause (issue 13 item 5).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MarathonClient, MarathonError, MarathonSetupError, readAccessFiles, readCaFile, readCredentialsFile, readTokenFile } from '../../cluster/src/marathon/index';
import { exampleJson, infoFor, startStandinMarathon, type StandinMarathon } from '../standins/marathon/standin';
import type { GroupInfo } from '@marathon-devtools/cluster/marathon/types';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.secret-token-value';

async function failure(p: Promise<unknown>): Promise<MarathonError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof MarathonError, `expected a MarathonError, got ${String(err)}`);
    assert.ok(!err.message.includes('\n'), `one line: ${err.message}`);
    assert.ok(!err.message.includes(TOKEN), 'the token never appears in an error');
    return err;
  }
  assert.fail('expected the request to fail');
}

describe('Marathon client against the stand-in', () => {
  let m: StandinMarathon;
  const group = exampleJson<GroupInfo>('group.json');
  before(async () => {
    m = await startStandinMarathon({ rootGroup: { ...group, pods: [], dependencies: [] } as GroupInfo });
  });
  after(() => m.close());

  it('reads /v2/info, the root group with exactly the three embeds, an app and its tasks', async () => {
    const c = new MarathonClient({ url: m.url });
    const info = await c.getInfo();
    assert.equal(info.version, '1.10.26');
    assert.equal(info.marathon_config.new_group_enforce_role, 'Off');
    const root = await c.getRootGroup();
    const last = m.requests.at(-1)!;
    assert.equal(last.path, '/v2/groups');
    assert.deepEqual(new URLSearchParams(last.query).getAll('embed'), ['group.groups', 'group.apps', 'group.pods']);
    assert.equal(root.groups[0].id, '/tools');
    assert.ok(root.groups[0].apps.some((a) => a.id === '/tools/oauth-server'));
    assert.deepEqual(root.pods, []);
    assert.equal(c.leader, m.url, 'X-Marathon-Leader remembered');
    const app = await c.getApp('/tools/oauth-server');
    assert.equal(app?.id, '/tools/oauth-server');
    assert.equal(await c.getApp('/nope'), undefined);
    m.setTasks({ '/tools/oauth-server': exampleJson<{ tasks: never[] }>('app_tasks.json').tasks });
    const tasks = await c.getAppTasks('tools/oauth-server');
    assert.equal(tasks?.[0].host, 'srv7.hw.ca1.mesosphere.com');
    assert.equal(await c.getAppTasks('/nope'), undefined);
    await c.close();
  });

  it('works under an Admin Router prefix (base URL with a path)', async () => {
    const c = new MarathonClient({ url: `${m.url}/` });
    assert.equal(c.transport.urlFor('v2/info').toString(), `${m.url}/v2/info`);
    const prefixed = new MarathonClient({ url: 'https://dcos.example/service/marathon' });
    assert.equal(prefixed.transport.urlFor('v2/groups', { embed: ['a', 'b'] }).toString(), 'https://dcos.example/service/marathon/v2/groups?embed=a&embed=b');
    await Promise.all([c.close(), prefixed.close()]);
  });

  it('writes: PUT app, POST app conflict (409 body), PUT group dry run', async () => {
    const c = new MarathonClient({ url: m.url });
    const r = await c.putApp('/db/pg', { cmd: 'sleep 1', instances: 1 });
    assert.match(r.deploymentId, /^[0-9a-f-]{36}$/);
    assert.equal(m.requests.at(-1)!.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(m.requests.at(-1)!.body), { cmd: 'sleep 1', instances: 1 });
    const conflict = await failure(c.postApp({ id: '/db/pg', cmd: 'x' }));
    assert.equal(conflict.status, 409);
    assert.deepEqual(conflict.body, { message: 'An app with id [/db/pg] already exists.' });
    assert.match(conflict.message, /HTTP 409: An app with id \[\/db\/pg\] already exists\./);
    const steps = (await c.putGroup('/db', { apps: [{ id: 'pg', cmd: 'y' }] }, { dryRun: true })) as { steps: unknown[] };
    assert.deepEqual(steps, { steps: [{ actions: [{ action: 'RestartApplication', app: '/db/pg' }] }] });
    await c.close();
  });
});

describe('auth', () => {
  let m: StandinMarathon;
  before(async () => (m = await startStandinMarathon({ auth: { kind: 'token', token: TOKEN } })));
  after(() => m.close());

  it('sends Authorization: token=<t> from a token file; without it, 401 names the scheme', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marathon-auth-'));
    writeFileSync(join(dir, 'token'), `${TOKEN}\n`);
    const ok = new MarathonClient({ url: m.url, auth: readTokenFile(join(dir, 'token')) });
    assert.equal((await ok.getInfo()).name, 'marathon');
    const anon = new MarathonClient({ url: m.url });
    const e = await failure(anon.getInfo());
    assert.equal(e.kind, 'unauthorized');
    assert.equal(e.message, `${m.url}/v2/info: HTTP 401 unauthorized (oauthjwt): check --marathon-token-file or --marathon-credentials-file`);
    const wrong = new MarathonClient({ url: m.url, auth: { kind: 'token', token: `${TOKEN}x` } });
    assert.equal((await failure(wrong.getRootGroup())).kind, 'unauthorized');
    await Promise.all([ok.close(), anon.close(), wrong.close()]);
  });

  it('basic credentials from a user:password file, or from the URL', async () => {
    m.setAuth({ kind: 'basic', user: 'ops', password: 'p:a:ss' });
    const dir = mkdtempSync(join(tmpdir(), 'marathon-auth-'));
    writeFileSync(join(dir, 'creds'), 'ops:p:a:ss\n');
    const c = new MarathonClient({ url: m.url, auth: readCredentialsFile(join(dir, 'creds')) });
    assert.equal((await c.getInfo()).name, 'marathon');
    const inUrl = new MarathonClient({ url: m.url.replace('http://', 'http://ops:p%3Aa%3Ass@') });
    assert.equal((await inUrl.getInfo()).name, 'marathon');
    const bad = new MarathonClient({ url: m.url.replace('http://', 'http://ops:nope@') });
    const e = await failure(bad.getInfo());
    assert.ok(!e.message.includes('nope') && !e.message.includes('ops@'), 'user info is not shown');
    assert.match(e.message, /HTTP 401 unauthorized \(basic\)/);
    m.setAuth({ kind: 'forbidden' });
    const f = await failure(c.getInfo());
    assert.equal(f.kind, 'forbidden');
    assert.match(f.message, /HTTP 403 forbidden: Not Authorized to perform this action!/);
    m.setAuth({ kind: 'none' });
    await Promise.all([c.close(), inUrl.close(), bad.close()]);
  });

  it('bad secret files are one-line setup errors naming the file, never its content', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marathon-auth-'));
    writeFileSync(join(dir, 'empty'), '\n');
    writeFileSync(join(dir, 'nocolon'), 'justauser\n');
    writeFileSync(join(dir, 'ca'), 'not a cert');
    assert.throws(() => readTokenFile(join(dir, 'missing')), (e: Error) => e instanceof MarathonSetupError && e.message === `${join(dir, 'missing')}: cannot read the token file (ENOENT)`);
    assert.throws(() => readTokenFile(join(dir, 'empty')), /the token file is empty/);
    for (const pasted of ['token=eyJhbGciOi', 'Bearer eyJhbGciOi']) {
      writeFileSync(join(dir, 'pasted'), `${pasted}\n`);
      assert.throws(() => readTokenFile(join(dir, 'pasted')), (e: Error) => /starts with "(token=|Bearer)": write the token alone/.test(e.message) && !e.message.includes('eyJ'));
    }
    assert.throws(() => readCredentialsFile(join(dir, 'nocolon')), (e: Error) => /one line user:password/.test(e.message) && !e.message.includes('justauser'));
    assert.throws(() => readCaFile(join(dir, 'ca')), /holds no PEM certificate/);
    writeFileSync(join(dir, 'cut-ca'), '-----BEGIN CERTIFICATE-----\nMIIBkTCB+wIJAKHBfpegPjMCMA0GCSqGSIb3DQEBBQUAMBQxEjAQBgNVBAMMCWxv\n-----END CERTIFICATE-----\n');
    assert.throws(() => readCaFile(join(dir, 'cut-ca')), (e: Error) => e.message === `${join(dir, 'cut-ca')}: certificate 1 of the CA file is not a readable PEM certificate (cut short or altered?)`);
  });

  it('the access flags are read in one place: the failing file\'s flag is named, a direct token wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marathon-access-'));
    writeFileSync(join(dir, 'token'), 'tkn-secret\n');
    writeFileSync(join(dir, 'creds'), 'ops:pw\n');
    writeFileSync(join(dir, 'ca'), 'not a cert');
    assert.deepEqual(readAccessFiles({ tokenFile: join(dir, 'token') }), { auth: { kind: 'token', token: 'tkn-secret' } });
    assert.deepEqual(readAccessFiles({ credentialsFile: join(dir, 'creds') }), { auth: { kind: 'basic', user: 'ops', password: 'pw' } });
    assert.deepEqual(readAccessFiles({ token: 'direct', tokenFile: join(dir, 'missing') }), { auth: { kind: 'token', token: 'direct' } });
    assert.deepEqual(readAccessFiles({}), {});
    const failure = (files: Parameters<typeof readAccessFiles>[0]) => {
      try {
        readAccessFiles(files);
      } catch (e) {
        assert.ok(e instanceof MarathonSetupError);
        return `${e.flag} ${e.message}`;
      }
      return 'no error';
    };
    const direct = failure({ token: 'eyJhbGciOi\u20acsecret' });
    assert.equal(direct, 'undefined the cluster token (from "Marathon: Connect to Cluster" or MARATHON_CLUSTER_TOKEN) holds a character an HTTP header cannot carry (a control or non-Latin-1 character) at position 11: give it again as the one line `dcos config show core.dcos_acs_token` prints');
    assert.match(failure({ token: 'abc\ndef' }), /holds a line break at position 4:/);
    writeFileSync(join(dir, 'nonlatin'), 'tkn\u2028x\n');
    assert.equal(failure({ tokenFile: join(dir, 'nonlatin') }), `--marathon-token-file ${join(dir, 'nonlatin')}: the token file holds a character an HTTP header cannot carry (a control or non-Latin-1 character) at position 4`);
    assert.equal(failure({ tokenFile: join(dir, 'missing') }), `--marathon-token-file ${join(dir, 'missing')}: cannot read the token file (ENOENT)`);
    assert.equal(failure({ credentialsFile: join(dir, 'token') }), `--marathon-credentials-file ${join(dir, 'token')}: the credentials file must hold one line user:password`);
    assert.equal(failure({ tokenFile: join(dir, 'token'), caFile: join(dir, 'ca') }), `--marathon-ca ${join(dir, 'ca')}: the CA file holds no PEM certificate`);
  });
});

describe('failures: one line naming the URL and the cause', () => {
  let m: StandinMarathon;
  before(async () => (m = await startStandinMarathon()));
  after(() => m.close());

  it('connection refused', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const c = new MarathonClient({ url: `http://127.0.0.1:${port}` });
    const e = await failure(c.getInfo());
    assert.equal(e.kind, 'refused');
    assert.equal(e.message, `http://127.0.0.1:${port}/v2/info: connection refused (is Marathon running at this host and port?)`);
    await c.close();
  });

  it('a base URL naming a path of Marathon\'s API (/v2/apps copied from curl) is a setup error, not HTTP 404 "App \'/v2/info\' does not exist"', async () => {
    for (const url of [`${m.url}/v2/apps`, `${m.url}/v2`, `${m.url}/service/marathon/v2/groups?embed=group.apps`]) {
      assert.throws(() => new MarathonClient({ url }), (e: Error) => e instanceof MarathonSetupError && /: this is a path of Marathon's API \(\/v2\/…\), not the URL it is served at/.test(e.message));
    }
    const c = new MarathonClient({ url: `${m.url}/service/marathon-v2` }); // a prefix merely holding "v2"
    await c.close();
  });

  it('a Marathon served under a prefix that holds a "v2" segment not followed by an API path (DC/OS service /v2/marathon, an app in group /v2) is used', async () => {
    // Admin Router in front: /service/<app id>/… is Marathon's /… (marathon-api.md §1). A real forwarding proxy.
    const prefix = '/service/v2/marathon';
    const proxy = createHttpServer((req, res) => {
      if (!req.url?.startsWith(`${prefix}/`)) return void res.writeHead(404).end();
      const up = httpRequest(`${m.url}${req.url.slice(prefix.length)}`, { method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      req.pipe(up);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(proxy.address() as { port: number }).port}${prefix}`;
    try {
      for (const u of [url, `${url}/`]) {
        const c = new MarathonClient({ url: u });
        try {
          assert.equal(typeof (await c.getInfo()).version, 'string');
        } finally {
          await c.close();
        }
      }
      // The same prefix with an API path after it is still the curl mistake.
      assert.throws(() => new MarathonClient({ url: `${url}/v2/apps` }), MarathonSetupError);
    } finally {
      proxy.closeAllConnections();
      await new Promise((r) => proxy.close(r));
    }
  });

  it('timeout', async () => {
    m.setFault({ kind: 'slow', delayMs: 2000 });
    const c = new MarathonClient({ url: m.url, timeoutMs: 200 });
    const e = await failure(c.getRootGroup());
    assert.equal(e.kind, 'timeout');
    assert.match(e.message, /\/v2\/groups\?embed=group\.groups&embed=group\.apps&embed=group\.pods: no answer within 0\.2 s/);
    m.setFault(undefined);
    await c.close();
  });

  it('a timeout that is no whole number of ms (--marathon-timeout 1.001 is 1000.9999999999999 ms) still times out', async () => {
    m.setFault({ kind: 'slow', delayMs: 2000 });
    for (const timeoutMs of [200.5, 1.001 * 200, 0.1]) {
      const c = new MarathonClient({ url: m.url, timeoutMs });
      const e = await failure(c.getInfo());
      assert.equal(e.kind, 'timeout', e.message);
      await c.close();
    }
    m.setFault(undefined);
  });

  it('Marathon\'s own concurrency limit (a Jetty 503 page) is said as Marathon\'s, not as a proxy or login page', async () => {
    const c = new MarathonClient({ url: m.url });
    m.setFault({ kind: 'too-many-requests', allowed: 2 });
    const e = await failure(c.getRootGroup());
    m.setFault(undefined);
    assert.equal(e.kind, 'html');
    assert.equal(e.message, `${m.url}/v2/groups?embed=group.groups&embed=group.apps&embed=group.pods: HTTP 503, Marathon answered "Too many concurrent requests! Allowed: 2." (its --http_max_concurrent_requests limit): retry later, or raise the limit`);
    await c.close();
  });

  it('an HTML proxy page, and Jetty leader errors', async () => {
    const c = new MarathonClient({ url: m.url });
    m.setFault({ kind: 'html', status: 200 });
    const e = await failure(c.getInfo());
    assert.equal(e.kind, 'html');
    assert.equal(e.message, `${m.url}/v2/info: HTTP 200, an HTML page ("Sign in - Corporate Proxy") instead of Marathon's JSON: is the URL a proxy or login page?`);
    m.setFault({ kind: 'no-leader' });
    assert.match((await failure(c.getInfo())).message, /HTTP 502, Marathon's leader proxy answered "Could not determine the current leader"/);
    m.setFault(undefined);
    await c.close();
  });

  it('an oversized answer stops at the cap, with and without Content-Length', async () => {
    m.setFault({ kind: 'huge', bytes: 60 * 1024 * 1024 });
    const c = new MarathonClient({ url: m.url, maxBytes: 1024 * 1024 });
    const e = await failure(c.getRootGroup());
    assert.equal(e.kind, 'too-large');
    assert.match(e.message, /the answer exceeds the 1 MB limit$/);
    m.setFault({ kind: 'huge', bytes: 60 * 1024 * 1024, declareLength: true });
    const declared = await failure(c.getRootGroup());
    assert.equal(declared.kind, 'too-large');
    assert.match(declared.message, /: the answer is 60 MB, over the 1 MB limit$/);
    m.setFault(undefined);
    await c.close();
  });

  it('5xx with Marathon\'s body, an unknown route, a connection closed mid-body, a body that is not JSON', async () => {
    const c = new MarathonClient({ url: m.url });
    m.setFault({ kind: 'status', status: 503, body: { message: 'Futures timed out after [10 seconds]' } });
    assert.match((await failure(c.getInfo())).message, /\/v2\/info: HTTP 503: Futures timed out after \[10 seconds\]$/);
    m.setFault(undefined);
    assert.deepEqual((await failure(c.request('GET', 'v2/nothing'))).body, { message: 'URI not found' });
    m.setFault({ kind: 'close-mid-body' });
    const closed = await failure(c.getRootGroup());
    assert.equal(closed.kind, 'closed');
    m.setFault(undefined);
    const notJson = await failure(c.request('GET', 'ping', { accept: 'text/plain' }));
    assert.equal(notJson.kind, 'not-json');
    assert.equal(notJson.message, `${m.url}/ping: HTTP 200 but the body is not JSON: pong`);
    await c.close();
  });

  it('a root group holding something other than a group (a proxy, a broken export) names where, not a TypeError', async () => {
    const c = new MarathonClient({ url: m.url });
    m.setFault({ kind: 'status', status: 200, body: { id: '/', apps: [], groups: [{ id: '/a', groups: [{ id: '/a/b' }, null] }] } }, '/v2/groups');
    const e = await failure(c.getRootGroup());
    assert.equal(e.kind, 'not-json');
    assert.match(e.message, /\/v2\/groups\?embed=\S+: the answer is not a Marathon group: "\/a" holds groups\[1\] = null, not a group with an "id"$/);
    m.setFault(undefined);
    await c.close();
  });

  it('a 2xx app or tasks answer without "app" or "tasks" is not Marathon\'s, never "does not exist" or "no tasks"', async () => {
    // Something that answers every path with 200 and some JSON (a proxy, another service at --marathon's URL).
    const c = new MarathonClient({ url: m.url });
    for (const body of [{}, { apps: [] }, [], { app: 'x', tasks: {} }]) {
      m.setFault({ kind: 'status', status: 200, body }, '/v2/apps/dvdi-bridge');
      const app = await failure(c.getApp('/dvdi-bridge'));
      assert.equal(app.kind, 'not-json', app.message);
      assert.equal(app.message, `${m.url}/v2/apps/dvdi-bridge: the answer is not Marathon's app (no "app" object); is this Marathon's URL?`);
      const tasks = await failure(c.getAppTasks('/dvdi-bridge'));
      assert.equal(tasks.kind, 'not-json', tasks.message);
      assert.equal(tasks.message, `${m.url}/v2/apps/dvdi-bridge/tasks: the answer is not Marathon's task list (no "tasks" array); is this Marathon's URL?`);
    }
    m.setFault(undefined);
    await c.close();
  });

  it('a raw request returns any status whole; a stream leaves the body unread', async () => {
    const c = new MarathonClient({ url: m.url });
    const r = await c.raw('GET', 'v2/apps/missing');
    assert.equal(r.status, 404);
    assert.deepEqual(JSON.parse(r.body.toString()), { message: "App '/missing' does not exist", details: [] });
    const s = await c.stream('GET', 'ping', { accept: 'text/plain' });
    assert.equal(s.status, 200);
    assert.equal(await s.body.text(), 'pong');
    await c.close();
  });
});
