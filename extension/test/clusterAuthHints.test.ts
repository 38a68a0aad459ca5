// What a 401 from Marathon or the Mesos master tells the user of Test mount's discovery, for each way credentials reach
// them (the token of "Marathon: Connect to Cluster", marathon.cluster.tokenFile, credentialsFile, the user info of
// marathon.cluster.url or mesosUrl, none): something to do in the editor, the command or a marathon.cluster.* setting,
// never only marathon-lint's flags or the environment variable through which the extension hands the token to the
// language server (MARATHON_CLUSTER_TOKEN, which an editor user never sets). Stand-in Marathon and Mesos master
// (marathon-api.md §2, mesos-master-api.md §6) over real HTTP, each on its own port: two origins, as a master of its own.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchClusterView, type ClusterSettings } from '../src/clusterView';
import type { MesosMasterOptions } from '../../test/standins/mesos-master/server';
import type { StandinAuth } from '../../test/standins/marathon/standin';
import { oneBridgeCluster } from './oneBridgeCluster';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.dcos-token.sig';
const dir = mkdtempSync(join(tmpdir(), 'md-auth-hints-'));
const closers: (() => Promise<void> | void)[] = [() => rmSync(dir, { recursive: true, force: true })];
after(async () => {
  for (const c of closers) await c();
});

async function cluster(auth: StandinAuth, master: MesosMasterOptions): Promise<ClusterSettings> {
  const { master: m, marathon } = await oneBridgeCluster(auth, master, 'hint-S0', closers);
  return { marathonUrl: marathon.url, mesosUrl: m.url, bridgeApp: '/dvdi-bridge' };
}

const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const withUser = (url: string, user: string, password: string) => url.replace('://', `://${user}:${password}@`);

/** The hint after "401 unauthorized (challenge)": what the user reads. */
async function hintOf(s: ClusterSettings, token?: string): Promise<string> {
  const e = await fetchClusterView(s, token, 3000).then(
    () => assert.fail('the cluster read should be refused'),
    (x: Error) => x,
  );
  const m = /401 unauthorized(?: \([^)]*\))?[:;] (.*)$/.exec(e.message);
  assert.ok(m, e.message);
  return m[1];
}

const editorRemedy = /"Marathon: Connect to Cluster"|marathon\.cluster\.(tokenFile|credentialsFile|url|mesosUrl)\b/;

test('the token of "Marathon: Connect to Cluster" refused (Marathon, or a DC/OS master): run the command again with a valid one', async () => {
  for (const [auth, master] of [[{ kind: 'token', token: TOKEN }, { dcosToken: TOKEN }], [{ kind: 'none' }, { dcosToken: TOKEN }]] as const) {
    const hint = await hintOf(await cluster(auth, master), 'an-expired-token');
    assert.match(hint, /^the token given with "Marathon: Connect to Cluster" \(outside VS Code, the server's MARATHON_CLUSTER_TOKEN\) was refused: run the command again with a valid one \(a DC\/OS token lives 5 days; `dcos config show core\.dcos_acs_token` prints the current one\)$/);
  }
});

test('no credentials, and a Mesos master of its own asks for some: its own user and password in marathon.cluster.mesosUrl is said too', async () => {
  const s = await cluster({ kind: 'none' }, { basic: { user: 'ops', password: 'pw' } });
  const hint = await hintOf(s);
  assert.match(hint, /^the cluster asks for credentials: run "Marathon: Connect to Cluster" with a token, or set marathon\.cluster\.tokenFile or marathon\.cluster\.credentialsFile; a Mesos master of its own takes its user and password in marathon\.cluster\.mesosUrl \(http:\/\/USER:PASSWORD@HOST:5050\)$/);
  // And that works.
  assert.equal((await fetchClusterView({ ...s, mesosUrl: withUser(s.mesosUrl, 'ops', 'pw') }, undefined, 3000)).agents.length, 1);
});

test('every 401 names what to do in the editor, never only a flag or an environment variable', async () => {
  const open = await cluster({ kind: 'none' }, { basic: { user: 'ops', password: 'pw' } });
  const tokenMarathon = await cluster({ kind: 'token', token: TOKEN }, { dcosToken: TOKEN });
  const basicMarathon = await cluster({ kind: 'basic', user: 'ops', password: 'pw' }, { basic: { user: 'ops', password: 'pw' } });
  const basicMarathonOnly = await cluster({ kind: 'basic', user: 'ops', password: 'pw' }, {});
  const hints = [
    await hintOf(tokenMarathon, 'an-expired-token'),
    await hintOf(tokenMarathon),
    await hintOf({ ...tokenMarathon, tokenFile: file('stale-token', 'stale\n') }),
    await hintOf({ ...basicMarathon, credentialsFile: file('creds', 'ops:wrong\n') }),
    await hintOf({ ...basicMarathonOnly, marathonUrl: withUser(basicMarathonOnly.marathonUrl, 'ops', 'wrong') }),
    await hintOf({ ...open, mesosUrl: withUser(open.mesosUrl, 'ops', 'wrong') }),
    await hintOf({ ...open, marathonUrl: withUser(open.marathonUrl, 'ops', 'pw') }),
    await hintOf(open),
  ];
  for (const h of hints) {
    assert.match(h, editorRemedy, h);
    assert.doesNotMatch(h, /--marathon/, h);
  }
  assert.deepEqual(hints.slice(2, 6), [
    'check the token in marathon.cluster.tokenFile',
    'check the user:password in marathon.cluster.credentialsFile',
    'check the user and password in marathon.cluster.url',
    'check the user and password in marathon.cluster.mesosUrl',
  ]);
});

test("a master's own user and password in marathon.cluster.mesosUrl win over the cluster's token for the master", async () => {
  // The token of "Marathon: Connect to Cluster" is Marathon's; the master at another host takes the user info the
  // user wrote into its own URL, the more specific setting (before: the token went to the master and the user info
  // was dropped, so such a master could not be reached at all while a token was set).
  const s = await cluster({ kind: 'token', token: TOKEN }, { basic: { user: 'ops', password: 'pw' } });
  assert.equal((await fetchClusterView({ ...s, mesosUrl: withUser(s.mesosUrl, 'ops', 'pw') }, TOKEN, 3000)).agents.length, 1);
  assert.equal((await fetchClusterView({ ...s, mesosUrl: withUser(s.mesosUrl, 'ops', 'pw'), tokenFile: file('token-for-master', `${TOKEN}\n`) }, undefined, 3000)).agents.length, 1);
  assert.equal(await hintOf({ ...s, mesosUrl: withUser(s.mesosUrl, 'ops', 'wrong') }, TOKEN), 'check the user and password in marathon.cluster.mesosUrl');
});
