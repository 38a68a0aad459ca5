// Follow Marathon's event stream `GET /v2/events` (../shared/reference/marathon-api.md §10): exact
// `Accept: text/event-stream`, optional `event_type` filters, a non-leader's 302 to the leader followed (marathon-api.md §1),
// SSE framing parsed by eventsource-parser, and reconnect with back-off when the stream ends, errs or goes
// silent longer than three heartbeats (Marathon writes a bare line every 10 s).
import { createParser } from 'eventsource-parser';
import type { MarathonClient } from './client';
import { MarathonError, networkError, oneLine } from './errors';
import { discard, type StreamResponse } from './transport';
import type { MarathonEvent } from './types';

export type EventStreamState =
  | { state: 'connecting'; attempt: number }
  | { state: 'open'; url: string }
  | { state: 'down'; error: MarathonError; retryInMs: number }
  | { state: 'closed' };

export interface FollowEventsOptions {
  /** Keep only these event types (Marathon filters server-side since 1.3.7). */
  eventTypes?: string[];
  onEvent: (event: MarathonEvent) => void;
  onState?: (state: EventStreamState) => void;
  /** First reconnect delay; doubles up to `maxReconnectMs`. */
  reconnectMs?: number;
  maxReconnectMs?: number;
  /** Silence after which the stream counts as dead (default 30 s = three missed heartbeats). */
  idleMs?: number;
}

export interface EventFollower {
  /** Stop following; resolves when the connection is closed. */
  close(): Promise<void>;
}

const MAX_REDIRECTS = 3;

export function followEvents(client: MarathonClient, o: FollowEventsOptions): EventFollower {
  const reconnectMs = o.reconnectMs ?? 500;
  const maxReconnectMs = o.maxReconnectMs ?? 30_000;
  const idleMs = o.idleMs ?? 30_000;
  const stop = new AbortController();
  let attempt = 0;

  const emit = (s: EventStreamState) => {
    try {
      o.onState?.(s);
    } catch {
      // a listener's failure must not stop the stream
    }
  };

  async function connectOnce(): Promise<void> {
    let path = 'v2/events';
    for (let hop = 0; ; hop++) {
      const res = await client.stream('GET', path, {
        accept: 'text/event-stream',
        query: path === 'v2/events' ? { event_type: o.eventTypes } : undefined,
        signal: stop.signal,
        timeoutMs: 0,
      });
      const location = res.headers.location;
      if ((res.status === 301 || res.status === 302 || res.status === 307) && typeof location === 'string' && hop < MAX_REDIRECTS) {
        discard(res.body);
        const target = new URL(location, res.url);
        await mayFollow(target, res.url);
        path = target.toString();
        continue;
      }
      if (res.status !== 200) {
        const text = await res.body.text().catch(() => '');
        const cause = res.status === 401 ? 'HTTP 401 unauthorized: check the token or credentials' : res.status === 403 ? 'HTTP 403 forbidden' : `HTTP ${res.status} ${oneLine(text, 80)}`;
        throw new MarathonError(res.status === 401 ? 'unauthorized' : res.status === 403 ? 'forbidden' : 'http', res.url, cause, res.status);
      }
      await readStream(res.body, res.url);
      return;
    }
  }

  /**
   * The client's credentials go with the request, so a redirect is followed only where Marathon itself sends them:
   * the same origin, or the leader Marathon names in `X-Marathon-Leader` (marathon-api.md §1; a non-leader forwards
   * every other request, credentials included, there). A sign-in page or any other host gets nothing.
   */
  async function mayFollow(target: URL, from: string): Promise<void> {
    if (target.protocol !== 'http:' && target.protocol !== 'https:') throw refuse(target, from, 'not http(s)');
    if (target.origin === new URL(from).origin) return;
    // Asked again unless the leader last named is this target: after a failover that name is stale, and trusting it
    // would refuse the new leader's redirect on every reconnect.
    if (!client.leader || originOf(client.leader) !== target.origin) {
      const ping = await client.stream('GET', 'ping', { accept: 'text/plain', signal: stop.signal, timeoutMs: 5_000 });
      discard(ping.body);
    }
    const leader = client.leader ? originOf(client.leader) : undefined;
    if (leader !== target.origin) throw refuse(target, from, leader ? `the leader Marathon names is ${leader}` : 'Marathon names no leader (X-Marathon-Leader)');
  }

  async function readStream(body: StreamResponse['body'], url: string): Promise<void> {
    emit({ state: 'open', url });
    attempt = 0;
    const parser = createParser({
      onEvent(msg) {
        let data: Record<string, unknown>;
        try {
          data = JSON.parse(msg.data) as Record<string, unknown>;
        } catch {
          return; // not Marathon's JSON: skip the one event, keep the stream
        }
        try {
          o.onEvent({ eventType: msg.event ?? String(data.eventType ?? 'message'), data });
        } catch {
          // a listener's failure must not stop the stream
        }
      },
    });
    let idle: NodeJS.Timeout | undefined;
    let silent = false;
    const arm = () => {
      clearTimeout(idle);
      idle = setTimeout(() => {
        silent = true;
        discard(body);
      }, idleMs);
      idle.unref?.();
    };
    arm();
    const decoder = new TextDecoder();
    try {
      for await (const chunk of body) {
        arm();
        parser.feed(decoder.decode(chunk, { stream: true }));
      }
    } catch (err) {
      if (stop.signal.aborted) return;
      if (silent) throw new MarathonError('timeout', url, `the event stream was silent for ${Math.round(idleMs / 1000)} s`);
      throw networkError(url, err, idleMs);
    } finally {
      clearTimeout(idle);
    }
    if (silent) throw new MarathonError('timeout', url, `the event stream was silent for ${Math.round(idleMs / 1000)} s`);
    if (!stop.signal.aborted) throw new MarathonError('closed', url, 'the event stream ended');
  }

  const done = (async () => {
    while (!stop.signal.aborted) {
      emit({ state: 'connecting', attempt });
      try {
        await connectOnce();
      } catch (err) {
        if (stop.signal.aborted) break;
        const error = err instanceof MarathonError ? err : new MarathonError('network', client.url, oneLine(String(err)));
        const retryInMs = Math.min(maxReconnectMs, reconnectMs * 2 ** Math.min(attempt, 16));
        attempt++;
        emit({ state: 'down', error, retryInMs });
        await new Promise<void>((resolve) => {
          const wake = () => {
            clearTimeout(t);
            resolve();
          };
          const t = setTimeout(() => {
            stop.signal.removeEventListener('abort', wake);
            resolve();
          }, retryInMs);
          stop.signal.addEventListener('abort', wake, { once: true });
        });
      }
    }
    emit({ state: 'closed' });
  })();

  return {
    async close() {
      stop.abort();
      await done;
    },
  };
}

function originOf(leader: string): string | undefined {
  try {
    return new URL(/^https?:\/\//i.test(leader) ? leader : `http://${leader}`).origin;
  } catch {
    return undefined;
  }
}

function refuse(target: URL, from: string, why: string): MarathonError {
  const shown = `${target.protocol}//${target.host}${target.pathname}`;
  return new MarathonError('http', from, `redirected to ${shown}, which is not the Marathon leader (${why}): not following it with the credentials; give the URL of Marathon itself`);
}
