import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { ADMIN_TOKEN, CI_TOKEN, connect, startHarness, until, type Harness } from './harness';
import { startRealRunner, type RealRunner } from './realRunner';

let real: RealRunner;
before(async () => {
  real = await startRealRunner('auth');
});
after(() => real.close());

describe('bridge server: upgrade checks and /healthz', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness(real.runner, { allowedOrigins: ['https://ops.example.com'] });
  });
  after(() => h.close());

  const status = (p: Promise<unknown>) => p.then(() => 101, (e: { status?: number }) => e.status ?? -1);

  it('refuses a connection without a token with HTTP 401', async () => {
    assert.equal(await status(connect(h.bridge.url, { token: null })), 401);
  });

  it('refuses a wrong token with 401 and never logs the token', async () => {
    assert.equal(await status(connect(h.bridge.url, { token: 'not-the-token-0123456789abcdef' })), 401);
    assert.equal(await status(connect(h.bridge.url, { token: null, headers: { authorization: `Basic ${ADMIN_TOKEN}` } })), 401);
    await until(() => h.logs.filter((l) => l.why === 'unknown token').length >= 1);
    const all = JSON.stringify(h.logs);
    assert.ok(!all.includes('not-the-token'), 'a presented token must not appear in the logs');
    assert.ok(!all.includes(ADMIN_TOKEN));
  });

  it('checks the token before the connection limits: 16 per token, so one holder cannot lock others out; no token is 401, never 503', async () => {
    const mine = [];
    for (let i = 0; i < 16; i++) mine.push(await connect(h.bridge.url, { token: CI_TOKEN }));
    assert.equal(await status(connect(h.bridge.url, { token: CI_TOKEN })), 503);
    assert.ok(h.logs.some((l) => l.why === 'connection limit' && l.token === 'ci'));
    // Another token still gets in; a client without one learns nothing about the load.
    const other = await connect(h.bridge.url);
    assert.equal(await status(connect(h.bridge.url, { token: null })), 401);
    other.ws.close();
    for (const c of mine) c.ws.close();
    await until(() => h.logs.filter((l) => l.event === 'disconnected').length >= 17);
  });

  it('answers 401 with a JSON body that says what to do', async () => {
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = httpRequest(h.httpUrl + '/v1', { headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' } });
      req.on('response', resolve).on('error', reject).end();
    });
    assert.equal(res.statusCode, 401);
    assert.match(res.headers['www-authenticate'] ?? '', /^Bearer/);
    let body = '';
    for await (const chunk of res) body += chunk;
    assert.match(JSON.parse(body).error, /Authorization: Bearer/);
  });

  it('refuses a browser origin with 403 even with a valid token', async () => {
    assert.equal(await status(connect(h.bridge.url, { origin: 'https://evil.example.net' })), 403);
    assert.equal(await status(connect(h.bridge.url, { origin: 'null' })), 403);
  });

  it('accepts an origin passed with --allow-origin (case and default port normalised)', async () => {
    const c = await connect(h.bridge.url, { origin: 'HTTPS://ops.example.com:443' });
    const r = await c.request('bridge/info');
    assert.equal(r.result.version, '0.1.0');
    c.ws.close();
  });

  it('accepts a browser-style token in the subprotocol list from an allowed origin, never echoing it', async () => {
    const c = await connect(h.bridge.url, { token: null, origin: 'https://ops.example.com', protocols: ['dvdi-bridge.v1', `bearer.${ADMIN_TOKEN}`] });
    assert.equal(c.ws.protocol, 'dvdi-bridge.v1');
    assert.equal((await c.request('bridge/info')).result.version, '0.1.0');
    c.ws.close();
    assert.equal(await status(connect(h.bridge.url, { token: null, origin: 'https://ops.example.com', protocols: ['dvdi-bridge.v1', 'bearer.wrong-token-000000000000'] })), 401);
  });

  it('accepts a valid token and answers bridge/info', async () => {
    const c = await connect(h.bridge.url);
    const r = await c.request('bridge/info', {});
    assert.deepEqual(Object.keys(r.result).sort(), ['agent', 'drivers', 'engines', 'version']);
    assert.deepEqual(r.result.drivers.map((d: { name: string }) => d.name), ['local']);
    assert.deepEqual(r.result.drivers[0].capabilities, { Scope: 'local' }, 'asked the embedded driver itself');
    assert.deepEqual(r.result.engines, ['docker-volume', 'dvdi-module', 'plugin']);
    c.ws.close();
  });

  it('refuses websocket upgrades on other paths with 404', async () => {
    assert.equal(await status(connect(h.bridge.url.replace('/v1', '/v2'))), 404);
  });

  it('serves /healthz without a token and without secrets', async () => {
    const res = await fetch(h.httpUrl + '/healthz');
    assert.equal(res.status, 200);
    const body = (await res.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), ['ok', 'uptimeS', 'version']);
    assert.equal(body.ok, true);
    assert.equal(typeof body.uptimeS, 'number');
    assert.equal((await fetch(h.httpUrl + '/nope')).status, 404);
    assert.equal((await fetch(h.httpUrl + '/healthz', { method: 'POST' })).status, 405);
  });
});

describe('bridge server: heartbeat', () => {
  it('disconnects a client that stops answering pings, keeps one that answers', async () => {
    const h = await startHarness(real.runner, { heartbeatMs: 100 });
    const silent = await connect(h.bridge.url, { autoPong: false });
    const healthy = await connect(h.bridge.url);
    const t0 = Date.now();
    await silent.closed;
    assert.ok(Date.now() - t0 < 1000);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(healthy.ws.readyState, healthy.ws.OPEN);
    assert.equal((await healthy.request('bridge/info')).result.version, '0.1.0');
    assert.ok(h.logs.some((l) => l.event === 'heartbeat-timeout'));
    healthy.ws.close();
    await h.close();
  });
});
