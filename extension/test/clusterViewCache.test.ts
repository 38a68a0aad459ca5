// The cluster view behind Test mount and its "Test mount on all N candidates" lenses, read from the stand-in Marathon
// and Mesos master over real HTTP. VS Code asks for lenses after every edit: while the cluster cannot be read, each
// ask must not read it again (nor wait for it), or an unreachable cluster is fetched per keystroke.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { fetchClusterView, type ClusterSettings } from '../src/clusterView';
import { ClusterViewCache } from '../src/clusterViewCache';
import { startMesosMaster } from '../../test/standins/mesos-master/server';
import { startStandinMarathon } from '../../test/standins/marathon/standin';

const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of closers) await c();
});

async function cluster() {
  const master = await startMesosMaster({ agents: [] });
  const marathon = await startStandinMarathon();
  closers.push(() => master.close(), () => marathon.close());
  const root = marathon.rootGroup();
  root.apps = [{ id: '/dvdi-bridge', instances: 0 } as (typeof root.apps)[number]];
  marathon.setRootGroup(root);
  const settings: ClusterSettings = { marathonUrl: marathon.url, mesosUrl: master.url, bridgeApp: '/dvdi-bridge' };
  return { marathon, settings, cache: new ClusterViewCache((s) => fetchClusterView(s, undefined, 2000)) };
}

test('a cluster that cannot be read is read again for Test mount, not for every lens request', async () => {
  const { marathon, settings, cache } = await cluster();
  marathon.setFault({ kind: 'no-leader' });
  await assert.rejects(cache.view(settings, false, true));
  const after1 = marathon.requests.length;
  assert.ok(after1 > 0);
  for (let i = 0; i < 5; i++) await assert.rejects(cache.view(settings, false, true), 'a lens request gets the failure kept');
  assert.equal(marathon.requests.length, after1, 'no request for the lenses while the failure is kept');
  // Test mount itself (and Show Cluster Bridges) tries again: the cluster may be back.
  marathon.setFault(undefined);
  const view = await cache.view(settings);
  assert.equal(view.bridges.length, 0);
  assert.ok(marathon.requests.length > after1);
  // And a view read is kept for the lenses as before.
  const after2 = marathon.requests.length;
  await cache.view(settings, false, true);
  await cache.view(settings);
  assert.equal(marathon.requests.length, after2);
});

test('settings changed: a new read at once, even for a lens', async () => {
  const { marathon, settings, cache } = await cluster();
  await cache.view(settings, false, true);
  const n = marathon.requests.length;
  await cache.view({ ...settings, bridgeApp: '/other-bridge' }, false, true).catch(() => undefined);
  assert.ok(marathon.requests.length > n);
});

test('a view past its 30 s is read again once, however many lens requests find it expired at once', async () => {
  const { marathon, settings } = await cluster();
  const cache = new ClusterViewCache((s) => fetchClusterView(s, undefined, 2000), 200);
  await cache.view(settings);
  const oneRead = marathon.requests.length;
  await new Promise((r) => setTimeout(r, 300));
  const before = marathon.requests.length;
  const views = await Promise.all([1, 2, 3, 4].map(() => cache.view(settings, false, true)));
  assert.equal(marathon.requests.length - before, oneRead, 'four lens requests, one read of the cluster');
  assert.ok(views.every((v) => v === views[0]));
});
