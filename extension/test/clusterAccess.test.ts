// Test mount's cluster discovery reaches Marathon and the Mesos master with the credentials the language server lints
// with: the SecretStorage token, else `marathon.cluster.tokenFile` or `credentialsFile`, and `caFile` for a private CA
// (language-server/src/live/editorClusterAccess.ts). Before, it sent only the SecretStorage token and trusted only the
// system CAs: a cluster the editor linted against gave Test mount a TLS error or a 401. Stand-in Marathon and Mesos
// master (marathon-api.md §2, mesos-master-api.md §6) behind a real TLS front with a CA made here (openssl).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type AddressInfo } from 'node:net';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fetchClusterView, type ClusterSettings } from '../src/clusterView';
import { readClusterSettings } from '../src/clusterConfig';
import { makeTestPki, type TestPki } from '../../agent-bridge/test/server/certs';
import type { MesosMasterOptions } from '../../test/standins/mesos-master/server';
import type { StandinAuth } from '../../test/standins/marathon/standin';
import { oneBridgeCluster } from './oneBridgeCluster';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.dcos-token.sig';
let pki: TestPki;
const closers: (() => Promise<void> | void)[] = [];
before(() => {
  pki = makeTestPki();
});
after(async () => {
  for (const c of closers) await c();
});

/** A TLS front on 127.0.0.1 relaying to a stand-in's plain port, with the certificate of the CA made here. */
async function tlsFront(port: number): Promise<string> {
  const front: TlsServer = createTlsServer({ cert: pki.serverCert, key: pki.serverKey }, (tls) => {
    const plain = connect(port, '127.0.0.1');
    tls.pipe(plain).pipe(tls);
    tls.on('error', () => plain.destroy());
    plain.on('error', () => tls.destroy());
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  closers.push(() => void front.close());
  return `https://127.0.0.1:${(front.address() as AddressInfo).port}`;
}

/** One bridge task on one agent; Marathon and the master ask for `auth`, over HTTPS when `https`. */
async function cluster(auth: StandinAuth, master: MesosMasterOptions, https: boolean) {
  const { master: m, marathon } = await oneBridgeCluster(auth, master, 'acc-S0', closers);
  const marathonUrl = https ? await tlsFront(marathon.port) : marathon.url;
  const mesosUrl = https ? await tlsFront(Number(new URL(m.url).port)) : m.url;
  return { marathon, marathonUrl, mesosUrl };
}

const file = (name: string, text: string) => {
  const p = join(pki.dir, name);
  writeFileSync(p, text);
  return p;
};

test('HTTPS with a private CA: marathon.cluster.caFile is trusted for Marathon and the Mesos master', async () => {
  const c = await cluster({ kind: 'none' }, {}, true);
  const s: ClusterSettings = { marathonUrl: c.marathonUrl, mesosUrl: c.mesosUrl, bridgeApp: '/dvdi-bridge' };
  // Without the CA the certificate is not trusted: the failure the user saw.
  await assert.rejects(fetchClusterView(s, undefined, 3000), /TLS failed \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\): check marathon\.cluster\.caFile/);
  const view = await fetchClusterView({ ...s, caFile: pki.paths.ca }, undefined, 3000);
  assert.deepEqual(view.bridges.map((b) => b.hostname), ['10.0.0.1']);
  assert.equal(view.agents.length, 1);
});

test('a CA file that cannot be read is named by its setting', async () => {
  const c = await cluster({ kind: 'none' }, {}, true);
  const missing = join(pki.dir, 'no-such-ca.pem');
  await assert.rejects(fetchClusterView({ marathonUrl: c.marathonUrl, mesosUrl: c.mesosUrl, bridgeApp: '/dvdi-bridge', caFile: missing }, undefined, 3000), (e: Error) => {
    assert.match(e.message, /^marathon\.cluster\.caFile .*no-such-ca\.pem: cannot read the CA file \(ENOENT\)/);
    return true;
  });
});

test('a DC/OS token in marathon.cluster.tokenFile is sent to Marathon; without any token, Marathon\'s 401 says what to set', async () => {
  const c = await cluster({ kind: 'token', token: TOKEN }, {}, false);
  const s: ClusterSettings = { marathonUrl: c.marathonUrl, mesosUrl: c.mesosUrl, bridgeApp: '/dvdi-bridge' };
  await assert.rejects(fetchClusterView(s, undefined, 3000), (e: Error) => {
    assert.match(e.message, /HTTP 401 unauthorized \(oauthjwt\)/);
    // The editor's remedies, not marathon-lint's flags.
    assert.match(e.message, /"Marathon: Connect to Cluster".*marathon\.cluster\.tokenFile/);
    assert.doesNotMatch(e.message, /--marathon-token-file/);
    return true;
  });
  const view = await fetchClusterView({ ...s, tokenFile: file('dcos-token', `${TOKEN}\n`) }, undefined, 3000);
  assert.deepEqual(view.bridges.map((b) => b.hostname), ['10.0.0.1']);
  assert.ok(c.marathon.requests.some((r) => r.authorized), 'the token was sent');
  // The token from "Marathon: Connect to Cluster" (SecretStorage) wins over the file, as in the server.
  await assert.rejects(fetchClusterView({ ...s, tokenFile: file('dcos-token', `${TOKEN}\n`) }, 'a-stale-token', 3000), /HTTP 401/);
});

test('the same token serves the Mesos master (DC/OS); without it the master\'s 401 names the editor\'s settings too', async () => {
  const c = await cluster({ kind: 'none' }, { dcosToken: TOKEN }, false);
  const s: ClusterSettings = { marathonUrl: c.marathonUrl, mesosUrl: c.mesosUrl, bridgeApp: '/dvdi-bridge' };
  await assert.rejects(fetchClusterView(s, undefined, 3000), (e: Error) => {
    assert.match(e.message, /\/master\/slaves: 401 unauthorized/);
    assert.match(e.message, /"Marathon: Connect to Cluster".*marathon\.cluster\.tokenFile/);
    assert.doesNotMatch(e.message, /--marathon-token-file/);
    return true;
  });
  assert.equal((await fetchClusterView({ ...s, tokenFile: file('dcos-token', TOKEN) }, undefined, 3000)).agents.length, 1);
  assert.equal((await fetchClusterView(s, TOKEN, 3000)).agents.length, 1);
});

test('user:password in marathon.cluster.credentialsFile is basic auth for Marathon and the master', async () => {
  const c = await cluster({ kind: 'basic', user: 'ops', password: 'p:ss' }, { basic: { user: 'ops', password: 'p:ss' } }, false);
  const view = await fetchClusterView({ marathonUrl: c.marathonUrl, mesosUrl: c.mesosUrl, bridgeApp: '/dvdi-bridge', credentialsFile: file('creds', 'ops:p:ss\n') }, undefined, 3000);
  assert.deepEqual(view.bridges.map((b) => b.hostname), ['10.0.0.1']);
});

test('the settings as VS Code gives them: the access files and the timeout kept, a value of the wrong type dropped as the server drops it', () => {
  const raw = { url: 'https://dcos.example/service/marathon/', mesosUrl: '', bridgeApp: '', acceptedResourceRolesDefaultBehavior: 'unreserved', tokenFile: ' /run/secrets/dcos-token ', credentialsFile: '', caFile: '/etc/ssl/dcos-ca.crt', timeoutSeconds: 5, pollSeconds: 30 };
  assert.deepEqual(readClusterSettings(raw), {
    marathonUrl: 'https://dcos.example/service/marathon',
    mesosUrl: 'https://dcos.example/mesos',
    bridgeApp: '/dvdi-bridge',
    acceptedRolesDefault: 'unreserved',
    tokenFile: '/run/secrets/dcos-token',
    caFile: '/etc/ssl/dcos-ca.crt',
    timeoutSeconds: 5,
  });
  assert.deepEqual(readClusterSettings({ ...raw, caFile: 7, timeoutSeconds: -1 }), { marathonUrl: 'https://dcos.example/service/marathon', mesosUrl: 'https://dcos.example/mesos', bridgeApp: '/dvdi-bridge', acceptedRolesDefault: 'unreserved', tokenFile: '/run/secrets/dcos-token' });
  assert.equal(readClusterSettings({ url: '  ' }), undefined);
  assert.equal(readClusterSettings(undefined), undefined);
});

test('a marathon.cluster.mesosUrl without http:// is named by its setting, without the password written in it', async () => {
  const c = await cluster({ kind: 'none' }, {}, false);
  for (const mesosUrl of ['leader.mesos:5050', 'ops:s3cret@leader.mesos:5050']) {
    await assert.rejects(fetchClusterView({ marathonUrl: c.marathonUrl, mesosUrl, bridgeApp: '/dvdi-bridge' }, undefined, 3000), (e: Error) => {
      assert.match(e.message, /"leader\.mesos:5050\/master\/slaves" is not an http:\/\/ or https:\/\/ URL: write marathon\.cluster\.mesosUrl with its scheme, e\.g\. http:\/\/leader\.mesos:5050/);
      assert.doesNotMatch(e.message, /s3cret/);
      return true;
    });
  }
});

test('Test mount with a token file given as a relative path or a URL the server refuses: the server\'s sentence, before any request', async () => {
  const rel = readClusterSettings({ url: 'http://127.0.0.1:9', mesosUrl: 'http://127.0.0.1:9', tokenFile: 'dcos-token' });
  await assert.rejects(fetchClusterView(rel!, undefined), /^Error: marathon\.cluster\.tokenFile "dcos-token" is a relative path/);
  const bare = readClusterSettings({ url: 'marathon.mesos:8080', mesosUrl: 'http://127.0.0.1:9' });
  await assert.rejects(fetchClusterView(bare!, undefined), /^Error: marathon\.cluster\.url "marathon\.mesos:8080" is not an http:\/\/ or https:\/\/ URL/);
});
