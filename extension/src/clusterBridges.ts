/**
 * Bridges found through the cluster (issue 10): with `marathon.cluster.url` set, the bridge app's running tasks
 * in Marathon joined with the Mesos master's agents, and the agents Marathon could place an app on. Tokens stay in
 * SecretStorage (`marathon.cluster.token` for Marathon and the master, `marathon.cluster.bridgeToken` for the
 * bridges); manually added agents (agents.ts) keep working without a cluster.
 */
import * as vscode from 'vscode';
import type { Candidates } from '@marathon-devtools/cluster/discovery/candidates';
import { tokenFromLine } from '@marathon-devtools/language-server/testMountText';
import { fetchClusterView, type ClusterSettings, type ClusterView } from './clusterView';
import { tokenLineProblem } from './agents';
import { ClusterViewCache } from './clusterViewCache';
import { readClusterSettings } from './clusterConfig';

export type { Candidates, ClusterSettings, ClusterView };

export const CLUSTER_TOKEN_KEY = 'marathon.cluster.token';
const BRIDGE_TOKEN_KEY = 'marathon.cluster.bridgeToken';

/** The cluster settings, or undefined when no cluster is set (Test mount then uses the manually added agents). */
export function clusterSettings(): ClusterSettings | undefined {
  return readClusterSettings(vscode.workspace.getConfiguration('marathon').get('cluster'));
}

export class ClusterBridges {
  private readonly cache: ClusterViewCache;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.cache = new ClusterViewCache(async (s) => fetchClusterView(s, await this.secrets.get(CLUSTER_TOKEN_KEY)));
  }

  /** Forget the cached view (settings or tokens changed). */
  invalidate(): void {
    this.cache.invalidate();
  }

  /** The cluster's agents and bridges, fetched at most every 30 s (never per keystroke; `keptFailure`: see ClusterViewCache). */
  view(s: ClusterSettings, fresh = false, keptFailure = false): Promise<ClusterView> {
    return this.cache.view(s, fresh, keptFailure);
  }

  /** The stored bridge token, else the one the user gives now (undefined when cancelled). */
  async bridgeToken(): Promise<string | undefined> {
    return (await this.secrets.get(BRIDGE_TOKEN_KEY)) || this.askBridgeToken();
  }

  /**
   * Asks for the bridge token and stores it; cancelled, the stored one stays. The package's token secret is a token
   * file (one token per line, optionally `name:token`), so a whole line pasted is taken as the bridge reads it.
   */
  async askBridgeToken(): Promise<string | undefined> {
    const entered = await vscode.window.showInputBox({
      title: 'Marathon: bridge token for the cluster',
      prompt: "A line of the cluster's dvdi-bridge token secret (name:token) or the token alone; kept in VS Code's SecretStorage, never in settings",
      password: true,
      ignoreFocusOut: true,
      validateInput: tokenLineProblem,
    });
    if (!entered || tokenLineProblem(entered)) return undefined;
    const token = tokenFromLine(entered).token;
    await this.secrets.store(BRIDGE_TOKEN_KEY, token);
    return token;
  }
}
