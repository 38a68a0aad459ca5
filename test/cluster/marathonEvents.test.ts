// Following /v2/events against the stand-in over real HTTP: framing, filters, a non-leader's redirect, and
// reconnect after the stream drops or the server goes away (../shared/reference/marathon-api.md §10, §1).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MarathonClient, followEvents, type EventStreamState, type MarathonEvent } from '@marathon-devtools/cluster/marathon/index';
import { startStandinMarathon, type StandinMarathon } from '../standins/marathon/standin';

async function until<T>(what: string, f: () => T | undefined, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v) return v;
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('followEvents', () => {
  let m: StandinMarathon;
  before(async () => (m = await startStandinMarathon({ heartbeatMs: 50 })));
  after(() => m.close());

  it('gets event_stream_attached first, then pushed and API-caused events, parsed', async () => {
    const c = new MarathonClient({ url: m.url });
    const events: MarathonEvent[] = [];
    const f = followEvents(c, { onEvent: (e) => events.push(e) });
    await until('attached', () => events.find((e) => e.eventType === 'event_stream_attached'));
    assert.equal(events[0].eventType, 'event_stream_attached');
    assert.equal(m.requests.at(-1)!.headers.accept, 'text/event-stream');
    m.pushEvent('deployment_success', { id: 'd1', plan: { id: 'd1', steps: [], version: 'v' } });
    await c.putApp('/a', { cmd: 'sleep 1' });
    const post = await until('api_post_event', () => events.find((e) => e.eventType === 'api_post_event'));
    assert.equal((post.data.appDefinition as { id: string }).id, '/a');
    assert.ok(events.some((e) => e.eventType === 'deployment_success' && e.data.id === 'd1'));
    assert.ok(events.some((e) => e.eventType === 'group_change_success'));
    await f.close();
    await c.close();
  });

  it('asks the server to filter with event_type', async () => {
    const c = new MarathonClient({ url: m.url });
    const events: MarathonEvent[] = [];
    const f = followEvents(c, { eventTypes: ['group_change_success'], onEvent: (e) => events.push(e) });
    await until('subscribed', () => m.eventSubscribers() > 0 || undefined);
    m.pushEvent('status_update_event', { appId: '/x' });
    m.pushEvent('group_change_success', { groupId: '/', version: 'v1' });
    await until('group change', () => events.find((e) => e.eventType === 'group_change_success'));
    assert.deepEqual(events.map((e) => e.eventType), ['group_change_success']);
    assert.deepEqual(new URLSearchParams(m.requests.at(-1)!.query).getAll('event_type'), ['group_change_success']);
    await f.close();
    await c.close();
  });

  it('reconnects after the stream drops, and reports the drop', async () => {
    const c = new MarathonClient({ url: m.url });
    const states: EventStreamState[] = [];
    let attached = 0;
    const f = followEvents(c, { reconnectMs: 20, onEvent: (e) => void (e.eventType === 'event_stream_attached' && attached++), onState: (s) => states.push(s) });
    await until('first attach', () => attached === 1 || undefined);
    m.dropEventStreams();
    await until('second attach', () => attached === 2 || undefined);
    const down = states.find((s) => s.state === 'down');
    assert.ok(down && down.state === 'down' && /event stream ended|closed/.test(down.error.message), JSON.stringify(states));
    await f.close();
    assert.equal(states.at(-1)!.state, 'closed');
    await c.close();
  });

  it('treats a silent stream (no heartbeat) as dead', async () => {
    const quiet = await startStandinMarathon({ heartbeatMs: 60_000 });
    const c = new MarathonClient({ url: quiet.url });
    const states: EventStreamState[] = [];
    const f = followEvents(c, { idleMs: 150, reconnectMs: 10_000, onEvent: () => {}, onState: (s) => states.push(s) });
    const down = await until('down', () => states.find((s) => s.state === 'down'));
    assert.ok(down.state === 'down' && down.error.kind === 'timeout' && /silent for 0 s|silent for/.test(down.error.message));
    await f.close();
    await c.close();
    await quiet.close();
  });

  it("follows a non-leader's 302 to the leader", async () => {
    const follower = await startStandinMarathon({ leaderUrl: m.url });
    const c = new MarathonClient({ url: follower.url });
    const events: MarathonEvent[] = [];
    const f = followEvents(c, { onEvent: (e) => events.push(e) });
    await until('attached via leader', () => events.find((e) => e.eventType === 'event_stream_attached'));
    assert.ok(follower.requests.some((r) => r.path === '/v2/events'));
    assert.ok(m.eventSubscribers() >= 1);
    await f.close();
    await c.close();
    await follower.close();
  });

  it('keeps retrying while the server is down, with a reason each time', async () => {
    const gone = await startStandinMarathon();
    const url = gone.url;
    await gone.close();
    const c = new MarathonClient({ url });
    const states: EventStreamState[] = [];
    const f = followEvents(c, { reconnectMs: 10, maxReconnectMs: 20, onEvent: () => {}, onState: (s) => states.push(s) });
    await until('two failures', () => states.filter((s) => s.state === 'down').length >= 2 || undefined);
    const down = states.find((s) => s.state === 'down');
    assert.ok(down?.state === 'down' && down.error.kind === 'refused');
    await f.close();
    await c.close();
  });
});
