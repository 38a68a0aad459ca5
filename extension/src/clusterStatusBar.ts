/**
 * The cluster's status bar item (issue 13): the Marathon version the documents are judged against, "cluster
 * unreachable since …" while the server lints offline, or "offline" without a cluster. It shows what the
 * server reports (`marathon/clusterStatus`); clicking it runs "Marathon: Connect to Cluster".
 */
import * as vscode from 'vscode';
import type { ClusterStatusParams } from '@marathon-devtools/language-server/protocol';
import { clusterStatusBeforeServer } from './clusterStatusBeforeServer';

export class ClusterStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('marathon.cluster', vscode.StatusBarAlignment.Right, 99);

  /** Whether the server has reported a status: from then on it says what the settings mean, not this item. */
  private fromServer = false;

  constructor() {
    this.item.name = 'Marathon Cluster';
    this.item.command = 'marathon.connectCluster';
    this.settingsChanged();
  }

  /**
   * Until the server runs (it starts with the first Marathon document), what it will do with `marathon.cluster.url`
   * as it is now (clusterStatusBeforeServer.ts): read again at every change, since the URL is often set (Connect to
   * Cluster) before any such document.
   */
  settingsChanged(): void {
    if (this.fromServer) return;
    this.render(clusterStatusBeforeServer(vscode.workspace.getConfiguration('marathon').get('cluster')));
  }

  /** A status from the server (`marathon/clusterStatus`). */
  show(s: ClusterStatusParams): void {
    this.fromServer = true;
    this.render(s);
  }

  private render(s: ClusterStatusParams): void {
    if (s.state === 'connected') {
      this.item.text = `$(cloud) Marathon ${s.marathonVersion ?? ''}`.trimEnd();
      this.item.backgroundColor = undefined;
    } else if (s.state === 'unreachable') {
      const since = s.since ? new Date(s.since).toLocaleTimeString() : 'now';
      this.item.text = `$(cloud-offline) cluster unreachable since ${since}`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else if (s.state === 'connecting') {
      this.item.text = '$(cloud) Marathon: connecting…';
      this.item.backgroundColor = undefined;
    } else {
      this.item.text = '$(circle-slash) Marathon: offline';
      this.item.backgroundColor = undefined;
    }
    this.item.tooltip = `${s.text}\nClick to connect to a cluster (Marathon: Connect to Cluster).`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
