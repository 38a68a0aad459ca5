/**
 * Activation: register the commands and the status bar, and start the language server only once a JSON
 * document the server handles is open (or a command needs it). Everything else lives in its own file.
 */
import * as vscode from 'vscode';
import { CodeLensRequest, type LanguageClient } from 'vscode-languageclient/node';
import { AgentStore, promptForAgent } from './agents';
import { isTestMountArgs } from '@marathon-devtools/language-server/protocol';
import { TestMountRunner } from './testMount';
import { testMountArgsFromEditor } from './testMountFromEditor';
import { CLUSTER_TOKEN_KEY, ClusterBridges, clusterSettings } from './clusterBridges';
import { ClusterTestMount } from './testMountCluster';
import { TestMountResults } from './testMountResults';
import { allCandidatesLenses } from './clusterLenses';
import { schemaKeyOnce } from './schemaKeyOnce';
import { MarathonStatusBar } from './statusBar';
import { createLanguageClient } from './languageClient';
import { startsLanguageServer } from './documentFilter';
import { ClusterStatusBar } from './clusterStatusBar';
import { connectToCluster } from './connectCluster';
import { ServerTokenSync } from './serverTokenSync';

let client: LanguageClient | undefined;

export interface MarathonExtensionApi {
  /** Time activate() took, in ms (printed by the integration suite). */
  activationMs: number;
  /** Whether the language server process has been started (it starts with the first Marathon document). */
  serverStarted(): boolean;
  /** Starts the language server if needed and resolves once it runs. */
  serverReady(): Promise<void>;
}

export function activate(context: vscode.ExtensionContext): MarathonExtensionApi {
  const t0 = performance.now();
  const output = vscode.window.createOutputChannel('Marathon', { log: true });
  const store = new AgentStore(context.secrets);
  const statusBar = new MarathonStatusBar(store);
  const testMount = new TestMountRunner(store, output);
  const cluster = new ClusterBridges(context.secrets);
  const results = new TestMountResults();
  const clusterTestMount = new ClusterTestMount(cluster, results, output);
  const clusterStatusBar = new ClusterStatusBar();
  // Added to process.env at every (re)start of the server (vscode-languageclient reads it then), so a new token applies at the restart.
  const serverEnv: NodeJS.ProcessEnv = {};
  let ready: Promise<void> | undefined;

  // Lenses asked for again: `doc`'s once the cluster view they waited for is read (clusterLenses.ts); every visible
  // one's when the cluster settings or token change, since "Test mount on all N candidates" depends on them.
  const refreshLenses = (doc?: vscode.TextDocument) => {
    const lenses = client?.getFeature(CodeLensRequest.method);
    const docs = doc ? [doc] : vscode.window.visibleTextEditors.map((e) => e.document);
    for (const emitter of new Set(docs.map((d) => lenses?.getProvider(d)?.onDidChangeCodeLensEmitter))) emitter?.fire();
  };
  const tokens = new ServerTokenSync(() => context.secrets.get(CLUSTER_TOKEN_KEY), serverEnv, {
    running: () => ready !== undefined,
    // A start still under way is waited for; one that failed is tried again through the client it made.
    restart: async () => {
      await ready?.catch(() => undefined);
      if (client) await client.restart();
      else {
        ready = undefined; // the start failed before it made a client: start again, not answer with that failure
        await startServer();
      }
    },
    start: () => startServer(),
  }, (e) => {
    const message = `The Marathon language server could not be (re)started: ${e}. Run "Marathon: Restart Language Server" to try again.`;
    output.error(message);
    void vscode.window.showErrorMessage(message, 'Show Output').then((x) => x && output.show(true));
  });

  const startServer = (): Promise<void> => {
    ready ??= (async () => {
      await tokens.load();
      client = createLanguageClient(context, output, { onStatus: (s) => statusBar.onValidated(s), onClusterStatus: (s) => clusterStatusBar.show(s), env: serverEnv }, { provideCodeLenses: allCandidatesLenses(clusterTestMount, output, refreshLenses), provideCompletionItem: schemaKeyOnce });
      await client.start();
    })();
    return ready;
  };
  const maybeStart = (doc: vscode.TextDocument) => {
    if (ready) return;
    const globs = vscode.workspace.getConfiguration('marathon').get<string[]>('files') ?? [];
    if (startsLanguageServer(doc, globs)) void startServer().catch((e) => output.error(`The Marathon language server failed to start: ${e}. Run "Marathon: Restart Language Server"; "Marathon: Show Output" has the details.`));
  };

  context.subscriptions.push(
    output,
    statusBar,
    clusterStatusBar,
    // The server restarts with the token it stores, once (serverTokenSync.ts), with the same URL too.
    vscode.commands.registerCommand('marathon.connectCluster', () =>
      tokens.whileConnecting(async () => {
        if (!(await connectToCluster(context.secrets))) return false;
        cluster.invalidate();
        refreshLenses();
        return true;
      }),
    ),
    // With a cluster set, Test mount runs where the app will run; otherwise on the agent picked by hand. Without the
    // lens's argument (a keybinding, the palette) it tests the volume at the cursor (testMountFromEditor.ts).
    vscode.commands.registerCommand('marathon.testMount', async (given: unknown) => {
      const args = given === undefined ? await testMountArgsFromEditor() : given;
      if (args === undefined) return undefined;
      if (clusterSettings() && isTestMountArgs(args)) {
        const r = await clusterTestMount.run(args, false);
        if (r !== 'no-cluster') return r;
      }
      return testMount.run(args);
    }),
    vscode.commands.registerCommand('marathon.testMountAll', async (given: unknown) => {
      const args = given === undefined ? await testMountArgsFromEditor() : given;
      if (!isTestMountArgs(args)) return undefined;
      const r = await clusterTestMount.run(args, true);
      if (r === 'no-cluster') void vscode.window.showInformationMessage('Test mount on all candidates needs a cluster: set "marathon.cluster.url" and "marathon.cluster.mesosUrl".');
      return r === 'no-cluster' ? undefined : r;
    }),
    vscode.commands.registerCommand('marathon.showClusterBridges', async () => {
      const s = clusterSettings();
      if (!s) return void vscode.window.showInformationMessage('No cluster is set: set "marathon.cluster.url" and "marathon.cluster.mesosUrl" to find the bridges.');
      try {
        const view = await cluster.view(s, true);
        const items = view.bridges.map((b) => ({ label: b.hostname, description: `${b.zone ? `zone ${b.zone} · ` : ''}${b.url}`, detail: b.agentId ? `agent ${b.agentId}` : 'agent not known to the Mesos master' }));
        await vscode.window.showQuickPick(items, { title: `Marathon: ${items.length} bridge${items.length === 1 ? '' : 's'} of ${s.bridgeApp} on ${view.agents.length} agents`, placeHolder: view.skipped.length ? `skipped: ${view.skipped.join('; ')}` : undefined });
      } catch (e) {
        void vscode.window.showErrorMessage(`Cannot read the cluster: ${(e as Error).message}`);
      }
    }),
    // Replaces the stored token only with one given: cancelled, Test mount keeps using the stored one.
    vscode.commands.registerCommand('marathon.setClusterBridgeToken', () => cluster.askBridgeToken()),
    vscode.window.registerTreeDataProvider('marathon.testMountResults', results),
    vscode.commands.registerCommand('marathon.addAgent', () => promptForAgent(store)),
    vscode.commands.registerCommand('marathon.removeAgent', async () => {
      const agents = store.list();
      if (agents.length === 0) {
        void vscode.window.showInformationMessage('No agent to remove: none is configured.');
        return;
      }
      const pick = await vscode.window.showQuickPick(agents.map((a) => ({ label: a.name, description: a.url })), { title: 'Marathon: Remove Agent' });
      if (pick) await store.remove(pick.label);
    }),
    vscode.commands.registerCommand('marathon.selectAgent', async () => {
      const current = store.current()?.name;
      const add = { label: '$(add) Add Agent…', description: '', name: '', add: true };
      // The current agent is marked and listed first, so the picker shows what Test mount uses now.
      const agents = store.list().sort((a, b) => Number(b.name === current) - Number(a.name === current));
      const items = [...agents.map((a) => ({ label: `${a.name === current ? '$(check)' : '$(blank)'} ${a.name}`, description: a.name === current ? `${a.url} · current` : a.url, name: a.name, add: false })), add];
      const pick = await vscode.window.showQuickPick(items, { title: 'Marathon: Select Agent', placeHolder: current ? `Test mount uses ${current}` : 'No agent yet' });
      if (!pick) return;
      if (pick.add) await promptForAgent(store);
      else await store.select(pick.name);
    }),
    vscode.commands.registerCommand('marathon.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('marathon.restartServer', () => tokens.restartServer()),
    vscode.workspace.onDidOpenTextDocument(maybeStart),
    // A new or pasted definition becomes ours while typed; large non-Marathon JSON is not re-parsed per keystroke.
    vscode.workspace.onDidChangeTextDocument((e) => e.document.lineCount < 20_000 && maybeStart(e.document)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('marathon.agents') || e.affectsConfiguration('marathon.currentAgent')) void statusBar.refreshReachability();
      if (e.affectsConfiguration('marathon.cluster')) {
        clusterStatusBar.settingsChanged();
        cluster.invalidate();
        refreshLenses();
      }
    }),
    context.secrets.onDidChange((e) => {
      if (e.key !== CLUSTER_TOKEN_KEY) return;
      cluster.invalidate();
      refreshLenses();
      void tokens.changed();
    }),
  );
  vscode.workspace.textDocuments.forEach(maybeStart);

  const activationMs = performance.now() - t0;
  output.info(`Marathon DevTools activated in ${activationMs.toFixed(1)} ms`);
  return { activationMs, serverStarted: () => ready !== undefined, serverReady: () => startServer() };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
