// The language server against a live cluster (issue 13): the real server over stdio, the stand-in Marathon over
// real HTTP (test/standins/marathon). Deployed state read once and kept current by the event stream, never per
// keystroke; the polling fallback when the stream fails; offline linting and "cluster unreachable since" when
// the cluster goes away. Every wait is event-driven and bounded, failing with what it waited for.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MarathonClient } from '@marathon-devtools/cluster/marathon/client';
import type { GroupInfo } from '@marathon-devtools/cluster/marathon/types';
import { infoFor, startStandinMarathon, type StandinMarathon } from '../standins/marathon/standin';
import { startClient, type Published, type TestClient } from './lspClient';
import { deployedUnderDb, dvdiApp } from '../cluster/deployedApps';

const TOKEN = 'lsp-cluster-token-3f9a';
const RULE = 'dvdi-name-unique-in-root-group';

const app = dvdiApp;
const deployed = deployedUnderDb;
const text = (cmd = './run') => JSON.stringify(app('/web', 'pgdata', { cmd }), null, 2);
const uri = 'untitled:web.json';

/** The newest diagnostics published for uri at `version` that satisfy pred: already published, or the next ones. */
async function diagnosticsAt(c: TestClient, version: number, pred: (p: Published) => boolean, what: string, timeoutMs = 15_000): Promise<Published> {
  const ok = (p: Published) => p.uri === uri && (p.version ?? version) >= version && pred(p);
  const last = [...c.published].reverse().find((p) => p.uri === uri);
  if (last && ok(last)) return last;
  return c.waitDiagnostics(uri, ok, timeoutMs).catch(() => assert.fail(`${what}: not published within ${timeoutMs} ms; last: ${JSON.stringify([...c.published].reverse().find((p) => p.uri === uri)?.diagnostics.map((d) => d.message))}`));
}

const conflict = (p: Published) => p.diagnostics.filter((d) => d.code === RULE);
const count = (m: StandinMarathon, path: string) => m.requests.filter((r) => r.method === 'GET' && r.path === path).length;

describe('language server with marathon.cluster.url', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  after(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  });

  it('flags a volume name a deployed app uses, follows the event stream, then lints offline when the cluster goes away', { timeout: 90_000 }, async () => {
    const m = await startStandinMarathon({
      rootGroup: deployed([app('/db/pg', 'pgdata')]),
      info: infoFor('1.10.26', { features: ['external_volumes'] }),
      auth: { kind: 'token', token: TOKEN },
      heartbeatMs: 200,
    });
    cleanups.push(() => m.close());
    const c = await startClient({ settings: () => ({ cluster: { url: m.url, pollSeconds: 60 } }), env: { MARATHON_CLUSTER_TOKEN: TOKEN } });
    cleanups.push(() => c.shutdown());

    const up = await c.waitClusterStatus((s) => s.state === 'connected');
    assert.equal(up.marathonVersion, '1.10.26');
    assert.equal(up.updates, 'events');
    assert.match(up.text, /^Marathon 1\.10\.26 at http:\/\/127\.0\.0\.1:\d+: 1 deployed app, kept current by its event stream$/);

    let version = 1;
    await c.open(uri, text(), version);
    const first = await diagnosticsAt(c, version, (p) => conflict(p).length === 1, 'the conflict with the deployed /db/pg');
    const [d] = conflict(first);
    assert.match(d.message, /Volume name 'pgdata' in \/web conflicts with volume\(s\) of same name in app\(s\): \/db\/pg/);
    assert.match(d.message, /\/db\/pg is already deployed on the cluster\./);
    // The squiggle is under the value of "name": "pgdata".
    const line = text().split('\n')[d.range.start.line];
    assert.equal(line.slice(d.range.start.character, d.range.end.character), '"pgdata"');
    const status = [...c.statuses].reverse().find((s) => s.uri === uri);
    assert.match(status?.profile ?? '', /^Profile: Marathon 1\.10\.26 \(cluster\); features external_volumes \(cluster\)/);

    // Keystrokes: linted against the cached copy, no request reaches Marathon.
    const reads = { info: count(m, '/v2/info'), groups: count(m, '/v2/groups') };
    assert.deepEqual(reads, { info: 1, groups: 1 }, 'one read of /v2/info and /v2/groups');
    // Each keystroke moves the finding down a line, so each version is published.
    for (let i = 1; i <= 5; i++) await c.change(uri, '\n'.repeat(i) + text(), ++version);
    const last = await diagnosticsAt(c, version, (p) => p.version === version && conflict(p).length === 1, 'diagnostics of the last keystroke');
    assert.equal(conflict(last)[0].range.start.line, d.range.start.line + 5);
    assert.deepEqual({ info: count(m, '/v2/info'), groups: count(m, '/v2/groups') }, reads, 'keystrokes caused no request');

    // The cluster changes through its API: /db/pg moves to another volume and /db/replica takes pgdata.
    const api = new MarathonClient({ url: m.url, auth: { kind: 'token', token: TOKEN } });
    cleanups.push(() => api.close());
    await api.putApp('/db/pg', app('/db/pg', 'pgdata-old'));
    await api.putApp('/db/replica', app('/db/replica', 'pgdata'));
    const moved = await diagnosticsAt(c, version, (p) => conflict(p).some((x) => /app\(s\): \/db\/replica/.test(x.message)), 'the conflict now naming /db/replica');
    assert.equal(conflict(moved).length, 1);
    assert.doesNotMatch(conflict(moved)[0].message, /\/db\/pg\b/);
    const afterEvents = count(m, '/v2/groups');
    // Two PUTs publish four root-group events (api_post_event, group_change_success each); bursts are coalesced, so
    // at most one read per event, however the events are spread in time.
    assert.ok(afterEvents > reads.groups && afterEvents <= reads.groups + 4, `the events caused ${afterEvents - reads.groups} re-reads of /v2/groups`);
    assert.equal(count(m, '/v2/info'), 1, '/v2/info is read once while the stream is up');
    for (let i = 5; i < 8; i++) await c.change(uri, text(`./run --n ${i}`), ++version);
    await c.change(uri, text('./again'), ++version);
    await new Promise((r) => setTimeout(r, 400));
    assert.equal(count(m, '/v2/groups'), afterEvents, 'keystrokes after the update caused no request');

    // The cluster goes away: the status says since when, and the document is linted offline.
    await m.close();
    const down = await c.waitClusterStatus((s) => s.state === 'unreachable', 15_000);
    assert.match(down.text, /^cluster unreachable since \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \(.*\); linting offline$/);
    assert.ok(Math.abs(Date.parse(down.since) - Date.now()) < 60_000);
    assert.doesNotMatch(down.text, new RegExp(TOKEN));
    await diagnosticsAt(c, version, (p) => conflict(p).length === 0, 'the offline verdict (no deployed app)');
    await c.change(uri, text('./offline').replace('"mem": 256', '"mem": "lots"'), ++version);
    const offline = await diagnosticsAt(c, version, (p) => p.version === version && p.diagnostics.some((x) => /mem/.test(x.message)), 'offline findings after a keystroke');
    assert.equal(conflict(offline).length, 0);
    assert.ok(!c.logs.some((l) => l.includes(TOKEN)), 'the token never reaches the log');
  });

  it('falls back to polling when the event stream fails, and picks up changes', { timeout: 60_000 }, async () => {
    const m = await startStandinMarathon({ rootGroup: deployed([app('/db/pg', 'other')]), info: infoFor('1.10.26', { features: ['external_volumes'] }) });
    cleanups.push(() => m.close());
    m.setFault({ kind: 'status', status: 503, body: { message: 'no events here' } }, '/v2/events');
    const c = await startClient({ settings: () => ({ cluster: { url: m.url, pollSeconds: 0.3 } }) });
    cleanups.push(() => c.shutdown());
    const polling = await c.waitClusterStatus((s) => s.state === 'connected' && s.updates === 'polling');
    assert.match(polling.text, /re-read every 0\.3 s \(the event stream is down\)$/);
    await c.open(uri, text(), 1);
    const api = new MarathonClient({ url: m.url });
    cleanups.push(() => api.close());
    await api.putApp('/db/pg', app('/db/pg', 'pgdata'));
    const found = await diagnosticsAt(c, 1, (p) => conflict(p).length === 1, 'the conflict seen by polling');
    assert.match(conflict(found)[0].message, /app\(s\): \/db\/pg/);
  });

  it('takes --new_group_enforce_role from /v2/info: an app in a top-level group Marathon creates may then use only the group\'s name', { timeout: 30_000 }, async () => {
    // info.json's --mesos_role is slave_public; with "Top" Marathon creates /newteam enforcing its role (role-valid).
    const m = await startStandinMarathon({ info: infoFor('1.10.26', { new_group_enforce_role: 'Top' }) });
    cleanups.push(() => m.close());
    const c = await startClient({ settings: () => ({ cluster: { url: m.url } }) });
    cleanups.push(() => c.shutdown());
    await c.waitClusterStatus((s) => s.state === 'connected');
    await c.open(uri, JSON.stringify({ id: '/newteam/web', cmd: './run', cpus: 0.5, mem: 256, instances: 1, role: 'slave_public' }, null, 2), 1);
    const found = await diagnosticsAt(c, 1, (p) => p.diagnostics.some((d) => d.code === 'role-valid'), 'the role-valid finding');
    assert.match(found.diagnostics.find((d) => d.code === 'role-valid')!.message, /"got slave_public, expected one of: \[newteam\]": .*--new_group_enforce_role Top in this profile/);
    const status = [...c.statuses].reverse().find((s) => s.uri === uri);
    assert.match(status?.profile ?? '', /; new_group_enforce_role Top \(cluster\);/);
  });

  it('user info in marathon.cluster.url is used for basic auth and never shown in the status or the log', { timeout: 30_000 }, async () => {
    const password = 'pw-in-url-7c1e';
    const m = await startStandinMarathon({ info: infoFor('1.10.26'), auth: { kind: 'basic', user: 'ops', password } });
    cleanups.push(() => m.close());
    const withUser = m.url.replace('http://', `http://ops:${password}@`);
    let settings = { cluster: { url: withUser } };
    const c = await startClient({ settings: () => settings });
    cleanups.push(() => c.shutdown());
    const up = await c.waitClusterStatus((s) => s.state === 'connected');
    assert.equal(up.url, m.url);
    // A URL that cannot be used (port out of range) is reported without its user info too.
    settings = { cluster: { url: `http://ops:${password}@127.0.0.1:99999` } };
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { marathon: settings } });
    const bad = await c.waitClusterStatus((s) => s.state === 'unreachable');
    assert.match(bad.text, /127\.0\.0\.1:99999: not a URL/);
    for (const s of c.clusterStatuses) assert.ok(!JSON.stringify(s).includes(password), `status shows the password: ${JSON.stringify(s)}`);
    assert.ok(!c.logs.some((l) => l.includes(password)), 'the password never reaches the log');
  });

  it('a cluster that does not answer in time names the setting that sets the timeout, not the CLI flag', { timeout: 30_000 }, async () => {
    const m = await startStandinMarathon({ info: infoFor('1.10.26') });
    cleanups.push(() => m.close());
    m.setFault({ kind: 'slow', delayMs: 5_000 });
    const c = await startClient({ settings: () => ({ cluster: { url: m.url, timeoutSeconds: 0.3 } }) });
    cleanups.push(() => c.shutdown());
    const bad = await c.waitClusterStatus((s) => s.state === 'unreachable');
    assert.match(bad.text, /no answer within 0\.3 s \(marathon\.cluster\.timeoutSeconds\)/);
    assert.doesNotMatch(bad.text, /--marathon-timeout/);
  });

  it('a MARATHON_CLUSTER_TOKEN no HTTP header can carry is named as such, not as undici\'s "invalid authorization header"', { timeout: 30_000 }, async () => {
    const m = await startStandinMarathon({ info: infoFor('1.10.26') });
    cleanups.push(() => m.close());
    const c = await startClient({ settings: () => ({ cluster: { url: m.url } }), env: { MARATHON_CLUSTER_TOKEN: 'eyJhbGciOi\u0001secret' } });
    cleanups.push(() => c.shutdown());
    const bad = await c.waitClusterStatus((s) => s.state === 'unreachable');
    assert.match(bad.text, /the cluster token \(from "Marathon: Connect to Cluster" or MARATHON_CLUSTER_TOKEN\) holds a character an HTTP header cannot carry .* at position 11: give it again as the one line `dcos config show core\.dcos_acs_token` prints\); linting offline$/);
    assert.doesNotMatch(bad.text, /secret/);
  });

  it('a marathon.cluster.url without its scheme is said to be so in the status, not shown as "no cluster set"', { timeout: 30_000 }, async () => {
    const c = await startClient({ settings: () => ({ cluster: { url: 'alice:s3cret@marathon.example.com:8080' } }) });
    cleanups.push(() => c.shutdown());
    const off = await c.waitClusterStatus((s) => s.state === 'off');
    assert.equal(
      off.text,
      'marathon.cluster.url "marathon.example.com:8080" is not an http:// or https:// URL, so no cluster is used: linting offline. Write the URL with its scheme, e.g. "http://marathon.example.com:8080".',
    );
    assert.doesNotMatch(c.logs.join('\n'), /s3cret/);
  });

  it('without marathon.cluster.url: status off, documents linted alone', { timeout: 30_000 }, async () => {
    const c = await startClient({ settings: () => ({}) });
    cleanups.push(() => c.shutdown());
    const off = await c.waitClusterStatus((s) => s.state === 'off');
    assert.match(off.text, /no cluster set/);
  });
});
