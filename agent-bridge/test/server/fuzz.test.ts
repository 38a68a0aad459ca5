/**
 * Random frames at the JSON-RPC layer: whatever arrives, the server answers with valid JSON-RPC 2.0 (or stays
 * silent for notifications and client responses, or closes cleanly), never dies, and keeps serving others.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { connect, startHarness, until, type Harness, type RpcClient } from './harness';
import { startRealRunner, type RealRunner } from './realRunner';

const METHODS = ['bridge/info', 'volume/dryRunMount', 'volume/list', '$/cancelRequest', 'volume/dryRunProgress', 'x', ''];

/** Messages that look like JSON-RPC, with every field sometimes wrong. */
const rpcLike = fc.record(
  {
    jsonrpc: fc.oneof(fc.constant('2.0'), fc.constant('1.0'), fc.jsonValue()),
    id: fc.oneof(fc.integer(), fc.string({ maxLength: 140 }), fc.constant(null), fc.double(), fc.jsonValue()),
    method: fc.oneof(fc.constantFrom(...METHODS), fc.string(), fc.jsonValue()),
    params: fc.oneof(
      fc.record({ driver: fc.oneof(fc.constant('local'), fc.string(), fc.jsonValue()), name: fc.oneof(fc.constant('fuzz'), fc.string(), fc.string({ unit: 'grapheme' }), fc.jsonValue()), options: fc.oneof(fc.dictionary(fc.string(), fc.string()), fc.jsonValue()), mode: fc.oneof(fc.constantFrom('RW', 'RO'), fc.jsonValue()), engine: fc.jsonValue(), allowCreate: fc.jsonValue(), id: fc.jsonValue() }, { requiredKeys: [] }),
      fc.jsonValue(),
    ),
    result: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

/** Well-formed dry runs on the local driver, often on the existing volume "fuzz": real mounts, lock contention. */
const dryRun = fc
  .record({ id: fc.oneof(fc.integer(), fc.string({ maxLength: 20 })), name: fc.oneof(fc.constant('fuzz'), fc.string()), engine: fc.constantFrom(undefined, 'plugin', 'docker-volume', 'dvdi-module'), options: fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }) })
  .map(({ id, name, engine, options }) => JSON.stringify({ jsonrpc: '2.0', id, method: 'volume/dryRunMount', params: { driver: 'local', name, options, ...(engine ? { engine } : {}) } }));

const frame = fc.oneof(
  rpcLike.map((m) => JSON.stringify(m)),
  dryRun,
  fc.array(rpcLike, { maxLength: 3 }).map((a) => JSON.stringify(a)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
);

function isValidResponse(m: any): boolean {
  if (typeof m !== 'object' || m === null || m.jsonrpc !== '2.0') return false;
  if (m.method === 'volume/dryRunProgress') return typeof m.params?.step === 'string' && !('id' in m);
  const idOk = m.id === null || typeof m.id === 'string' || Number.isInteger(m.id);
  const one = ('result' in m) !== ('error' in m);
  const errOk = !('error' in m) || (Number.isInteger(m.error.code) && typeof m.error.message === 'string' && m.error.message.length > 0);
  return idOk && one && errOk;
}

describe('bridge server: random frames (fast-check)', () => {
  let h: Harness;
  let c: RpcClient;
  const received: unknown[] = [];
  let real: RealRunner;
  before(async () => {
    // The real runner and local driver: "fuzz" exists, so some random requests really mount (and contend for its lock).
    real = await startRealRunner('fuzz');
    await real.createVolumes('fuzz');
    h = await startHarness(real.runner, { maxConcurrentPerConnection: 64 });
    c = await connect(h.bridge.url);
    c.ws.on('message', (d) => received.push(JSON.parse(d.toString())));
  });
  after(async () => {
    c?.ws.close();
    await h?.close();
    await real?.close();
  });

  it('answers every frame with valid JSON-RPC or nothing, and keeps serving', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(frame, async (text) => {
        const before = received.length;
        c.send(text);
        // A fence: the answer to this request arrives after anything the random frame caused (except
        // dry runs, which answer later and are checked by a later round or at the end).
        const fence = await c.request('bridge/info', undefined, `fence-${n++}`);
        assert.equal(fence.result?.version, '0.1.0', `server stopped answering after ${JSON.stringify(text).slice(0, 200)}`);
        for (const m of received.slice(before)) assert.ok(isValidResponse(m), `invalid answer ${JSON.stringify(m).slice(0, 300)} to ${JSON.stringify(text).slice(0, 200)}`);
      }),
      { numRuns: 400 },
    );
    // Dry runs still running answer later; let them finish and check those answers too.
    const checked = received.length;
    await until(async () => (await real.mounts()).length === 0, 10_000, 'in-flight dry runs to release');
    await new Promise((r) => setTimeout(r, 500));
    assert.ok(h.logs.some((l) => l.event === 'request' && l.verdict === 'mounted-and-released'), 'some random dry runs really mounted and released');
    for (const m of received.slice(checked)) assert.ok(isValidResponse(m), `invalid late answer ${JSON.stringify(m).slice(0, 300)}`);
    assert.equal(c.ws.readyState, c.ws.OPEN);
    const res = await fetch(h.httpUrl + '/healthz');
    assert.equal(res.status, 200);
  });

  it('survives random bytes on the raw TCP socket and random upgrade headers', async () => {
    const net = await import('node:net');
    const port = Number(new URL(h.httpUrl).port);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.string({ maxLength: 200 }), async (bytes, header) => {
        await new Promise<void>((resolve) => {
          const s = net.connect(port, '127.0.0.1', () => {
            s.write(`GET /v1 HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nAuthorization: ${header.replace(/[\r\n]/g, '')}\r\n\r\n`);
            s.write(bytes);
            s.end();
          });
          s.on('error', () => resolve());
          s.on('close', () => resolve());
          s.resume();
        });
      }),
      { numRuns: 100 },
    );
    assert.equal((await c.request('bridge/info')).result.version, '0.1.0');
  });
});
