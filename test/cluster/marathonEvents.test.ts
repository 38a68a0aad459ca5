// Following /v2/events against the stand-in over real HTTP: framing, filters, a non-leader's redirect, and
// reconnect after the stream drops or the server goes away (../shared/reference/marathon-api.md §10, §1).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MarathonClient, followEvents, type EventStreamState, type MarathonEvent } from '../../cluster/src/marathon/index';
import { startStandinMarathon, type StandinMarathon } from '../standins/marathon/standin';

/**
 * What a follower reported, with event-driven waits: `wait` resolves as soon as a matching item arrives (or one
 * already has) and fails after `ms` naming what it waited for and what came instead. Nothing polls, nothing hangs.
 */
class Recorder<T> {
  readonly items: T[] = [];
  private waiters: { pred: (all: T[]) => boolean; done: () => void }[] = [];
  push = (item: T): void => {
    this.items.push(item);
    for (const w of [...this.waiters]) if (w.pred(this.items)) w.done();
  };
  wait(what: string, pred: (all: T[]) => boolean, ms = 20_000): Promise<void> {
    if (pred(this.items)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const w = {
        pred,
        done: () => {
          clearTimeout(timer);
          this.waiters.splice(this.waiters.indexOf(w), 1);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        reject(new Error(`timed out after ${ms} ms waiting for ${what}; got ${JSON.stringify(this.items).slice(0, 400)}`));
      }, ms);
      this.waiters.push(w);
    });
  }
}

/** Closing must not hang a run either: a close that takes longer than `ms` fails, naming what did not close. */
async function bounded(what: string, p: Promise<unknown>, ms = 10_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms)));
  try {
    await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const limit = { timeout: 60_000 };
const typeOf = (t: string) => (all: MarathonEvent[]) => all.some((e) => e.eventType === t);

describe('followEvents', () => {
  let m: StandinMarathon;
  before(async () => (m = await startStandinMarathon({ heartbeatMs: 50 })));
  after(() => bounded('closing the stand-in', m.close()));

  it('gets event_stream_attached first, then pushed and API-caused events, parsed', limit, async () => {
    const c = new MarathonClient({ url: m.url });
    const events = new Recorder<MarathonEvent>();
    const f = followEvents(c, { onEvent: events.push });
    await events.wait('event_stream_attached', typeOf('event_stream_attached'));
    assert.equal(events.items[0].eventType, 'event_stream_attached');
    assert.equal(m.requests.at(-1)!.headers.accept, 'text/event-stream');
    m.pushEvent('deployment_success', { id: 'd1', plan: { id: 'd1', steps: [], version: 'v' } });
    await c.putApp('/a', { cmd: 'sleep 1' });
    await events.wait('api_post_event and group_change_success', (all) => typeOf('api_post_event')(all) && typeOf('group_change_success')(all));
    const post = events.items.find((e) => e.eventType === 'api_post_event')!;
    assert.equal((post.data.appDefinition as { id: string }).id, '/a');
    assert.ok(events.items.some((e) => e.eventType === 'deployment_success' && e.data.id === 'd1'));
    await bounded('follower.close', f.close());
    await bounded('client.close', c.close());
  });

  it('asks the server to filter with event_type', limit, async () => {
    const c = new MarathonClient({ url: m.url });
    const events = new Recorder<MarathonEvent>();
    const states = new Recorder<EventStreamState>();
    const f = followEvents(c, { eventTypes: ['group_change_success'], onEvent: events.push, onState: states.push });
    await states.wait('the stream to open', (all) => all.some((s) => s.state === 'open'));
    m.pushEvent('status_update_event', { appId: '/x' });
    m.pushEvent('group_change_success', { groupId: '/', version: 'v1' });
    await events.wait('group_change_success', typeOf('group_change_success'));
    assert.deepEqual(events.items.map((e) => e.eventType), ['group_change_success']);
    assert.deepEqual(new URLSearchParams(m.requests.filter((r) => r.path === '/v2/events').at(-1)!.query).getAll('event_type'), ['group_change_success']);
    await bounded('follower.close', f.close());
    await bounded('client.close', c.close());
  });

  it('reconnects after the stream drops, and reports the drop', limit, async () => {
    const c = new MarathonClient({ url: m.url });
    const states = new Recorder<EventStreamState>();
    const events = new Recorder<MarathonEvent>();
    const attached = (n: number) => (all: MarathonEvent[]) => all.filter((e) => e.eventType === 'event_stream_attached').length >= n;
    const f = followEvents(c, { reconnectMs: 20, onEvent: events.push, onState: states.push });
    await events.wait('the first attach', attached(1));
    m.dropEventStreams();
    await events.wait('the second attach', attached(2));
    const down = states.items.find((s) => s.state === 'down');
    assert.ok(down && down.state === 'down' && /event stream ended|closed/.test(down.error.message), JSON.stringify(states.items));
    await bounded('follower.close', f.close());
    assert.equal(states.items.at(-1)!.state, 'closed');
    await bounded('client.close', c.close());
  });

  it('treats a silent stream (no heartbeat) as dead', limit, async () => {
    const quiet = await startStandinMarathon({ heartbeatMs: 60_000 });
    const c = new MarathonClient({ url: quiet.url });
    const states = new Recorder<EventStreamState>();
    const f = followEvents(c, { idleMs: 150, reconnectMs: 10_000, onEvent: () => {}, onState: states.push });
    await states.wait('the stream to be declared down', (all) => all.some((s) => s.state === 'down'));
    const down = states.items.find((s) => s.state === 'down')!;
    assert.ok(down.state === 'down' && down.error.kind === 'timeout' && /silent for/.test(down.error.message), JSON.stringify(down));
    await bounded('follower.close', f.close());
    await bounded('client.close', c.close());
    await bounded('closing the quiet stand-in', quiet.close());
  });

  it("follows a non-leader's 302 to the leader", limit, async () => {
    const follower = await startStandinMarathon({ leaderUrl: m.url });
    const c = new MarathonClient({ url: follower.url });
    const events = new Recorder<MarathonEvent>();
    const f = followEvents(c, { onEvent: events.push });
    await events.wait('attached via the leader', typeOf('event_stream_attached'));
    assert.ok(follower.requests.some((r) => r.path === '/v2/events'));
    assert.ok(m.eventSubscribers() >= 1);
    await bounded('follower.close', f.close());
    await bounded('client.close', c.close());
    await bounded('closing the non-leader', follower.close());
  });

  it('after a failover, follows the new leader even though an earlier answer named the old one', limit, async () => {
    const old = await startStandinMarathon();
    const follower = await startStandinMarathon({ leaderUrl: old.url });
    const c = new MarathonClient({ url: follower.url });
    await c.getInfo(); // forwarded to the old leader, whose X-Marathon-Leader the client now remembers
    assert.equal(c.leader, old.url);
    follower.setLeader(m.url);
    const events = new Recorder<MarathonEvent>();
    const states = new Recorder<EventStreamState>();
    const f = followEvents(c, { reconnectMs: 10_000, onEvent: events.push, onState: states.push });
    await events.wait('attached via the new leader', typeOf('event_stream_attached'));
    assert.ok(!states.items.some((s) => s.state === 'down'), JSON.stringify(states.items));
    assert.equal(old.eventSubscribers(), 0);
    await bounded('follower.close', f.close());
    await bounded('client.close', c.close());
    await bounded('closing the non-leader', follower.close());
    await bounded('closing the old leader', old.close());
  });

  it('does not follow a redirect of the stream to a host that is not the leader, and sends it no token', limit, async () => {
    const impostor = await startStandinMarathon();
    const front = await startStandinMarathon({ auth: { kind: 'token', token: 't0k3n' } });
    front.setFault({ kind: 'redirect', status: 302, to: impostor.url.replace(/\/$/, '') }, '/v2/events');
    const c = new MarathonClient({ url: front.url, auth: { kind: 'token', token: 't0k3n' } });
    const states = new Recorder<EventStreamState>();
    const f = followEvents(c, { reconnectMs: 10_000, onEvent: () => {}, onState: states.push });
    await states.wait('the stream to be declared down', (all) => all.some((s) => s.state === 'down'));
    const down = states.items.find((s) => s.state === 'down')!;
    assert.ok(down.state === 'down' && /not the Marathon leader \(the leader Marathon names is http:\/\/127\.0\.0\.1:\d+\): not following it with the credentials/.test(down.error.message), JSON.stringify(down));
    assert.deepEqual(impostor.requests, [], 'the redirect target got a request');
    await bounded('follower.close', f.close());
    await bounded('client.close', c.close());
    await bounded('closing the front', front.close());
    await bounded('closing the impostor', impostor.close());
  });

  it('keeps retrying while the server is down, with a reason each time', limit, async () => {
    const gone = await startStandinMarathon();
    const url = gone.url;
    await bounded('closing the stand-in', gone.close());
    const c = new MarathonClient({ url });
    const states = new Recorder<EventStreamState>();
    const f = followEvents(c, { reconnectMs: 10, maxReconnectMs: 20, onEvent: () => {}, onState: states.push });
    await states.wait('two failures', (all) => all.filter((s) => s.state === 'down').length >= 2);
    const down = states.items.find((s) => s.state === 'down');
    assert.ok(down?.state === 'down' && down.error.kind === 'refused', JSON.stringify(down));
    await bounded('follower.close', f.close());
    await bounded('client.close', c.close());
  });
});
