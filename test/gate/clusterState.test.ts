// The gate's copy of the deployed root group (gate/src/clusterState.ts) against a reader the test answers by hand,
// so the order of reads and answers is the test's, not the scheduler's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterState, clusterStateOptionsFor } from '../../gate/src/clusterState';

const rootWith = (...ids: string[]) => ({ id: '/', apps: ids.map((id) => ({ id, cmd: 'sleep 100' })), groups: [] });

/** A reader whose reads wait until the test answers them, in any order. */
function handReader() {
  const pending: ((root: unknown) => void)[] = [];
  return { read: () => new Promise<unknown>((resolve) => pending.push(resolve)), pending };
}
const tick = () => new Promise((r) => setTimeout(r, 5));

test('a forced read does not join a read that left before it was asked for: it reads again', async () => {
  const r = handReader();
  const state = new ClusterState(r.read, { refreshMs: 60_000, maxAgeMs: 30_000, waitMs: 2_000 });
  state.start(); // the first read leaves now, before the app below is deployed
  state.stop();
  assert.equal(r.pending.length, 1);
  await tick();
  const forced = state.snapshot(true); // e.g. GET /_gate/audit after /late/app was posted to Marathon directly
  await tick();
  assert.equal(r.pending.length, 2, 'the forced snapshot started a read of its own');
  r.pending[1](rootWith('/late/app'));
  r.pending[0](rootWith()); // the older read answers last: it must not replace what the newer one saw
  const snap = await forced;
  assert.deepEqual([...(snap.state?.apps.keys() ?? [])], ['/late/app']);
  await tick();
  assert.deepEqual([...((await state.snapshot()).state?.apps.keys() ?? [])], ['/late/app']);
});

test('snapshots that are not forced share the read under way', async () => {
  const r = handReader();
  const state = new ClusterState(r.read, { refreshMs: 60_000, maxAgeMs: 30_000, waitMs: 2_000 });
  const both = Promise.all([state.snapshot(), state.snapshot()]);
  assert.equal(r.pending.length, 1);
  r.pending[0](rootWith('/a'));
  const [a, b] = await both;
  assert.equal(a.state, b.state);
});

test('a reader that fails at once leaves no read behind: the next snapshot reads again', async () => {
  let calls = 0;
  const state = new ClusterState(() => {
    calls++;
    if (calls === 1) throw new Error('connection refused');
    return Promise.resolve(rootWith('/b'));
  }, { refreshMs: 60_000, maxAgeMs: 30_000, waitMs: 2_000 });
  const first = await state.snapshot();
  assert.match(first.reason ?? '', /connection refused/);
  const second = await state.snapshot();
  assert.deepEqual([...(second.state?.apps.keys() ?? [])], ['/b']);
  assert.equal(calls, 2);
});

test('with --marathon-timeout above 30 s, a copy whose read took longer than 30 s is still fresh when it arrives', async (t) => {
  t.mock.timers.enable({ apis: ['Date'], now: 1_000_000 });
  for (const [options, usable] of [[clusterStateOptionsFor(5_000), false], [clusterStateOptionsFor(60_000), true]] as const) {
    const r = handReader();
    const state = new ClusterState(r.read, options);
    state.start();
    state.stop();
    t.mock.timers.tick(45_000); // Marathon answers the root group after 45 s, inside a 60 s timeout
    r.pending[0](rootWith('/slow/app'));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(state.error() === undefined, usable, `maxAgeMs ${options.maxAgeMs}: ${state.error()}`);
  }
  assert.equal(clusterStateOptionsFor(5_000).maxAgeMs, 30_000, 'the default timeout keeps the 30 s of docs/gate.md');
});
