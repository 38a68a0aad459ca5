/**
 * The server's link to the cluster set in `marathon.cluster.url` (issue 13): one ClusterFeed per setting,
 * replaced when the settings change; its state is told to the client as `marathon/clusterStatus` and in the
 * log, and every change of the copy re-validates the open documents. The token comes from the client through
 * the server's environment (`MARATHON_CLUSTER_TOKEN`, see protocol.ts) or from `marathon.cluster.tokenFile`, read
 * again before each request (clientFor: a DC/OS token is replaced in its file every 5 days, marathon-api.md §2);
 * it never reaches a message or the log (MarathonError never carries it).
 */
import type { Connection } from 'vscode-languageserver';
import { userFreeUrl } from '@marathon-devtools/cluster/marathon/options';
import { ClusterFeed, type FeedState } from '../live/clusterFeed';
import { clientFor, clusterFailure, type ClusterSnapshot } from '../live/clusterSnapshot';
import { editorClusterAccess } from '../live/editorClusterAccess';
import { ClusterStatusNotification, clusterTokenEnv, type ClusterStatusParams } from '../protocol';
import type { FollowedClusterSettings } from './clusterSettings';
import type { Logger } from './logger';

export interface LiveCluster {
  snapshot: ClusterSnapshot;
  /** Changes with every new copy: lint results cached under another generation are stale. */
  generation: number;
}

const offStatus: ClusterStatusParams = { state: 'off', text: 'no cluster set (marathon.cluster.url): linting offline' };
const defaultPollSeconds = 30;

function countApps(g: { apps?: unknown[]; groups?: unknown[] }): number {
  let n = Array.isArray(g.apps) ? g.apps.length : 0;
  for (const s of Array.isArray(g.groups) ? g.groups : []) n += countApps(s as { apps?: unknown[]; groups?: unknown[] });
  return n;
}

/** The status a client shows, with a sentence any editor can print as is. */
export function clusterStatusOf(url: string, state: FeedState, pollSeconds: number): ClusterStatusParams {
  const at = url.replace(/\/+$/, '');
  if (state.state === 'connecting') return { state: 'connecting', url: at, text: `connecting to ${at}…` };
  if (state.state === 'unreachable') {
    const since = new Date(state.since).toISOString();
    return { state: 'unreachable', url: at, since, error: state.error, text: `cluster unreachable since ${since} (${state.error}); linting offline` };
  }
  const { info, rootGroup, at: read } = state.snapshot;
  const apps = countApps(rootGroup);
  const how = state.updates === 'events' ? 'kept current by its event stream' : `re-read every ${pollSeconds} s (the event stream is down)`;
  return {
    state: 'connected',
    url: at,
    marathonVersion: info.version,
    updates: state.updates,
    apps,
    updated: new Date(read).toISOString(),
    text: `Marathon ${info.version} at ${at}: ${apps} deployed app${apps === 1 ? '' : 's'}, ${how}`,
  };
}

export class ClusterLink {
  private feed: ClusterFeed | undefined;
  private key: string | undefined;
  private status: ClusterStatusParams = offStatus;
  private live_: LiveCluster | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly log: Logger,
    /** The open documents must be judged again (the copy, or whether there is one, changed). */
    private readonly onChange: () => void,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** The copy to lint against; undefined when there is none (no cluster set, not read yet, unreachable). */
  live(): LiveCluster | undefined {
    return this.live_;
  }

  /** Follow the cluster these settings name (nothing when the same as now). */
  configure(s: FollowedClusterSettings | undefined): void {
    const key = s?.url || s?.rejected ? JSON.stringify(s) : undefined;
    if (key === this.key) return;
    this.key = key;
    const old = this.feed;
    this.feed = undefined;
    if (old) void old.close().catch((e) => this.log.error('closing the cluster link failed', e));
    const hadCopy = this.live_ !== undefined;
    this.live_ = undefined;
    if (!s?.url) {
      this.publish(s?.rejected ? { state: 'off', text: s.rejected } : offStatus);
      if (hadCopy) this.onChange();
      return;
    }
    // Shown in the status and the log; the client still gets the setting as given (its user info is basic auth).
    const url = userFreeUrl(s.url);
    const pollSeconds = s.pollSeconds ?? defaultPollSeconds;
    let feed: ClusterFeed;
    try {
      const token = this.env[clusterTokenEnv]?.trim() || undefined;
      const client = clientFor(editorClusterAccess({ ...s, url: s.url }, token));
      feed = new ClusterFeed(client, {
        pollMs: pollSeconds * 1000,
        attachWaitMs: (s.timeoutSeconds ?? 10) * 1000,
        onChange: (state, generation) => {
          if (this.feed !== feed) return;
          this.live_ = state.state === 'connected' ? { snapshot: state.snapshot, generation } : undefined;
          this.publish(clusterStatusOf(url, state, pollSeconds));
          this.onChange();
        },
        log: (line) => this.log.verbose(line),
      });
    } catch (err) {
      // An unreadable token, credentials or CA file: say which, and lint offline.
      const error = clusterFailure(err);
      this.publish({ state: 'unreachable', url, since: new Date().toISOString(), error, text: `cannot use the cluster at ${url} (${error}); linting offline` });
      if (hadCopy) this.onChange();
      return;
    }
    this.feed = feed;
    this.publish(clusterStatusOf(url, feed.state, pollSeconds));
    if (hadCopy) this.onChange();
    feed.start();
  }

  /** Send the current status again (after `initialized`, so a client that just started sees it). */
  announce(): void {
    this.send(this.status);
  }

  async close(): Promise<void> {
    const f = this.feed;
    this.feed = undefined;
    await f?.close();
  }

  private publish(status: ClusterStatusParams): void {
    const changed = status.state !== this.status.state || status.text !== this.status.text;
    this.status = status;
    if (!changed) return;
    this.log.info(`cluster: ${status.text}`);
    this.send(status);
  }

  private send(status: ClusterStatusParams): void {
    void this.connection.sendNotification(ClusterStatusNotification.type, status).catch((e) => this.log.error('marathon/clusterStatus could not be sent', e));
  }
}
