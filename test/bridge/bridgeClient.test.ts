/** The bridge client against the REAL dvdi-bridge (shipped bundle, embedded local driver): no mock server. */
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { BridgeConnection, bridgeEndpoint, type DryRunProgress } from '../../agent-bridge/src/client/bridgeClient';
import { BridgeError } from '../../agent-bridge/src/client/bridgeErrors';
import { probeAgent } from '../../agent-bridge/src/client/healthProbe';
import { mountsUnder, startRealBridge, type RealBridge } from '../e2e/realBridge';

async function rejectsWith(p: Promise<unknown>, kind: BridgeError['kind'], message: RegExp): Promise<BridgeError> {
  const e = await p.then(
    () => assert.fail(`expected a ${kind} error`),
    (err: unknown) => err,
  );
  assert.ok(e instanceof BridgeError, `a BridgeError, got ${String(e)}`);
  assert.equal(e.kind, kind, e.message);
  assert.match(e.message, message);
  return e;
}

describe('bridge client against the real dvdi-bridge', () => {
  let bridge: RealBridge;
  before(async () => {
    bridge = await startRealBridge();
  });
  after(async () => {
    await bridge?.stop();
  });

  it('normalises agent URLs to the /v1 path', () => {
    assert.equal(bridgeEndpoint('ws://a:1'), 'ws://a:1/v1');
    assert.equal(bridgeEndpoint('ws://a:1/'), 'ws://a:1/v1');
    assert.equal(bridgeEndpoint(' wss://a:1/v1/ '), 'wss://a:1/v1');
  });

  it('reads bridge/info: the embedded local driver and the engines it can run', async () => {
    const c = await BridgeConnection.connect(bridge.url, bridge.token);
    try {
      const info = await c.info();
      assert.ok(info.drivers.some((d) => d.name === 'local'), JSON.stringify(info));
      assert.ok(info.engines.includes('plugin'), JSON.stringify(info));
    } finally {
      c.close();
    }
  });

  it('reports would-create for a volume that does not exist, and creates nothing', async () => {
    const c = await BridgeConnection.connect(bridge.url, bridge.token);
    try {
      const r = await c.dryRunMount({ driver: 'local', name: 'ext-missing' }, () => undefined);
      assert.equal(r.verdict, 'would-create', JSON.stringify(r));
      assert.deepEqual((await c.listVolumes('local')).volumes.filter((v) => v.name === 'ext-missing'), []);
    } finally {
      c.close();
    }
  });

  it('mounts and releases an existing volume, with progress and the mountpoint; nothing stays mounted', async () => {
    await bridge.createVolume('ext-data');
    const c = await BridgeConnection.connect(bridge.url, bridge.token);
    const progress: DryRunProgress[] = [];
    try {
      const r = await c.dryRunMount({ driver: 'local', name: 'ext-data', containerPath: '/data', mode: 'RW' }, (p) => progress.push(p));
      assert.equal(r.verdict, 'mounted-and-released', JSON.stringify(r.steps));
      assert.ok(r.mountpoint?.startsWith(bridge.stateDir), `the result names the mountpoint under the state dir: ${r.mountpoint}`);
      assert.ok(progress.some((p) => p.step === 'mount' && p.status === 'started'), JSON.stringify(progress));
      assert.ok(progress.some((p) => p.step === 'mount' && p.status === 'ok'), JSON.stringify(progress));
      assert.deepEqual(mountsUnder(bridge.stateDir), [], 'nothing under the state dir is still mounted');
      const listed = (await c.listVolumes('local')).volumes.find((v) => v.name === 'ext-data');
      assert.equal(listed?.inUse, false);
    } finally {
      c.close();
    }
  });

  it('cancels a running dry run with $/cancelRequest; the bridge confirms and nothing stays mounted', async () => {
    await bridge.createVolume('ext-cancel');
    const c = await BridgeConnection.connect(bridge.url, bridge.token);
    const abort = new AbortController();
    try {
      const run = c.dryRunMount({ driver: 'local', name: 'ext-cancel' }, (p) => {
        if (p.step === 'mount' && p.status === 'started') abort.abort();
      }, abort.signal);
      // Said from what the bridge's release path did, not assumed: here it unmounted and saw the mount gone.
      await rejectsWith(run, 'cancelled', /^Cancelled\. On the agent at ws:\/\/\S+, what it mounted at \S+ext-cancel\S* was released\.$/);
      // The client rejects at once; the bridge logs the request when its run has stopped, a moment later.
      const find = () => bridge.logs.find((l) => l.event === 'request' && l.name === 'ext-cancel');
      for (const end = Date.now() + 10_000; !find() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 20));
      const line = find();
      assert.ok(line, `the bridge logged the request: ${JSON.stringify(bridge.logs.slice(-5))}`);
      assert.deepEqual(mountsUnder(bridge.stateDir), [], 'nothing stays mounted once the run has stopped');
      assert.equal(line.code, -32800, `the bridge answered "request cancelled": ${JSON.stringify(line)}`);
    } finally {
      c.close();
    }
  });

  it('turns a JSON-RPC error into a message naming the method and the bridge reason', async () => {
    const c = await BridgeConnection.connect(bridge.url, bridge.token);
    try {
      await rejectsWith(c.dryRunMount({ driver: 'local', name: '--volumedriver=x' }, () => undefined), 'rpc', /refused volume\/dryRunMount: .*name/);
    } finally {
      c.close();
    }
  });

  it('says the token was rejected (401) and what to do', async () => {
    await rejectsWith(BridgeConnection.connect(bridge.url, 'not-the-token'), 'unauthorized', /rejected the token \(HTTP 401\).*--token-file/);
    assert.ok(!JSON.stringify(bridge.logs).includes(bridge.token), 'the real token never reaches the bridge log');
  });

  it('a token with a character no HTTP header carries (a pasted zero-width space) is named as the token\'s fault, not the URL\'s', async () => {
    await rejectsWith(BridgeConnection.connect(bridge.url, `${bridge.token}\u200b`), 'unauthorized', /^The token for ws:\/\/\S+ contains U\+200B, which an HTTP Authorization header cannot carry; it was not sent\./);
  });

  it('says when the agent is unreachable', async () => {
    const port = await new Promise<number>((res) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => res(p));
      });
    });
    await rejectsWith(BridgeConnection.connect(`ws://127.0.0.1:${port}`, bridge.token), 'unreachable', /Cannot reach the agent at .*ECONNREFUSED.*Is dvdi-bridge running/);
    assert.equal(await probeAgent(`ws://127.0.0.1:${port}`), false);
    assert.equal(await probeAgent(bridge.url), true);
  });

  it('says when TLS fails (wss:// to a plain ws:// bridge)', async () => {
    await rejectsWith(BridgeConnection.connect(bridge.url.replace('ws://', 'wss://'), bridge.token), 'tls', /TLS handshake .* failed/);
  });

  it('says when the agent accepts TCP but never answers (timeout)', async () => {
    const sockets: Socket[] = [];
    // A port that swallows the handshake, like a firewall or a wedged process: not a bridge stand-in.
    const blackHole: Server = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => blackHole.listen(0, '127.0.0.1', () => r()));
    try {
      const port = (blackHole.address() as { port: number }).port;
      await rejectsWith(BridgeConnection.connect(`ws://127.0.0.1:${port}`, bridge.token, { connectTimeoutMs: 500 }), 'timeout', /did not answer within 1 s/);
    } finally {
      for (const s of sockets) s.destroy();
      blackHole.close();
    }
  });

  it('Cancel while connecting to an agent that never answers: rejects at once as cancelled, and no late timeout follows', async () => {
    const sockets: Socket[] = [];
    const blackHole: Server = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => blackHole.listen(0, '127.0.0.1', () => r()));
    try {
      const port = (blackHole.address() as { port: number }).port;
      const abort = new AbortController();
      const started = Date.now();
      const late: unknown[] = [];
      process.on('unhandledRejection', (e) => late.push(e));
      const p = BridgeConnection.connect(`ws://127.0.0.1:${port}`, bridge.token, { connectTimeoutMs: 1000, signal: abort.signal });
      setTimeout(() => abort.abort(), 200);
      await rejectsWith(p, 'cancelled', /^Cancelled while connecting to the agent at ws:\/\/127\.0\.0\.1:\d+; nothing was sent to it\.$/);
      assert.ok(Date.now() - started < 900, `cancelled before the 1 s handshake timeout (${Date.now() - started} ms)`);
      await new Promise((r) => setTimeout(r, 1300)); // past the handshake timeout: nothing else may surface
      assert.deepEqual(late, []);
      await rejectsWith(BridgeConnection.connect(`ws://127.0.0.1:${port}`, bridge.token, { signal: AbortSignal.abort() }), 'cancelled', /Cancelled while connecting/);
    } finally {
      for (const s of sockets) s.destroy();
      blackHole.close();
    }
  });

  it('a request after the bridge closed the connection fails as closed, not at its timeout as a hung plugin', async () => {
    const restarting = await startRealBridge();
    const c = await BridgeConnection.connect(restarting.url, restarting.token);
    try {
      assert.ok((await c.info()).engines.length > 0);
      // The bridge restarts (Marathon redeploys it) while a client still holds the connection, e.g. between two
      // volumes of one app in `dry-run --app`.
      const ws = (c as unknown as { ws: WebSocket }).ws;
      const closed = once(ws, 'close');
      await restarting.stop();
      await closed;
      await rejectsWith(c.dryRunMount({ driver: 'local', name: 'after-close' }, () => undefined, undefined, 2000), 'closed', /closed the connection \(1001: dvdi-bridge is shutting down\)/);
      await rejectsWith(c.info(), 'closed', /closed the connection/);
    } finally {
      c.close();
      await restarting.stop();
    }
  });

  it('Cancel during bridge/info rejects at once as cancelled', async () => {
    const c = await BridgeConnection.connect(bridge.url, bridge.token);
    try {
      await rejectsWith(c.info(AbortSignal.abort()), 'cancelled', /bridge\/info .* was abandoned/);
      assert.ok((await c.info()).engines.length > 0, 'the connection still works');
    } finally {
      c.close();
    }
  });
});
