/**
 * Activation: register the commands and the status bar, and start the language server as soon as a
 * JSON document that looks like a Marathon/Chronos definition is open. Everything else lives in its own file.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AgentStore, promptForAgent } from './agents';
import { TestMountCommand } from './testMount';
import { MarathonStatusBar } from './statusBar';
import { createLanguageClient, looksLikeMarathon } from './languageClient';

let client: LanguageClient | undefined;

export interface MarathonExtensionApi {
  /** Time activate() took, in ms (printed by the integration suite). */
  activationMs: number;
  /** Resolves once the language server is running (it starts with the first Marathon document). */
  serverReady(): Promise<void>;
}

export function activate(context: vscode.ExtensionContext): MarathonExtensionApi {
  const t0 = performance.now();
  const output = vscode.window.createOutputChannel('Marathon', { log: true });
  const store = new AgentStore(context.secrets);
  const statusBar = new MarathonStatusBar(store);
  const testMount = new TestMountCommand(store, output);
  let ready: Promise<void> | undefined;

  const startServer = (): Promise<void> => {
    ready ??= (async () => {
      client = createLanguageClient(context, output, (s) => statusBar.onValidated(s));
      await client.start();
    })();
    return ready;
  };
  const maybeStart = (doc: vscode.TextDocument) => {
    const globs = vscode.workspace.getConfiguration('marathon').get<string[]>('files') ?? [];
    if (!ready && looksLikeMarathon(doc, globs)) void startServer().catch((e) => output.appendLine(`Language server failed to start: ${e}`));
  };

  context.subscriptions.push(
    output,
    statusBar,
    vscode.commands.registerCommand('marathon.testMount', (args: unknown) => testMount.run(args)),
    vscode.commands.registerCommand('marathon.addAgent', () => promptForAgent(store)),
    vscode.commands.registerCommand('marathon.removeAgent', async () => {
      const pick = await vscode.window.showQuickPick(store.list().map((a) => ({ label: a.name, description: a.url })), { title: 'Marathon: Remove Agent' });
      if (pick) await store.remove(pick.label);
    }),
    vscode.commands.registerCommand('marathon.selectAgent', async () => {
      const items = [...store.list().map((a) => ({ label: a.name, description: a.url })), { label: '$(add) Add Agent…', description: '' }];
      const pick = await vscode.window.showQuickPick(items, { title: 'Marathon: Select Agent' });
      if (!pick) return;
      if (pick.description === '') await promptForAgent(store);
      else await store.select(pick.label);
    }),
    vscode.commands.registerCommand('marathon.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('marathon.restartServer', async () => {
      if (client) await client.restart();
      else await startServer();
    }),
    vscode.workspace.onDidOpenTextDocument(maybeStart),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('marathon.agents') || e.affectsConfiguration('marathon.currentAgent')) void statusBar.refreshReachability();
    }),
  );
  vscode.workspace.textDocuments.forEach(maybeStart);

  const activationMs = performance.now() - t0;
  output.appendLine(`Marathon DevTools activated in ${activationMs.toFixed(1)} ms`);
  return { activationMs, serverReady: () => startServer() };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
