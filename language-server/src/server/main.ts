/**
 * marathon-language-server: `--stdio`, `--node-ipc` or `--socket=<port>` (vscode-languageserver reads
 * the transport from argv). A thin adapter: each concern registers its own handlers.
 */
import { createConnection, ProposedFeatures, StreamMessageWriter, TextDocuments, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver/node';
import { TestMountCommand, type MarathonInitializationOptions } from '../protocol';
import { ChangeLog } from './changeLog';
import { registerCodeActions } from './codeActions';
import { registerCodeLens } from './codeLens';
import { registerCompletion } from './completion';
import { registerDefinition } from './definition';
import { registerHover } from './hover';
import { createLogger } from './logger';
import { ResyncMessageReader } from './frameReader';
import { guard } from './runSafe';
import { Session } from './session';
import { registerDynamic, registerSettings } from './settingsHandler';
import { registerSymbols } from './symbols';
import { registerTestMount } from './testMount';
import { Validation } from './validation';
import { ClusterLink } from './clusterLink';
import { version } from '../../package.json';

const usage = 'usage: marathon-language-server --stdio | --node-ipc | --socket=<port>\n';
// --help and --version answer on stdout with exit 0, as the other three commands do; no transport is a usage error.
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(usage);
  process.exit(0);
}
if (process.argv.includes('--version') || process.argv.includes('-v')) {
  process.stdout.write(`${version}\n`);
  process.exit(0);
}
if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stderr.write(usage);
  process.exit(2);
}

/**
 * stdio gets our own reader, which survives a bad frame (frameReader.ts); other transports use the library's.
 * Then, as vscode-languageserver does for stdio itself: stdout carries only frames (console goes to stderr),
 * and the end of stdin ends the server (exit 0 after `shutdown`, else 1, so the client restarts it).
 */
const stdio = process.argv.includes('--stdio');
let shutdownReceived = false;
const connection = stdio
  ? createConnection(
      ProposedFeatures.all,
      new ResyncMessageReader(
        process.stdin,
        (line) => process.stderr.write(`marathon-language-server: ${line}\n`),
        (line) => {
          process.stderr.write(`marathon-language-server: exiting: ${line}\n`);
          process.exit(1);
        },
      ),
      new StreamMessageWriter(process.stdout),
    )
  : createConnection(ProposedFeatures.all);
if (stdio) {
  console.log = console.info = console.warn = console.debug = console.error;
  const exit = () => process.exit(shutdownReceived ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  connection.onShutdown(() => {
    shutdownReceived = true;
  });
}
const changes = new ChangeLog();
const documents = new TextDocuments(changes.documentsConfig);
const log = createLogger(connection);
const session = new Session(connection, documents, log, changes);
const validation = new Validation(session);
const cluster = new ClusterLink(connection, log, () => validation.revalidateAll());
session.cluster = cluster;
session.settings.onDidChange((s) => cluster.configure(s.cluster));

// Last line of defence: a bug must cost one feature, not the server.
process.on('uncaughtException', (e) => log.error('uncaught exception', e));
process.on('unhandledRejection', (e) => log.error('unhandled rejection', e));

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  session.support = {
    pullDiagnostics: !!caps.textDocument?.diagnostic,
    diagnosticRefresh: !!caps.workspace?.diagnostics?.refreshSupport,
    configurationPull: !!caps.workspace?.configuration,
    watchedFilesDynamic: !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    configurationDynamic: !!caps.workspace?.didChangeConfiguration?.dynamicRegistration,
  };
  session.setRoots([...(params.workspaceFolders ?? []).map((f) => f.uri), params.rootUri]);
  const init = (params.initializationOptions ?? {}) as MarathonInitializationOptions;
  const clientRunsTestMount = Array.isArray(init.clientCommands) && init.clientCommands.includes(TestMountCommand.id);
  return {
    capabilities: {
      // save: a marathon-lint.config.json saved in the editor is re-read (settingsHandler.ts), for clients that watch no files.
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      completionProvider: { triggerCharacters: ['"', ':', ' ', '/'] },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      codeLensProvider: { resolveProvider: false },
      // One outline: a client with its own (VS Code's JSON Language Features) asks us not to add a second.
      documentSymbolProvider: init.documentSymbols !== false,
      ...(clientRunsTestMount ? {} : { executeCommandProvider: { commands: [TestMountCommand.id] } }),
      definitionProvider: true,
      ...(session.support.pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'marathon-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() =>
  guard(log, 'initialized', async () => {
    await registerDynamic(session);
    await session.settings.refresh();
    cluster.announce();
    validation.revalidateAll();
  }),
);

documents.onDidOpen((e) => guard(log, 'didOpen', () => validation.schedule(e.document.uri, 0)));
documents.onDidChangeContent((e) => guard(log, 'didChange', () => validation.schedule(e.document.uri)));
documents.onDidClose((e) => guard(log, 'didClose', () => validation.closed(e.document.uri)));

validation.register();
registerSettings(session, validation);
registerCompletion(session);
registerHover(session);
registerCodeActions(session);
registerCodeLens(session);
registerSymbols(session);
registerDefinition(session);
// Required, not imported: see BridgeClient in testMount.ts (esbuild bundles it; tsc leaves the cycle alone).
registerTestMount(session, () => require('@marathon-devtools/agent-bridge/client/bridgeClient').BridgeConnection);

documents.listen(connection);
connection.listen();
