/** `marathon.testMount`: the code lens argument → a dry-run on the current agent, with progress and a result. */
import * as vscode from 'vscode';
import type { DryRunMountResult, EngineName } from '@marathon-devtools/agent-bridge/dryrun/contract';
import { AgentStore, promptForAgent, type BridgeAgent } from './agents';
import { BridgeConnection } from '@marathon-devtools/agent-bridge/client/bridgeClient';
import type { BridgeInfoResult } from '@marathon-devtools/schema/generated/dvdi-bridge-protocol';
import { BridgeError } from '@marathon-devtools/agent-bridge/client/bridgeErrors';
import { createRefusedMessage, missingDriverMessage, verdictSentence } from '@marathon-devtools/language-server/testMountText';
import { isTestMountArgs, type TestMountArgs } from '@marathon-devtools/language-server/protocol';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { fromPointer } from '@marathon-devtools/language-server/features/jsonTree';


const createAndTest = 'Create and Test';


export class TestMountRunner {
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

  private async dryRun(agent: BridgeAgent, token: string, args: TestMountArgs, allowCreate = false): Promise<DryRunMountResult | undefined> {
    const { driver, name } = args.volume;
    const started = Date.now();
    this.output.appendLine(`[${new Date().toISOString()}] Test mount ${driver}/${name} on ${agent.name} (${agent.url}), engine ${args.engine}${allowCreate ? ', creating it if missing' : ''}`);
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Test mount ${name} on ${agent.name}`, cancellable: true },
        async (progress, cancel) => {
          // One signal for the whole run: connect, handshake, bridge/info and the mount all stop on Cancel.
          const abort = new AbortController();
          cancel.onCancellationRequested(() => abort.abort());
          progress.report({ message: 'connecting' });
          const conn = await BridgeConnection.connect(agent.url, token, { signal: abort.signal });
          try {
            const info = await conn.info(abort.signal);
            const missing = missingDriverMessage(agent.name, info, driver);
            if (missing) return missing;
            const engine = this.engineFor(info, args);
            // containerPath as the app writes it, relative (inside the task sandbox) or absolute: the bridge checks
            // it as the agent would (agent-bridge/src/validation/request.ts: relative is the docker/volume isolator's
            // sandbox path, refused for mesos-module-dvdi), so nothing is left out here.
            return await conn.dryRunMount(
              { driver, name, options: args.volume.options, ...(args.volume.containerPath ? { containerPath: args.volume.containerPath } : {}), mode: args.volume.mode, ...(engine ? { engine } : {}), ...(allowCreate ? { allowCreate } : {}) },
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
      if (typeof result === 'string') {
        this.output.appendLine(`  ${result}`);
        void vscode.window.showErrorMessage(result, 'Show Output').then((c) => c && this.output.show(true));
        return undefined;
      }
      this.report(agent, token, args, result, Date.now() - started, allowCreate);
      return result;
    } catch (e) {
      const cancelled = e instanceof BridgeError && e.kind === 'cancelled';
      const message = !(e instanceof BridgeError)
        ? `Test mount failed: ${(e as Error).message}`
        : cancelled
          ? `Test mount of ${name} cancelled. ${e.message}`
          : e.kind === 'unauthorized'
            ? `${e.message} Paste that token (or its whole "name:token" line from the agent's token file) with "Marathon: Add Agent", using the name "${agent.name}" to replace the stored one.`
            : e.message;
      this.output.appendLine(`  ${cancelled ? 'cancelled' : 'error'}: ${message}`);
      const show = cancelled ? vscode.window.showInformationMessage : vscode.window.showErrorMessage;
      void show(message, 'Show Output').then((c) => c && this.output.show(true));
      return undefined;
    }
  }

  /**
   * The engine the app's form implies (docker-volume isolator or dvdi module), when the agent can run it.
   * An agent without dvdcli (e.g. the bridge's embedded local driver) only offers `plugin`: the same plugin
   * calls without dvdcli in between, which is still the most faithful test it can make, so say so and go on.
   */
  private engineFor(info: BridgeInfoResult, args: TestMountArgs): EngineName | undefined {
    if (info.engines.includes(args.engine)) return args.engine;
    this.output.appendLine(`  note: the agent cannot run the ${args.engine} engine (engines: ${info.engines.join(', ')}; dvdcli missing?); using its default, which calls the volume plugin directly`);
    return undefined;
  }

  /** The steps and verdict in the output, and one message whose buttons fit the verdict (Create and Test on would-create). */
  private report(agent: BridgeAgent, token: string, args: TestMountArgs, r: DryRunMountResult, ms: number, createRequested: boolean): void {
    for (const s of r.steps) this.output.appendLine(`  ${s.ok ? 'ok  ' : 'FAIL'} ${s.step} ${s.ms} ms${s.detail ? ` — ${s.detail}` : ''}`);
    for (const w of r.warnings) this.output.appendLine(`  warning: ${w}`);
    let text = verdictSentence(args.volume.name, agent.name, r, ms);
    this.output.appendLine(`  verdict: ${r.verdict}${r.mountpoint ? ` at ${r.mountpoint}` : ''}`);
    const actions = ['Show Output', 'Go to Volume'];
    if (r.verdict === 'would-create') {
      // The bridge creates only when the request asks and the token's policy allows it (README, dvdi-bridge).
      if (!createRequested) actions.unshift(createAndTest);
      else text = createRefusedMessage(args.volume.name, args.volume.driver, agent.name);
    }
    const show = r.verdict === 'mounted-and-released' || (r.verdict === 'would-create' && !createRequested) ? vscode.window.showInformationMessage : r.verdict === 'in-use' || r.verdict === 'would-create' ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
    void show(text, ...actions).then((choice) => {
      if (choice === 'Show Output') this.output.show(true);
      if (choice === 'Go to Volume') void revealPointer(args.uri, args.pointer);
      if (choice === createAndTest) void this.dryRun(agent, token, args, true);
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
