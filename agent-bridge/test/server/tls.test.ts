import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeTestPki, type TestPki } from './certs';
import { connect, startHarness, until, type Harness } from './harness';
import { startRealRunner, type RealRunner } from './realRunner';

describe('bridge server over TLS', () => {
  let pki: TestPki;
  let real: RealRunner;
  before(async () => {
    pki = makeTestPki();
    real = await startRealRunner('tls');
    await real.createVolumes('tls-vol');
  });
  after(() => real.close());

  describe('server certificate only', () => {
    let h: Harness;
    before(async () => {
      h = await startHarness(real.runner, { tls: { cert: pki.serverCert, key: pki.serverKey } });
    });
    after(() => h.close());

    it('serves wss:// to a client that trusts the CA', async () => {
      assert.match(h.bridge.url, /^wss:\/\/127\.0\.0\.1:\d+\/v1$/);
      const c = await connect(h.bridge.url, { ca: pki.ca });
      assert.equal((await c.request('bridge/info')).result.version, '0.1.0');
      c.ws.close();
    });

    it('is refused by a client that does not trust the certificate', async () => {
      await assert.rejects(connect(h.bridge.url), /self[- ]signed|unable to verify|certificate/i);
    });

    it('still requires the token over TLS', async () => {
      await assert.rejects(connect(h.bridge.url, { ca: pki.ca, token: null }), (e: { status?: number }) => e.status === 401);
    });
  });

  describe('client certificates required (--tls-client-ca)', () => {
    let h: Harness;
    before(async () => {
      h = await startHarness(real.runner, { tls: { cert: pki.serverCert, key: pki.serverKey, clientCa: pki.ca } });
    });
    after(() => h.close());

    it('refuses a client without a certificate in the TLS handshake', async () => {
      await assert.rejects(connect(h.bridge.url, { ca: pki.ca }), (e: Error & { status?: number }) => e.status === undefined);
      await until(() => h.logs.some((l) => l.event === 'tls-refused' || l.event === 'client-error'));
    });

    it('refuses a certificate from another CA', async () => {
      await assert.rejects(connect(h.bridge.url, { ca: pki.ca, cert: pki.strangerCert, key: pki.strangerKey }), (e: Error & { status?: number }) => e.status === undefined);
    });

    it('accepts a certificate from the CA, plus the token, and logs the certificate name', async () => {
      const c = await connect(h.bridge.url, { ca: pki.ca, cert: pki.clientCert, key: pki.clientKey });
      const r = await c.request('volume/dryRunMount', { driver: 'local', name: 'tls-vol' }, 'tls-1');
      assert.equal(r.result.verdict, 'mounted-and-released', JSON.stringify(r));
      assert.match(r.result.mountpoint, /\/local-driver\/mounts\/tls-vol$/);
      await until(() => h.logs.some((l) => l.id === 'tls-1'));
      assert.equal(h.logs.find((l) => l.id === 'tls-1')!.clientCert, 'client');
      c.ws.close();
    });

    it('with a client certificate but no token, still answers 401', async () => {
      await assert.rejects(connect(h.bridge.url, { ca: pki.ca, cert: pki.clientCert, key: pki.clientKey, token: null }), (e: { status?: number }) => e.status === 401);
    });

    it('keeps /healthz behind the client certificate too (TLS is checked before HTTP)', async () => {
      const https = await import('node:https');
      const status = (opts: object) => new Promise<number | string>((resolve) => {
        https.get(h.httpUrl + '/healthz', { ca: pki.ca, ...opts }, (res) => (res.resume(), resolve(res.statusCode!))).on('error', (e) => resolve(e.message));
      });
      assert.equal(await status({ cert: pki.clientCert, key: pki.clientKey }), 200);
      assert.notEqual(await status({}), 200);
    });
  });
});
