// The language server left running for days against a cluster behind DC/OS token auth (the real server over stdio,
// the stand-in Marathon over real HTTP, test/standins/marathon). A DC/OS token lives 5 days and is rotated by
// replacing the file (../shared/reference/marathon-api.md §2): the next read of the cluster must send what
// `marathon.cluster.tokenFile` (or `credentialsFile`) holds now, without a restart of the server or the editor, and a
// file that can no longer be read is said in `marathon/clusterStatus`, naming the setting and the file.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MarathonClient } from '@marathon-devtools/cluster/marathon/client';
import type { MarathonAuth } from '@marathon-devtools/cluster/marathon/options';
import { infoFor, startStandinMarathon, type StandinAuth } from '../standins/marathon/standin';
import { startClient, type Published, type TestClient } from './lspClient';
import { deployedUnderDb, dvdiApp } from '../cluster/deployedApps';

const RULE = 'dvdi-name-unique-in-root-group';
const uri = 'untitled:web.json';
const web = JSON.stringify(dvdiApp('/web', 'pgdata'), null, 2);
const dir = mkdtempSync(join(tmpdir(), 'lsp-token-'));

/** The conflict messages of the newest diagnostics for the document that satisfy pred (already published, or the next). */
async function conflictWhere(c: TestClient, pred: (conflicts: string[]) => boolean, what: string, timeoutMs = 15_000): Promise<string[]> {
  const conflicts = (p: Published) => p.diagnostics.filter((d) => d.code === RULE).map((d) => d.message);
  const last = [...c.published].reverse().find((p) => p.uri === uri);
  if (last && pred(conflicts(last))) return conflicts(last);
  const p = await c.waitDiagnostics(uri, (x) => pred(conflicts(x)), timeoutMs).catch(() =>
    assert.fail(`${what}: not published within ${timeoutMs} ms; cluster status: ${JSON.stringify(c.clusterStatuses.map((s) => s.text))}`),
  );
  return conflicts(p);
}

/** Marathon with /db/pg on pgdata, the server following it with `cluster` settings; the editor has /web open on pgdata. */
async function setUp(auth: StandinAuth, cluster: Record<string, unknown>, cleanups: (() => Promise<unknown>)[]) {
  const m = await startStandinMarathon({ rootGroup: deployedUnderDb([dvdiApp('/db/pg', 'pgdata')]), info: infoFor('1.10.26', { features: ['external_volumes'] }), auth, heartbeatMs: 200 });
  cleanups.push(() => m.close());
  const c = await startClient({ settings: () => ({ cluster: { url: m.url, ...cluster } }) });
  cleanups.push(() => c.shutdown());
  await c.waitClusterStatus((s) => s.state === 'connected', 15_000);
  await c.open(uri, web, 1);
  await conflictWhere(c, (x) => x.some((m) => /app\(s\): \/db\/pg/.test(m)), 'the conflict with the deployed /db/pg');
  return { m, c };
}

/** A deployment through Marathon's API, as a colleague makes it: /db/pg leaves pgdata, /db/replica takes it. */
async function deploy(url: string, auth: MarathonAuth, cleanups: (() => Promise<unknown>)[]): Promise<void> {
  const api = new MarathonClient({ url, auth });
  cleanups.push(() => api.close());
  await api.putApp('/db/pg', dvdiApp('/db/pg', 'pgdata-old'));
  await api.putApp('/db/replica', dvdiApp('/db/replica', 'pgdata'));
}

describe('language server: the token file is read again before each read of the cluster', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  after(async () => {
    for (const f of cleanups.reverse()) await f().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a token replaced in marathon.cluster.tokenFile is used by the next read, by events and after the stream re-attaches', { timeout: 90_000 }, async () => {
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, 'day-1-token\n');
    const { m, c } = await setUp({ kind: 'token', token: 'day-1-token' }, { tokenFile, pollSeconds: 0.5 }, cleanups);
    const before = c.clusterStatuses.length;

    // Day 5: Admin Router takes only the new token, which the operator's job writes to the file.
    m.setAuth({ kind: 'token', token: 'day-5-token' });
    writeFileSync(tokenFile, 'day-5-token\n');
    await deploy(m.url, { kind: 'token', token: 'day-5-token' }, cleanups);
    const moved = await conflictWhere(c, (x) => x.length === 1 && /app\(s\): \/db\/replica/.test(x[0]), 'the conflict now naming /db/replica, read with the new token');
    assert.doesNotMatch(moved[0], /\/db\/pg\b/);

    // The event stream drops (a leader change): the copy is polled meanwhile, and the stream re-attaches, with the
    // token in the file now; each step re-reads the cluster.
    const mark = c.clusterStatuses.length;
    m.dropEventStreams();
    const polled = await c.waitClusterStatus((s) => c.clusterStatuses.indexOf(s) >= mark && (s.state === 'unreachable' || s.updates === 'polling'), 15_000);
    assert.equal(polled.state, 'connected', polled.text);
    await c.waitClusterStatus((s) => c.clusterStatuses.indexOf(s) > c.clusterStatuses.indexOf(polled) && (s.state === 'unreachable' || s.updates === 'events'), 15_000);
    const since = c.clusterStatuses.slice(before);
    assert.ok(!since.some((s) => s.state === 'unreachable'), `no read failed after the rotation: ${JSON.stringify(since.map((s) => s.text))}`);
    assert.equal(c.clusterStatuses.at(-1)?.state, 'connected', JSON.stringify(since.map((s) => s.text)));
    assert.ok(!c.logs.some((l) => /day-[15]-token/.test(l)), 'a token never reaches the log');
    assert.ok(!c.clusterStatuses.some((s) => /day-[15]-token/.test(JSON.stringify(s))), 'a token never reaches the status');
  });

  it('a token file that can no longer be read is named with its setting in the status; when it is back, the cluster is too', { timeout: 60_000 }, async () => {
    const tokenFile = join(dir, 'token-gone');
    writeFileSync(tokenFile, 'day-1-token\n');
    const { m, c } = await setUp({ kind: 'token', token: 'day-1-token' }, { tokenFile, pollSeconds: 0.5 }, cleanups);
    rmSync(tokenFile);
    await deploy(m.url, { kind: 'token', token: 'day-1-token' }, cleanups);
    const down = await c.waitClusterStatus((s) => s.state === 'unreachable', 15_000);
    assert.match(down.text, /^cluster unreachable since \S+ \((.*)\); linting offline$/);
    assert.equal(down.error, `marathon.cluster.tokenFile ${tokenFile}: cannot read the token file (ENOENT)`);
    await conflictWhere(c, (x) => x.length === 0, 'the offline verdict while the file is missing');

    writeFileSync(tokenFile, 'day-1-token\n');
    const back = await c.waitClusterStatus((s) => s.state === 'connected' && c.clusterStatuses.indexOf(s) > c.clusterStatuses.indexOf(down), 15_000);
    assert.match(back.text, /2 deployed apps/);
    await conflictWhere(c, (x) => x.length === 1 && /app\(s\): \/db\/replica/.test(x[0]), 'the conflict with /db/replica once the file is back');
  });

  it('a token file not there yet when the server starts is named with its setting, and used once it is written', { timeout: 60_000 }, async () => {
    const tokenFile = join(dir, 'token-later');
    const m = await startStandinMarathon({ info: infoFor('1.10.26'), auth: { kind: 'token', token: 'day-1-token' } });
    cleanups.push(() => m.close());
    const c = await startClient({ settings: () => ({ cluster: { url: m.url, tokenFile, pollSeconds: 0.5 } }) });
    cleanups.push(() => c.shutdown());
    const down = await c.waitClusterStatus((s) => s.state === 'unreachable', 15_000);
    assert.ok(down.text.endsWith(`(marathon.cluster.tokenFile ${tokenFile}: cannot read the token file (ENOENT)); linting offline`), down.text);
    writeFileSync(tokenFile, 'day-1-token\n');
    await c.waitClusterStatus((s) => s.state === 'connected', 15_000);
  });

  it('a token in the file that Marathon no longer takes: the 401 names the setting to check, not marathon-lint\'s flag', { timeout: 60_000 }, async () => {
    const tokenFile = join(dir, 'token-expired');
    writeFileSync(tokenFile, 'day-1-token\n');
    const m = await startStandinMarathon({ info: infoFor('1.10.26'), auth: { kind: 'token', token: 'day-6-token' } });
    cleanups.push(() => m.close());
    const c = await startClient({ settings: () => ({ cluster: { url: m.url, tokenFile } }) });
    cleanups.push(() => c.shutdown());
    const down = await c.waitClusterStatus((s) => s.state === 'unreachable', 15_000);
    assert.match(down.error, /HTTP 401 unauthorized \(oauthjwt\): check the token in marathon\.cluster\.tokenFile$/);
    assert.doesNotMatch(down.text, /--marathon/);
  });

  it('a password replaced in marathon.cluster.credentialsFile is used by the next read', { timeout: 60_000 }, async () => {
    const credentialsFile = join(dir, 'credentials');
    writeFileSync(credentialsFile, 'ops:first-password\n');
    const { m, c } = await setUp({ kind: 'basic', user: 'ops', password: 'first-password' }, { credentialsFile, pollSeconds: 0.5 }, cleanups);
    m.setAuth({ kind: 'basic', user: 'ops', password: 'second-password' });
    writeFileSync(credentialsFile, 'ops:second-password\n');
    await deploy(m.url, { kind: 'basic', user: 'ops', password: 'second-password' }, cleanups);
    await conflictWhere(c, (x) => x.length === 1 && /app\(s\): \/db\/replica/.test(x[0]), 'the conflict now naming /db/replica, read with the new password');
    assert.ok(!c.clusterStatuses.some((s) => s.state === 'unreachable'), JSON.stringify(c.clusterStatuses.map((s) => s.text)));
  });
});
