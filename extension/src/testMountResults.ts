/** The "Test Mount Results" view: per volume the summary of the last run, under it one row per candidate agent. */
import * as vscode from 'vscode';
import { OK_VERDICTS, summarizeRuns, type CandidateRun } from '@marathon-devtools/agent-bridge/client/candidateRuns';

type Node = { kind: 'volume'; label: string; runs: CandidateRun[] } | { kind: 'run'; run: CandidateRun };

export class TestMountResults implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private volumes: Node[] = [];
  private title = '';

  /** Shows a finished (or cancelled) run: one group per volume. */
  show(appId: string, runs: readonly CandidateRun[]): void {
    const groups = new Map<string, CandidateRun[]>();
    for (const r of runs) groups.set(`${r.volume.pointer}`, [...(groups.get(r.volume.pointer) ?? []), r]);
    this.volumes = [...groups.values()].map((rs) => ({ kind: 'volume', label: summarizeRuns(rs)[0] ?? '', runs: rs }));
    this.title = appId;
    this.changed.fire();
  }

  get description(): string {
    return this.title;
  }

  getChildren(n?: Node): Node[] {
    if (!n) return this.volumes;
    return n.kind === 'volume' ? n.runs.map((run) => ({ kind: 'run', run })) : [];
  }

  getTreeItem(n: Node): vscode.TreeItem {
    if (n.kind === 'volume') {
      const item = new vscode.TreeItem(n.label, vscode.TreeItemCollapsibleState.Expanded);
      const ok = n.runs.every((r) => OK_VERDICTS.has(r.verdict));
      item.iconPath = new vscode.ThemeIcon(ok ? 'pass' : 'warning');
      item.tooltip = n.label;
      return item;
    }
    const r = n.run;
    const item = new vscode.TreeItem(`${r.hostname}${r.zone ? ` (zone ${r.zone})` : ''}: ${r.verdict}`, vscode.TreeItemCollapsibleState.None);
    item.description = `${r.ms} ms${r.detail ? ` — ${r.detail}` : ''}`;
    item.tooltip = `${r.volume.driver}/${r.volume.name} on ${r.hostname} (${r.url})\n${r.verdict} in ${r.ms} ms${r.detail ? `\n${r.detail}` : ''}`;
    item.iconPath = new vscode.ThemeIcon(OK_VERDICTS.has(r.verdict) ? 'check' : 'error');
    return item;
  }
}
