/**
 * The deployed root group the gate judges writes against, kept fresh without costing a request its latency:
 * read in the background every `refreshMs`; a request waits (at most `waitMs`) only when the copy is older
 * than `maxAgeMs`. Writes the gate let through are applied to the copy at once, and re-applied on top of a
 * read that started before them, so two quick writes see each other.
 */
import type { JsonObject } from '@marathon-devtools/language-server/model/documentModel';
import { DeployedState } from './deployedState';
import type { Proposal } from './proposal';

/** Reads `GET /v2/groups` (GroupInfo with apps and groups embedded). */
export type RootGroupReader = () => Promise<unknown>;

export interface ClusterStateOptions {
  refreshMs: number;
  maxAgeMs: number;
  waitMs: number;
}

const defaultClusterStateOptions: ClusterStateOptions = { refreshMs: 5_000, maxAgeMs: 30_000, waitMs: 2_000 };

/**
 * The options for a gate whose reads may take up to `readTimeoutMs` (`--marathon-timeout`). A copy's age counts
 * from when its read started, so with the default 30 s a read slower than that would arrive already too old to
 * judge by, and every cross-app write would wait for the next: the copy stays usable for at least as long as its
 * read may have taken, after it arrives.
 */
export function clusterStateOptionsFor(readTimeoutMs: number): ClusterStateOptions {
  return { ...defaultClusterStateOptions, maxAgeMs: Math.max(defaultClusterStateOptions.maxAgeMs, 2 * readTimeoutMs) };
}

export type Snapshot = { state: DeployedState; reason?: undefined } | { state?: undefined; reason: string };

export class ClusterState {
  private state: DeployedState | undefined;
  private lastError = 'not read yet';
  private inflight: { startedAt: number; done: Promise<void> } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private writes: { at: number; proposal: Proposal }[] = [];

  constructor(
    private readonly read: RootGroupReader,
    private readonly options: ClusterStateOptions = defaultClusterStateOptions,
  ) {}

  start(): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.options.refreshMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Seconds since the copy was read, undefined before the first successful read. */
  ageSeconds(): number | undefined {
    return this.state ? (Date.now() - this.state.fetchedAt) / 1000 : undefined;
  }

  error(): string | undefined {
    return this.state && this.isFresh() ? undefined : this.lastError;
  }

  /**
   * The copy when fresh enough, else one read attempt (bounded by `waitMs`). `forceRead`: a read that starts now,
   * not one already under way, which may have left Marathon before a write the caller knows of (the audit, a PATCH
   * of an app the copy lacks).
   */
  async snapshot(forceRead = false): Promise<Snapshot> {
    if (!forceRead && this.state && this.isFresh()) return { state: this.state };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.options.waitMs)));
    await Promise.race([this.refresh(forceRead ? Date.now() : undefined), timeout]);
    clearTimeout(timer);
    if (this.state && this.isFresh()) return { state: this.state };
    return { reason: this.state ? `the copy is ${Math.round(this.ageSeconds()!)} s old and ${this.lastError}` : this.lastError };
  }

  /** A write Marathon accepted: the copy reflects it before the next read does. */
  applyWrite(proposal: Proposal): void {
    this.writes.push({ at: Date.now(), proposal });
    if (this.state) apply(this.state, proposal);
  }

  /** A deletion Marathon accepted: an app, or a group with everything in it. */
  applyDelete(kind: 'app' | 'group', id: string): void {
    const apps = new Map<string, JsonObject>();
    if (kind === 'app') this.applyWrite({ targets: [], apps, replaces: [id], skipped: [] });
    else this.applyWrite({ targets: [], apps, replaces: [], skipped: [], removesGroup: id });
  }

  private isFresh(): boolean {
    return this.state !== undefined && Date.now() - this.state.fetchedAt <= this.options.maxAgeMs;
  }

  /** Joins the read under way unless it started before `notBefore`; then a new one starts beside it. */
  private refresh(notBefore?: number): Promise<void> {
    if (this.inflight && (notBefore === undefined || this.inflight.startedAt > notBefore)) return this.inflight.done;
    const read = { startedAt: Date.now(), done: Promise.resolve() };
    const { startedAt } = read;
    this.inflight = read; // before the read starts: a reader that fails at once must not leave it behind
    read.done = (async () => {
      try {
        const next = DeployedState.fromRootGroup(await this.read(), startedAt);
        // Two reads may overlap: the one that started later knows more, whichever answers last.
        if (this.state && this.state.fetchedAt > startedAt) return;
        this.writes = this.writes.filter((w) => w.at >= startedAt);
        for (const w of this.writes) apply(next, w.proposal);
        this.state = next;
      } catch (e) {
        this.lastError = `reading Marathon's root group failed: ${(e as Error)?.message ?? String(e)}`;
      } finally {
        if (this.inflight === read) this.inflight = undefined;
      }
    })();
    return read.done;
  }
}

function apply(state: DeployedState, p: Proposal): void {
  if (p.removesGroup !== undefined) state.removeGroup(p.removesGroup);
  for (const id of p.replaces) state.removeApp(id);
  for (const [id, app] of p.apps) state.putApp(id, app);
}
