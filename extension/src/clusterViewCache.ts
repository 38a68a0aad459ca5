/**
 * The cluster view Test mount and its lenses read, kept 30 s per settings (never fetched per keystroke). A failed
 * read is kept too, for the lenses only: VS Code asks for lenses after every edit, and an unreachable cluster was
 * otherwise read again (and waited for, up to the timeout) each time; Test mount itself tries again, since the
 * cluster may be back. Without VS Code (clusterBridges.ts gives it the fetch with the token from SecretStorage), so a
 * test can drive it over HTTP.
 */
import type { ClusterSettings, ClusterView } from './clusterView';

const CACHE_MS = 30_000;

/** One read of the cluster for one set of settings; `failedAt`: when it failed. */
type Entry = { key: string; view: Promise<ClusterView>; failedAt?: number };

export class ClusterViewCache {
  private cached: Entry | undefined;

  constructor(private readonly fetch: (s: ClusterSettings) => Promise<ClusterView>, private readonly ttlMs = CACHE_MS) {}

  /** Forget the cached view (settings or tokens changed). */
  invalidate(): void {
    this.cached = undefined;
  }

  /**
   * The cluster's agents and bridges, fetched at most every 30 s; `fresh`: read now. `keptFailure` (the lenses): a
   * read that failed less than 30 s ago answers with its failure instead of reading again.
   */
  view(s: ClusterSettings, fresh = false, keptFailure = false): Promise<ClusterView> {
    const key = JSON.stringify(s);
    const c = this.cached;
    if (!fresh && c && c.key === key) {
      if (c.failedAt === undefined) return c.view.then((v) => this.unexpired(v, c, s));
      if (keptFailure && Date.now() - c.failedAt < this.ttlMs) return c.view;
    }
    const entry: Entry = { key, view: this.fetch(s) };
    this.cached = entry;
    entry.view.catch(() => {
      entry.failedAt = Date.now();
    });
    return entry.view;
  }

  /**
   * `v` while it is younger than 30 s, else a new read: one for all the requests that find it expired at once (the
   * lenses of every open editor ask together), the first starts it and the others wait for it.
   */
  private unexpired(v: ClusterView, was: Entry, s: ClusterSettings): ClusterView | Promise<ClusterView> {
    if (Date.now() - v.at < this.ttlMs) return v;
    const now = this.cached;
    return now !== undefined && now !== was && now.key === was.key ? now.view : this.view(s, true);
  }
}
