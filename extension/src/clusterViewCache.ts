/**
 * The cluster view Test mount and its lenses read, kept 30 s per settings (never fetched per keystroke). A failed
 * read is kept too, for the lenses only: VS Code asks for lenses after every edit, and an unreachable cluster was
 * otherwise read again (and waited for, up to the timeout) each time; Test mount itself tries again, since the
 * cluster may be back. Without VS Code (clusterBridges.ts gives it the fetch with the token from SecretStorage), so a
 * test can drive it over HTTP.
 */
import type { ClusterSettings, ClusterView } from './clusterView';

const CACHE_MS = 30_000;

export class ClusterViewCache {
  private cached: { key: string; view: Promise<ClusterView>; failedAt?: number } | undefined;

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
      if (c.failedAt === undefined) return c.view.then((v) => (Date.now() - v.at < this.ttlMs ? v : this.view(s, true)));
      if (keptFailure && Date.now() - c.failedAt < this.ttlMs) return c.view;
    }
    const entry: { key: string; view: Promise<ClusterView>; failedAt?: number } = { key, view: this.fetch(s) };
    this.cached = entry;
    entry.view.catch(() => {
      entry.failedAt = Date.now();
    });
    return entry.view;
  }
}
