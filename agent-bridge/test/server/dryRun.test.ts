import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CI_TOKEN, connect, startHarness, until, type Harness } from './harness';
import { createSeamRunner, isReleased, type SeamRunner } from './seamRunner';

const POLICY = JSON.stringify({
  admin: { allowCreate: true },
  ci: { allowedDrivers: ['seam'], volumeNamePatterns: ['ci-[a-z0-9-]+'] },
});

describe('bridge server: dry runs through the seam', () => {
  let h: Harness;
  let runner: SeamRunner;
  before(async () => {
    runner = createSeamRunner(400);
    h = await startHarness(runner, { policy: POLICY, maxConcurrentPerConnection: 2 });
  });
  after(() => h.close());

  it('sends volume/dryRunProgress notifications carrying the request id before the result', async () => {
    const c = await connect(h.bridge.url);
    const r = await c.request('volume/dryRunMount', { driver: 'seam', name: 'progress' }, 'p1');
    assert.equal(r.result.verdict, 'mounted-and-released');
    const seen = c.notifications.filter((n) => n.params.id === 'p1').map((n) => `${n.params.step}:${n.params.status}`);
    assert.deepEqual(seen, ['get:started', 'get:ok', 'mount:started', 'mount:ok', 'unmount:started', 'unmount:ok']);
    assert.ok(c.notifications.every((n) => n.method === 'volume/dryRunProgress'));
    assert.deepEqual(r.result.steps.map((s: { step: string }) => s.step), ['get', 'mount', 'unmount']);
    c.ws.close();
  });

  it('cancels on $/cancelRequest: answers -32800 with the steps, and the mount is released', async () => {
    const c = await connect(h.bridge.url);
    const mounted = runner.whenMounted();
    const t0 = performance.now();
    const pending = c.request('volume/dryRunMount', { driver: 'seam', name: 'cancel-me' }, 'c1');
    await mounted;
    c.send({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 'c1' } });
    const r = await pending;
    assert.ok(performance.now() - t0 < 350, 'the cancel cut the 400 ms hold short');
    assert.equal(r.error.code, -32800);
    assert.ok(r.error.data.steps.some((s: { step: string }) => s.step === 'unmount'));
    assert.ok(isReleased(runner.mounted.at(-1)!));
    c.ws.close();
  });

  it('aborts on a dropped connection and the runner still releases; the server logs it', async () => {
    const c = await connect(h.bridge.url);
    const mounted = runner.whenMounted();
    void c.request('volume/dryRunMount', { driver: 'seam', name: 'dropped' }, 'd1');
    await mounted;
    const mountpoint = runner.mounted.at(-1)!;
    assert.ok(!isReleased(mountpoint));
    c.ws.terminate();
    await until(() => h.logs.some((l) => l.id === 'd1'));
    assert.ok(isReleased(mountpoint));
    const line = h.logs.find((l) => l.id === 'd1')!;
    assert.equal(line.outcome, 'disconnected');
    assert.ok((line.ms as number) < 350, `aborted quickly (${line.ms} ms)`);
  });

  it('limits concurrent requests per connection', async () => {
    const c = await connect(h.bridge.url);
    const a = c.request('volume/dryRunMount', { driver: 'seam', name: 'a' });
    const b = c.request('volume/dryRunMount', { driver: 'seam', name: 'b' });
    const third = await c.request('volume/dryRunMount', { driver: 'seam', name: 'c' });
    assert.equal(third.error.code, -32001);
    assert.match(third.error.message, /too many concurrent requests/);
    assert.equal((await a).result.verdict, 'mounted-and-released');
    assert.equal((await b).result.verdict, 'mounted-and-released');
    c.ws.close();
  });

  it('refuses a request id already running on the connection', async () => {
    const c = await connect(h.bridge.url);
    const answers: any[] = [];
    c.ws.on('message', (d) => {
      const m = JSON.parse(d.toString());
      if (m.id === 'same') answers.push(m);
    });
    c.send({ jsonrpc: '2.0', id: 'same', method: 'volume/dryRunMount', params: { driver: 'seam', name: 'dup' } });
    c.send({ jsonrpc: '2.0', id: 'same', method: 'bridge/info' });
    await until(() => answers.length === 2);
    assert.equal(answers[0].error.code, -32600, 'the duplicate is refused at once');
    assert.match(answers[0].error.message, /already used/);
    assert.equal(answers[1].result.verdict, 'mounted-and-released', 'the first request is unaffected');
    c.ws.close();
  });

  it('applies the policy of the token: verdict refused for a driver or name outside it', async () => {
    const c = await connect(h.bridge.url, { token: CI_TOKEN });
    const mountsBefore = runner.mounted.length;
    const badName = await c.request('volume/dryRunMount', { driver: 'seam', name: 'prod-db' });
    assert.equal(badName.result.verdict, 'refused');
    assert.match(badName.result.steps[0].detail, /volumeNamePatterns/);
    const badDriver = await c.request('volume/dryRunMount', { driver: 'rexray', name: 'ci-x' });
    assert.equal(badDriver.result.verdict, 'refused');
    assert.match(badDriver.result.steps[0].detail, /not allowed for this token/);
    assert.equal(runner.mounted.length, mountsBefore, 'nothing was mounted');
    const list = await c.request('volume/list', { driver: 'rexray' });
    assert.equal(list.error.code, -32003);
    const ok = await c.request('volume/dryRunMount', { driver: 'seam', name: 'ci-vol-1' });
    assert.equal(ok.result.verdict, 'mounted-and-released');
    await until(() => h.logs.some((l) => l.token === 'ci' && l.verdict === 'refused'));
    c.ws.close();
  });

  it('answers volume/list, and a driver error as a JSON-RPC error with the reason', async () => {
    const c = await connect(h.bridge.url);
    assert.deepEqual((await c.request('volume/list', { driver: 'seam' })).result, { volumes: [{ name: 'v1', inUse: false }] });
    const e = await c.request('volume/list', { driver: 'nosuch' });
    assert.equal(e.error.code, -32000);
    assert.match(e.error.message, /nosuch/);
    c.ws.close();
  });

  it('on shutdown, waits for running dry runs to release before closing', async () => {
    const r2 = createSeamRunner(5000);
    const h2 = await startHarness(r2);
    const c = await connect(h2.bridge.url);
    const mounted = r2.whenMounted();
    const pending = c.request('volume/dryRunMount', { driver: 'seam', name: 'at-shutdown' });
    await mounted;
    await h2.close();
    assert.ok(isReleased(r2.mounted[0]));
    const closed = await c.closed;
    assert.equal(closed.code, 1001);
    void pending;
    await r2.close();
  });
});
