// volume/list against a plugin whose VolumeDriver.List answers entries that are no volumes (`null`, a number, an
// object without Name), through the fault-plugin stand-in's `list-junk` mode and the real runner over the websocket.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connect, startHarness, type Harness } from './harness';
import { startRealRunner, type RealRunner } from './realRunner';

const JUNK = 'junkfs';

describe('volume/list: a plugin that lists junk', () => {
  let h: Harness;
  let real: RealRunner;
  before(async () => {
    real = await startRealRunner('badlist', { faults: [{ driver: JUNK, mode: 'list-junk' }] });
    h = await startHarness(real.runner);
  });
  after(async () => {
    await h?.close();
    await real?.close();
  });

  it('answers an error naming the driver, its plugin and the entries it cannot read, not a TypeError', async () => {
    const c = await connect(h.bridge.url);
    const r = await c.request('volume/list', { driver: JUNK });
    assert.equal(r.error?.code, -32000, JSON.stringify(r));
    const m = r.error.message as string;
    assert.match(m, /junkfs/);
    assert.match(m, new RegExp(`${real.lab.pluginDir}/${JUNK}\\.sock`));
    assert.match(m, /VolumeDriver\.List/);
    assert.match(m, /3 of 4 entries/);
    assert.match(m, /#0 null/);
    assert.doesNotMatch(m, /Cannot read properties|undefined/);
    // The bridge still serves: the same connection lists another driver.
    assert.deepEqual((await c.request('volume/list', { driver: 'local' })).result, { volumes: [] });
    c.ws.close();
  });
});
