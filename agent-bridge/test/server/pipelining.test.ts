/**
 * Many requests pipelined on one socket, as a client that does not wait for each answer sends them. The
 * per-connection limit (--max-concurrent) is on requests that run; a request refused for its params never runs,
 * so it must be answered with its own -32602 naming the field, and take no slot from the requests after it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connect, startHarness, until, type Harness } from './harness';
import { startRealRunner, type RealRunner } from './realRunner';

describe('bridge server: pipelined requests on one connection', () => {
  let h: Harness;
  let real: RealRunner;
  before(async () => {
    real = await startRealRunner('pipeline');
    await real.createVolumes('pipe-vol');
    h = await startHarness(real.runner, { maxConcurrentPerConnection: 2 });
  });
  after(async () => {
    await h?.close();
    await real?.close();
  });

  it('invalid requests sent in one burst each get their own -32602, and the valid ones after them run', async () => {
    const c = await connect(h.bridge.url);
    const answers = new Map<number, any>();
    c.ws.on('message', (d) => {
      const m = JSON.parse(d.toString());
      if (typeof m.id === 'number') answers.set(m.id, m);
    });
    const burst: [number, string, unknown][] = [
      [1, 'volume/dryRunMount', { driver: 'local' }],
      [2, 'volume/dryRunMount', { driver: 'local', name: 'pipe-vol', mode: 'rw' }],
      [3, 'volume/dryRunMount', { driver: 'local', name: 'pipe-vol', options: { size: 5 } }],
      [4, 'volume/list', { driver: 7 }],
      [5, 'bridge/info', { verbose: true }],
      [6, 'volume/dryRunMount', { driver: 'local', name: 'pipe-vol' }],
      [7, 'volume/list', { driver: 'local' }],
    ];
    for (const [id, method, params] of burst) c.send({ jsonrpc: '2.0', id, method, params });
    await until(() => answers.size === burst.length, 10_000, 'an answer to every request');
    const fields = [1, 2, 3, 4, 5].map((id) => [answers.get(id).error?.code, answers.get(id).error?.data?.field]);
    assert.deepEqual(fields, [
      [-32602, 'params.name'],
      [-32602, 'params.mode'],
      [-32602, 'params.options.size'],
      [-32602, 'params.driver'],
      [-32602, 'params.verbose'],
    ]);
    assert.equal(answers.get(6).result?.verdict, 'mounted-and-released', JSON.stringify(answers.get(6)));
    assert.deepEqual(answers.get(7).result?.volumes?.map((v: { name: string }) => v.name), ['pipe-vol'], JSON.stringify(answers.get(7)));
    assert.deepEqual(await real.mounts(), []);
    c.ws.close();
  });

  it('valid requests beyond the limit are still refused with -32001 (the limit is on running requests)', async () => {
    const c = await connect(h.bridge.url);
    const answers = new Map<number, any>();
    c.ws.on('message', (d) => {
      const m = JSON.parse(d.toString());
      if (typeof m.id === 'number') answers.set(m.id, m);
    });
    for (const id of [11, 12, 13]) c.send({ jsonrpc: '2.0', id, method: 'volume/list', params: { driver: 'local' } });
    await until(() => answers.size === 3, 10_000, 'three answers');
    assert.equal(answers.get(13).error?.code, -32001, JSON.stringify(answers.get(13)));
    assert.ok(answers.get(11).result && answers.get(12).result);
    c.ws.close();
  });
});
