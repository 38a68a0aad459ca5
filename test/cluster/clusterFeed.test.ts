// The language server's live copy of a cluster (language-server/src/live/clusterFeed.ts) against the stand-in
// Marathon over real HTTP: one read, re-reads only on root-group events (coalesced), unreachable since the first failed
// read and back by polling, and the polling fallback when the event stream is refused. Waits are event-driven (the
// feed's onChange) and bounded; a timeout names what was awaited and the states seen.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MarathonClient } from '@marathon-devtools/cluster/marathon/client';
import { ClusterFeed, type FeedState } from '@marathon-devtools/language-server/live/clusterFeed';
import { infoFor, startStandinMarathon, type StandinMarathon } from '../standins/marathon/standin';

class Watch {
  readonly states: FeedState[] = [];
  private waiters: { pred: (s: FeedState) => boolean; done: (s: FeedState) => void }[] = [];
  on = (s: FeedState): void => {
    this.states.push(s);
    for (const w of [...this.waiters]) if (w.pred(s)) w.done(s);
  };
  next(what: string, pred: (s: FeedState) => boolean, ms = 15_000): Promise<FeedState> {
    return new Promise((resolve, reject) => {
      const w = {
        pred,
        done: (s: FeedState) => {
          clearTimeout(timer);
          this.waiters.splice(this.waiters.indexOf(w), 1);
          resolve(s);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        reject(new Error(`timed out after ${ms} ms waiting for ${what}; states: ${this.states.map((s) => s.state + (s.state === 'connected' ? `/${s.updates}` : '')).join(', ')}`));
      }, ms);
      this.waiters.push(w);
    });
  }
}

const groupsReads = (m: StandinMarathon) => m.requests.filter((r) => r.method === 'GET' && r.path === '/v2/groups').length;
const appsIn = (s: FeedState) => (s.state === 'connected' ? s.snapshot.rootGroup.apps.map((a) => a.id) : []);

describe('ClusterFeed', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  after(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  });

  it('reads once, re-reads the root group on an API post, goes unreachable when reads fail and comes back by polling', { timeout: 60_000 }, async () => {
    const m = await startStandinMarathon({ info: infoFor('1.10.26'), heartbeatMs: 100 });
    cleanups.push(() => m.close());
    const watch = new Watch();
    const feed = new ClusterFeed(new MarathonClient({ url: m.url }), { pollMs: 200, debounceMs: 20, onChange: watch.on });
    cleanups.push(() => feed.close());
    const first = watch.next('the first read', (s) => s.state === 'connected' && s.updates === 'events');
    feed.start();
    await first;
    assert.equal(groupsReads(m), 1);
    const api = new MarathonClient({ url: m.url });
    cleanups.push(() => api.close());
    const updated = watch.next('/web in the copy', (s) => appsIn(s).includes('/web'));
    await api.putApp('/web', { cmd: 'sleep 1' });
    await updated;
    // A pushed event that does not change the root group causes no read.
    const reads = groupsReads(m);
    m.pushEvent('status_update_event', { appId: '/web', taskStatus: 'TASK_RUNNING' });
    m.pushEvent('instance_health_changed_event', { runSpecId: '/web', healthy: true });
    const another = watch.next('/db in the copy', (s) => appsIn(s).includes('/db'));
    await api.putApp('/db', { cmd: 'sleep 1' });
    await another;
    assert.ok(groupsReads(m) - reads <= 2, `one API post caused ${groupsReads(m) - reads} reads`);

    m.setFault({ kind: 'status', status: 503, body: { message: 'leader election' } }, '/v2/groups');
    const down = watch.next('unreachable', (s) => s.state === 'unreachable');
    await api.putApp('/more', { cmd: 'sleep 1' });
    const u = await down;
    assert.ok(u.state === 'unreachable' && /\/v2\/groups/.test(u.error) && /503/.test(u.error), JSON.stringify(u));
    const back = watch.next('connected again', (s) => s.state === 'connected' && appsIn(s).includes('/more'));
    m.setFault(undefined);
    await back;
  });

  it('polls when the event stream is refused', { timeout: 30_000 }, async () => {
    const m = await startStandinMarathon({ info: infoFor('1.10.26') });
    cleanups.push(() => m.close());
    m.setFault({ kind: 'html', status: 502 }, '/v2/events');
    const watch = new Watch();
    const feed = new ClusterFeed(new MarathonClient({ url: m.url }), { pollMs: 150, onChange: watch.on });
    cleanups.push(() => feed.close());
    const polling = watch.next('connected by polling', (s) => s.state === 'connected' && s.updates === 'polling');
    feed.start();
    await polling;
    const seen = watch.next('/late by polling', (s) => appsIn(s).includes('/late'));
    const api = new MarathonClient({ url: m.url });
    cleanups.push(() => api.close());
    await api.putApp('/late', { cmd: 'sleep 1' });
    await seen;
  });
});
