/**
 * A live copy of one cluster for the language server: `GET /v2/info` and the deployed root group read once,
 * then kept current by Marathon's event stream (`GET /v2/events`, ../shared/reference/marathon-api.md §10):
 * an event that changes the root group (an accepted group change, an API post, a deployment's end, a pod
 * write) re-reads `/v2/groups`, coalesced. While the stream is down the copy is re-read every `pollMs`
 * instead; when a read fails the copy is dropped (documents are then linted offline) and the feed is
 * `unreachable` since the first failure. Linting never waits for it and never causes a request.
 */
import type { MarathonClient } from '@marathon-devtools/cluster/marathon/client';
import { followEvents, type EventFollower, type EventStreamState } from '@marathon-devtools/cluster/marathon/events';
import type { MarathonEvent } from '@marathon-devtools/cluster/marathon/types';
import { clusterFailure, readSnapshot, type ClusterSnapshot } from './clusterSnapshot';

/** Events after which the deployed root group may differ (marathon-api.md §10: what each one means). */
const rootGroupEvents = [
  'group_change_success',
  'api_post_event',
  'deployment_success',
  'deployment_failed',
  'app_terminated_event',
  'pod_created_event',
  'pod_updated_event',
  'pod_deleted_event',
] as const;
const triggers = new Set<string>(rootGroupEvents);

export type FeedState =
  | { state: 'connecting' }
  | { state: 'connected'; snapshot: ClusterSnapshot; updates: 'events' | 'polling' }
  | { state: 'unreachable'; since: number; error: string };

export interface ClusterFeedOptions {
  /** Re-read interval while the event stream is down. */
  pollMs: number;
  /** Coalesce a burst of events (one deployment sends several) into one read. */
  debounceMs?: number;
  /**
   * How long to wait for the stream to attach before the first read goes ahead anyway (default 10 s, the request
   * timeout): a stream that neither opens nor fails within it (a proxy holding SSE headers back) must not keep
   * the copy from being read; one that fails is read at once and polled.
   */
  attachWaitMs?: number;
  /** Every change of state or of the copy (a new `generation`). */
  onChange: (state: FeedState, generation: number) => void;
  /** One line per notable step (stream up/down, reads), for the log. */
  log?: (line: string) => void;
}

export class ClusterFeed {
  private current: FeedState = { state: 'connecting' };
  private gen = 0;
  private follower: EventFollower | undefined;
  private streamOpen = false;
  private needsFullRead = true;
  private reading: Promise<void> | undefined;
  private again: 'groups' | 'all' | undefined;
  private debounce: NodeJS.Timeout | undefined;
  private poll: NodeJS.Timeout | undefined;
  private attachWait: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly client: MarathonClient,
    private readonly o: ClusterFeedOptions,
  ) {}

  get state(): FeedState {
    return this.current;
  }

  /** Bumped whenever the copy or the state changes; a lint cached under an older generation is stale. */
  get generation(): number {
    return this.gen;
  }

  start(): void {
    // Attach first, then read: a change between the read and the attach would otherwise go unseen.
    this.follower = followEvents(this.client, {
      eventTypes: [...rootGroupEvents],
      onEvent: (e) => this.onEvent(e),
      onState: (s) => this.onStream(s),
    });
    this.attachWait = setTimeout(() => this.read('all'), this.o.attachWaitMs ?? 10_000);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.debounce);
    clearTimeout(this.attachWait);
    clearInterval(this.poll);
    await this.follower?.close();
    await this.reading?.catch(() => undefined);
    await this.client.close();
  }

  private onEvent(e: MarathonEvent): void {
    // Older Marathons ignore `event_type` and send everything: filter here too.
    if (!triggers.has(e.eventType) || this.closed) return;
    this.o.log?.(`cluster event ${e.eventType}: re-reading the root group`);
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.read('groups'), this.o.debounceMs ?? 100);
  }

  private onStream(s: EventStreamState): void {
    if (this.closed) return;
    if (s.state === 'open') {
      this.streamOpen = true;
      clearInterval(this.poll);
      this.poll = undefined;
      this.o.log?.(`cluster event stream attached (${s.url})`);
      // The first attach, or a re-attach after a gap in which events may have been missed.
      if (this.needsFullRead || this.current.state !== 'connected') this.read('all');
      else if (this.current.updates !== 'events') this.set({ ...this.current, updates: 'events' });
    } else if (s.state === 'down') {
      const wasOpen = this.streamOpen;
      this.streamOpen = false;
      if (wasOpen || this.poll === undefined) this.o.log?.(`cluster event stream down (${s.error.message}); polling every ${Math.round(this.o.pollMs / 100) / 10} s`);
      this.needsFullRead = true;
      if (this.poll === undefined) {
        this.poll = setInterval(() => this.read('all'), this.o.pollMs);
        this.read('all');
      }
    }
  }

  /** One read at a time; a request for another while one runs is done right after it. */
  private read(what: 'groups' | 'all'): void {
    clearTimeout(this.attachWait);
    if (this.closed) return;
    if (this.reading) {
      this.again = this.again === 'all' || what === 'all' ? 'all' : 'groups';
      return;
    }
    const full = what === 'all' || this.current.state !== 'connected';
    this.reading = (full ? this.readAll() : this.readGroups()).finally(() => {
      this.reading = undefined;
      const next = this.again;
      this.again = undefined;
      if (next) this.read(next);
    });
  }

  private async readAll(): Promise<void> {
    try {
      const snapshot = await readSnapshot(this.client);
      this.needsFullRead = !this.streamOpen;
      this.connected(snapshot);
    } catch (err) {
      this.failed(err);
    }
  }

  private async readGroups(): Promise<void> {
    const before = this.current;
    if (before.state !== 'connected') return this.readAll();
    try {
      const rootGroup = await this.client.getRootGroup();
      this.connected({ ...before.snapshot, rootGroup, at: Date.now() });
    } catch (err) {
      this.failed(err);
    }
  }

  private connected(snapshot: ClusterSnapshot): void {
    if (this.closed) return;
    if (this.streamOpen && this.poll !== undefined) {
      clearInterval(this.poll);
      this.poll = undefined;
    }
    this.set({ state: 'connected', snapshot, updates: this.streamOpen ? 'events' : 'polling' });
  }

  private failed(err: unknown): void {
    if (this.closed) return;
    const error = clusterFailure(err);
    const since = this.current.state === 'unreachable' ? this.current.since : Date.now();
    if (this.current.state === 'unreachable' && this.current.error === error) return;
    this.o.log?.(`cluster unreachable: ${error}`);
    this.set({ state: 'unreachable', since, error });
    // Reads go on while the stream is down; when it is up but a read failed, poll until one succeeds.
    this.poll ??= setInterval(() => this.read('all'), this.o.pollMs);
  }

  private set(state: FeedState): void {
    this.current = state;
    this.gen++;
    this.o.onChange(state, this.gen);
  }
}
