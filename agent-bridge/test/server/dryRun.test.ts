import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CI_TOKEN, connect, startHarness, until, type Harness, type RpcClient } from './harness';
import { startRealRunner, type RealRunner } from './realRunner';

const POLICY = JSON.stringify({
  admin: { allowCreate: true },
  ci: { allowedDrivers: ['local'], volumeNamePatterns: ['ci-[a-z0-9-]+'] },
});
/** The fault-plugin stand-in in `slow` mode: Mount answers after SLOW_MS (a real bind mount), for timing-dependent cases. */
const SLOW = 'slowfs';
const SLOW_MS = 800;

const stepNames = (r: any): string[] => (r.result ?? r.error?.data).steps.map((s: { step: string }) => s.step);
const mountStarted = (c: RpcClient, id: string) => until(() => c.notifications.some((n) => n.params.id === id && n.params.step === 'mount' && n.params.status === 'started'), 5000, `mount of ${id} to start`);

describe('bridge server: dry runs through the real runner', () => {
  let h: Harness;
  let real: RealRunner;
  before(async () => {
    real = await startRealRunner('dryrun', { faults: [{ driver: SLOW, mode: 'slow', delayMs: SLOW_MS }] });
    await real.createVolumes('ci-vol-1');
    h = await startHarness(real.runner, { policy: POLICY, maxConcurrentPerConnection: 2 });
  });
  after(async () => {
    await h?.close();
    await real?.close();
  });

  it('sends volume/dryRunProgress notifications carrying the request id, as the steps happen, before the result', async () => {
    const c = await connect(h.bridge.url);
    let answered = false;
    const pending = c.request('volume/dryRunMount', { driver: SLOW, name: 'progress' }, 'p1').then((r) => ((answered = true), r));
    await mountStarted(c, 'p1');
    assert.equal(answered, false, '"mount started" arrives while the (slow) mount is still running');
    const r = await pending;
    assert.equal(r.result.verdict, 'mounted-and-released', JSON.stringify(r));
    const seen = c.notifications.filter((n) => n.params.id === 'p1').map((n) => `${n.params.step}:${n.params.status}`);
    assert.deepEqual(seen, stepNames(r).flatMap((s) => [`${s}:started`, `${s}:ok`]));
    assert.ok(c.notifications.every((n) => n.method === 'volume/dryRunProgress'));
    assert.deepEqual(stepNames(r), ['validate', 'policy', 'discover', 'activate', 'get', 'in-use', 'hazards', 'mount', 'verify', 'in-use-recheck', 'unmount', 'verify-released']);
    assert.ok(r.result.steps.find((s: { step: string }) => s.step === 'mount').ms >= SLOW_MS - 50);
    assert.deepEqual(await real.mounts(), []);
    c.ws.close();
  });

  it('cancels on $/cancelRequest: answers -32800 with the steps, and the mount is released', async () => {
    const c = await connect(h.bridge.url);
    const pending = c.request('volume/dryRunMount', { driver: SLOW, name: 'cancel-me' }, 'c1');
    await mountStarted(c, 'c1');
    c.send({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 'c1' } });
    const r = await pending;
    assert.equal(r.error.code, -32800, JSON.stringify(r));
    // The runner lets the plugin finish the mount (cutting it short would leak it), then skips verify and releases.
    const steps = r.error.data.steps as { step: string; ok: boolean; detail?: string }[];
    assert.equal(steps.find((s) => s.step === 'verify')?.detail, 'skipped: cancelled');
    assert.deepEqual(steps.slice(-2).map((s) => [s.step, s.ok]), [['unmount', true], ['verify-released', true]]);
    assert.ok(r.error.data.warnings.some((w: string) => /cancelled during the mount/.test(w)));
    assert.deepEqual(await real.mounts(), []);
    c.ws.close();
  });

  it('cancelled during a mount of a volume a task starts using meanwhile: the answer says it was NOT unmounted, not "released"', async () => {
    const c = await connect(h.bridge.url);
    const task = join(real.lab.checkpoints.dockerVolume, 'task-cancel');
    const pending = c.request('volume/dryRunMount', { driver: SLOW, name: 'taken' }, 'ct1');
    await mountStarted(c, 'ct1');
    // The agent starts a task on the volume while the (slow) mount runs, and the client cancels.
    mkdirSync(task, { recursive: true });
    writeFileSync(join(task, 'volumes'), JSON.stringify({ volumes: [{ driver: SLOW, name: 'taken' }] }));
    c.send({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 'ct1' } });
    try {
      const r = await pending;
      assert.equal(r.error.code, -32800, JSON.stringify(r));
      assert.equal(r.error.data.verdict, 'in-use', JSON.stringify(r.error.data));
      assert.doesNotMatch(r.error.message, /released/, 'the volume stays mounted under the task; the answer must not say it was released');
      assert.match(r.error.message, /NOT unmounted/);
      assert.equal((await real.mounts()).filter((m) => m.includes('taken')).length, 1, 'left mounted under the task');
    } finally {
      rmSync(task, { recursive: true, force: true });
      // Once the task is gone the next dry run of the volume releases the leftover first.
      const again = await c.request('volume/dryRunMount', { driver: SLOW, name: 'taken' });
      assert.equal(again.result.verdict, 'mounted-and-released', JSON.stringify(again));
    }
    assert.deepEqual(await real.mounts(), []);
    c.ws.close();
  });

  it('aborts on a dropped connection and the runner still releases; the server logs it', async () => {
    const c = await connect(h.bridge.url);
    void c.request('volume/dryRunMount', { driver: SLOW, name: 'dropped' }, 'd1');
    await mountStarted(c, 'd1');
    c.ws.terminate();
    await until(() => h.logs.some((l) => l.id === 'd1'), 5000);
    const line = h.logs.find((l) => l.id === 'd1')!;
    assert.equal(line.outcome, 'disconnected');
    assert.ok((line.steps as string[]).includes('mount'), 'the mount finished after the client left');
    assert.deepEqual((line.steps as string[]).slice(-2), ['unmount', 'verify-released']);
    assert.deepEqual(await real.mounts(), []);
  });

  it('limits concurrent requests per connection', async () => {
    const c = await connect(h.bridge.url);
    const a = c.request('volume/dryRunMount', { driver: SLOW, name: 'a' });
    const b = c.request('volume/dryRunMount', { driver: SLOW, name: 'b' });
    const third = await c.request('volume/dryRunMount', { driver: SLOW, name: 'c' });
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
    c.send({ jsonrpc: '2.0', id: 'same', method: 'volume/dryRunMount', params: { driver: SLOW, name: 'dup' } });
    c.send({ jsonrpc: '2.0', id: 'same', method: 'bridge/info' });
    await until(() => answers.length === 2, 5000);
    assert.equal(answers[0].error.code, -32600, 'the duplicate is refused at once');
    assert.match(answers[0].error.message, /already used/);
    assert.equal(answers[1].result.verdict, 'mounted-and-released', 'the first request is unaffected');
    c.ws.close();
  });

  it('applies the policy of the token: verdict refused for a driver or name outside it', async () => {
    const c = await connect(h.bridge.url, { token: CI_TOKEN });
    const badName = await c.request('volume/dryRunMount', { driver: 'local', name: 'prod-db' });
    assert.equal(badName.result.verdict, 'refused');
    assert.match(badName.result.steps.at(-1).detail, /volumeNamePatterns/);
    const badDriver = await c.request('volume/dryRunMount', { driver: SLOW, name: 'ci-x' });
    assert.equal(badDriver.result.verdict, 'refused');
    assert.match(badDriver.result.steps.at(-1).detail, /not allowed for this token/);
    for (const r of [badName, badDriver]) assert.ok(!stepNames(r).includes('mount'), `nothing was mounted: ${stepNames(r)}`);
    const list = await c.request('volume/list', { driver: SLOW });
    assert.equal(list.error.code, -32003);
    const ok = await c.request('volume/dryRunMount', { driver: 'local', name: 'ci-vol-1' });
    assert.equal(ok.result.verdict, 'mounted-and-released', JSON.stringify(ok));
    await until(() => h.logs.some((l) => l.token === 'ci' && l.verdict === 'refused'));
    c.ws.close();
  });

  it('answers volume/list, and a driver error as a JSON-RPC error with the reason', async () => {
    const c = await connect(h.bridge.url);
    assert.deepEqual((await c.request('volume/list', { driver: 'local' })).result, { volumes: [{ name: 'ci-vol-1', inUse: false }] });
    // A task record that cannot be read (a checkpoint half-written) proves nothing: the volume is listed in use.
    const task = join(real.lab.checkpoints.dockerVolume, 'task-list');
    mkdirSync(task, { recursive: true });
    writeFileSync(join(task, 'volumes'), '{"volumes": [');
    try {
      assert.deepEqual((await c.request('volume/list', { driver: 'local' })).result, { volumes: [{ name: 'ci-vol-1', inUse: true }] });
    } finally {
      rmSync(task, { recursive: true, force: true });
    }
    const e = await c.request('volume/list', { driver: 'nosuch' });
    assert.equal(e.error.code, -32000);
    assert.match(e.error.message, /nosuch/);
    c.ws.close();
  });

  it('on shutdown, waits for running dry runs to release before closing', async () => {
    const h2 = await startHarness(real.runner);
    const c = await connect(h2.bridge.url);
    const pending = c.request('volume/dryRunMount', { driver: SLOW, name: 'at-shutdown' }, 's1');
    await mountStarted(c, 's1');
    await h2.close();
    const line = h2.logs.find((l) => l.id === 's1');
    assert.ok(line, 'the dry run ended before close() returned');
    assert.deepEqual((line.steps as string[]).slice(-2), ['unmount', 'verify-released'], JSON.stringify(line));
    assert.deepEqual(await real.mounts(), []);
    const closed = await c.closed;
    assert.equal(closed.code, 1001);
    void pending;
  });
});
