/**
 * One status bar item: the current agent and whether it answers, plus the last validation of the file in the active
 * editor. Statuses come per document (protocol.ts, marathon/status), the ignored one once: the bar keeps each
 * document's last and shows the active editor's, so a file left out by ignorePatterns is not called linted, nor a
 * linted one "not linted", by whichever document the server answered last.
 */
import * as vscode from 'vscode';
import type { AgentStore } from './agents';
import type { StatusParams } from '@marathon-devtools/language-server/protocol';
import { AgentReachability } from './agentReachability';

export class MarathonStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('marathon.status', vscode.StatusBarAlignment.Right, 100);
  private readonly reachability = new AgentReachability();
  private readonly validations = new Map<string, StatusParams>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly store: AgentStore) {
    this.item.name = 'Marathon';
    this.item.command = 'marathon.selectAgent';
    store.onDidChange(() => void this.refreshReachability());
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((d) => this.validations.delete(d.uri.toString())),
    );
    // Reachability is probed now and then (cheap GET /healthz), never per keystroke.
    this.timer = setInterval(() => void this.refreshReachability(), 60_000);
    void this.refreshReachability();
  }

  onValidated(status: StatusParams): void {
    this.validations.set(status.uri, status);
    this.render();
  }

  async refreshReachability(): Promise<void> {
    await this.reachability.refresh(this.store.current()?.url);
    this.render();
  }

  private render(): void {
    const agent = this.store.current();
    const reachability = this.reachability.of(agent?.url);
    const icon = reachability === 'up' ? '$(vm-active)' : reachability === 'down' ? '$(vm-outline)' : '$(vm)';
    const agentText = agent ? `${agent.name}${reachability === 'down' ? ' (unreachable)' : ''}` : 'no agent';
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    const v = active === undefined ? undefined : this.validations.get(active);
    // A document left out by ignorePatterns is not linted: its last lint time would be stale (protocol.ts, ignoredBy).
    const lint = !v ? '' : v.ignoredBy !== undefined ? ' · not linted (ignorePatterns)' : ` · linted in ${v.validationTimeMs.toFixed(0)} ms`;
    this.item.text = `${icon} Marathon: ${agentText}${lint}`;
    const lines = [agent ? `Agent ${agent.name} — ${agent.url} (${reachability})` : 'No agent: click to add or select one'];
    if (v?.ignoredBy !== undefined) lines.push(`Not linted: the pattern ${JSON.stringify(v.ignoredBy)} of marathon-lint.config.json's ignorePatterns leaves this file out, as marathon-lint does`);
    else if (v) lines.push(`Last validation ${new Date(v.lastValidated).toLocaleTimeString()}: ${v.validationTimeMs.toFixed(1)} ms, ${v.diagnostics} finding(s)`);
    this.item.tooltip = lines.join('\n');
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    for (const d of this.subscriptions) d.dispose();
    this.item.dispose();
  }
}
