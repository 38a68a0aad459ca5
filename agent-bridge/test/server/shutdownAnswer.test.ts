/**
 * What a client hears when the bridge stops (SIGTERM: RunningBridge.close()) while its dry run runs. The run is
 * cancelled and still releases what it mounted (docs/dvdi-bridge.md); the answer must say that the bridge is
 * shutting down (-32004, examples/README.md) and what the run left, with the steps in `data`, as a cancelled
 * request's -32800 does, not the verdict "failed" ("the driver could not mount it") for a mount that worked.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connect, startHarness, until, type RpcClient } from './harness';
import { startRealRunner, type RealRunner } from './realRunner';

const started = (c: RpcClient, id: string, step: string) => until(() => c.notifications.some((n) => n.params.id === id && n.params.step === step && n.params.status === 'started'), 5000, `${step} of ${id} to start`);

describe('bridge server: dry runs in flight when the bridge shuts down', () => {
  let real: RealRunner;
  before(async () => {
    real = await startRealRunner('shutdown', { faults: [{ driver: 'slowfs', mode: 'slow', delayMs: 800 }, { driver: 'hangfs', mode: 'hang' }] });
  });
  after(async () => {
    await real?.close();
  });

  it('during the mount: -32004 saying the bridge is shutting down and that the mount was released, with the steps', async () => {
    const h = await startHarness(real.runner);
    const c = await connect(h.bridge.url);
    const answer = c.request('volume/dryRunMount', { driver: 'slowfs', name: 'at-sigterm' }, 's1');
    await started(c, 's1', 'mount');
    await h.close();
    const r = await answer;
    assert.equal(r.error?.code, -32004, JSON.stringify(r));
    assert.match(r.error.message, /shutting down/);
    assert.match(r.error.message, /was released/);
    assert.match(r.error.message, /retry/);
    assert.deepEqual(r.error.data.steps.slice(-2).map((s: { step: string; ok: boolean }) => [s.step, s.ok]), [['unmount', true], ['verify-released', true]]);
    assert.deepEqual(await real.mounts(), []);
  });

  it('before anything was mounted (a plugin that does not answer): -32004 saying nothing was mounted', async () => {
    const h = await startHarness(real.runner);
    const c = await connect(h.bridge.url);
    const answer = c.request('volume/dryRunMount', { driver: 'hangfs', name: 'never' }, 's2');
    await started(c, 's2', 'activate');
    await h.close();
    const r = await answer;
    assert.equal(r.error?.code, -32004, JSON.stringify(r));
    assert.match(r.error.message, /shutting down.*nothing was mounted/);
  });
});
