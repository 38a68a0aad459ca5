/** `marathon.testMount`: the code lens argument → a dry-run on the current agent, with progress and a result. */
import * as vscode from 'vscode';
import type { DryRunMountResult, EngineName } from '@marathon-devtools/agent-bridge/dryrun/contract';
import { AgentStore, promptForAgent, type Agent } from './agents';
import { BridgeConnection } from '@marathon-devtools/agent-bridge/client/bridgeClient';
import { BridgeError } from '@marathon-devtools/agent-bridge/client/bridgeErrors';
import type { TestMountArgs } from '@marathon-devtools/language-server/protocol';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { fromPointer } from '@marathon-devtools/language-server/features/jsonTree';

export function isTestMountArgs(v: unknown): v is TestMountArgs {
  const a = v as TestMountArgs;
  return typeof a?.uri === 'string' && typeof a.volume?.driver === 'string' && typeof a.volume?.name === 'string';
}

const verdictText: Record<DryRunMountResult['verdict'], string> = {
  'mounted-and-released': 'mounted and released',
  'would-create': 'does not exist yet: a task would create it',
  'in-use': 'is in use on the agent: left untouched',
  refused: 'was refused by the agent',
  failed: 'failed to mount',
};

export class TestMountCommand {
  constructor(private readonly store: AgentStore, private readonly output: vscode.OutputChannel) {}

  async run(args: unknown): Promise<DryRunMountResult | undefined> {
    if (!isTestMountArgs(args)) {
      void vscode.window.showErrorMessage('Test mount needs a volume: use the "Test mount" code lens above an external volume.');
      return undefined;
    }
    let agent = this.store.current();
    if (!agent) {
      const choice = await vscode.window.showInformationMessage('No agent is configured for Test mount.', 'Add Agent');
      if (choice !== 'Add Agent') return undefined;
      agent = await promptForAgent(this.store);
      if (!agent) return undefined;
    }
    const token = await this.store.token(agent);
    if (!token) {
      void vscode.window.showErrorMessage(`No token is stored for agent "${agent.name}". Run "Marathon: Add Agent" again.`);
      return undefined;
    }
    return this.dryRun(agent, token, args);
  }

  private async dryRun(agent: Agent, token: string, args: TestMountArgs): Promise<DryRunMountResult | undefined> {
    const { driver, name } = args.volume;
    const started = Date.now();
    this.output.appendLine(`[${new Date().toISOString()}] Test mount ${driver}/${name} on ${agent.name} (${agent.url}), engine ${args.engine}`);
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Test mount ${name} on ${agent.name}`, cancellable: true },
        async (progress, cancel) => {
          const abort = new AbortController();
          cancel.onCancellationRequested(() => abort.abort());
          progress.report({ message: 'connecting' });
          const conn = await BridgeConnection.connect(agent.url, token);
          try {
            const engine = await this.engineFor(conn, args);
            return await conn.dryRunMount(
              { driver, name, options: args.volume.options, ...(args.volume.containerPath ? { containerPath: args.volume.containerPath } : {}), mode: args.volume.mode, ...(engine ? { engine } : {}) },
              (p) => {
                progress.report({ message: `${p.step}: ${p.status}` });
                this.output.appendLine(`  ${p.step} ${p.status}`);
              },
              abort.signal,
            );
          } finally {
            conn.close();
          }
        },
      );
      this.report(agent, args, result, Date.now() - started);
      return result;
    } catch (e) {
      const message = !(e instanceof BridgeError)
        ? `Test mount failed: ${(e as Error).message}`
        : e.kind === 'unauthorized'
          ? `${e.message} Run "Marathon: Add Agent" again with the same name to replace it.`
          : e.message;
      this.output.appendLine(`  error: ${message}`);
      const show = e instanceof BridgeError && e.kind === 'cancelled' ? vscode.window.showInformationMessage : vscode.window.showErrorMessage;
      void show(message, 'Show Output').then((c) => c && this.output.show(true));
      return undefined;
    }
  }

  /**
   * The engine the app's form implies (docker-volume isolator or dvdi module), when the agent can run it.
   * An agent without dvdcli (e.g. the bridge's embedded local driver) only offers `plugin`: the same plugin
   * calls without dvdcli in between, which is still the most faithful test it can make, so say so and go on.
   */
  private async engineFor(conn: BridgeConnection, args: TestMountArgs): Promise<EngineName | undefined> {
    const info = await conn.info();
    if (info.engines.includes(args.engine)) return args.engine;
    this.output.appendLine(`  note: the agent cannot run the ${args.engine} engine (engines: ${info.engines.join(', ')}; dvdcli missing?); using its default, which calls the volume plugin directly`);
    return undefined;
  }

  /**
   * Mesos mounts a relative containerPath inside the task's sandbox (Marathon 1.3 – 1.4 even requires one
   * segment), a place only the running task has; the bridge mounts at the driver's mountpoint and accepts
   * absolute paths only, so a relative one is left out rather than turned into a refusal.
   */
  private report(agent: Agent, args: TestMountArgs, r: DryRunMountResult, ms: number): void {
    for (const s of r.steps) this.output.appendLine(`  ${s.ok ? 'ok  ' : 'FAIL'} ${s.step} ${s.ms} ms${s.detail ? ` — ${s.detail}` : ''}`);
    for (const w of r.warnings) this.output.appendLine(`  warning: ${w}`);
    const where = r.mountpoint ? ` at ${r.mountpoint}` : '';
    const failedStep = r.steps.find((s) => !s.ok);
    const detail = r.verdict === 'mounted-and-released' ? ` (${ms} ms)` : failedStep?.detail ? `: ${failedStep.detail}` : '';
    const text = `Volume ${args.volume.name} on ${agent.name} ${verdictText[r.verdict]}${where}${detail}`;
    this.output.appendLine(`  verdict: ${r.verdict}${where}`);
    const show = r.verdict === 'mounted-and-released' || r.verdict === 'would-create' ? vscode.window.showInformationMessage : r.verdict === 'in-use' ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
    void show(text, 'Show Output', 'Go to Volume').then((choice) => {
      if (choice === 'Show Output') this.output.show(true);
      if (choice === 'Go to Volume') void revealPointer(args.uri, args.pointer);
    });
  }
}

async function revealPointer(uri: string, pointer: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const tree = parseTree(doc.getText());
  const node = tree && findNodeAtLocation(tree, fromPointer(pointer));
  const pos = doc.positionAt(node?.offset ?? 0);
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos) });
}
