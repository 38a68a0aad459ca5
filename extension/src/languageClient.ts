/** Starts the bundled marathon-language-server over stdio with vscode-languageclient. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type Middleware, type ServerOptions } from 'vscode-languageclient/node';
import { ClusterStatusNotification, StatusNotification, TestMountCommand, type ClusterStatusParams, type MarathonInitializationOptions, type StatusParams } from '@marathon-devtools/language-server/protocol';
import { configFileName } from '@marathon-devtools/language-server/project/configFinder';

export interface ServerHooks {
  onStatus: (s: StatusParams) => void;
  onClusterStatus: (s: ClusterStatusParams) => void;
  /** The server's environment, read at every (re)start: the cluster token travels here (connectCluster.ts). */
  env: NodeJS.ProcessEnv;
}

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, hooks: ServerHooks, middleware?: Middleware): LanguageClient {
  const module = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio, options: { env: hooks.env } },
    debug: { module, transport: TransportKind.stdio, options: { env: hooks.env, execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // The server decides by content which JSON documents are Marathon/Chronos definitions; others get nothing.
    documentSelector: [
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'json' },
    ],
    synchronize: {
      configurationSection: 'marathon',
      fileEvents: vscode.workspace.createFileSystemWatcher(`**/${configFileName}`),
    },
    // A document already open but not visible when the client starts only gets didOpen with this set
    // (vscode-languageclient keeps it "pending" otherwise; see shared/reference/editor-testing.md).
    textSynchronization: { delayOpenNotifications: true },
    // The extension runs Test mount itself (tokens in SecretStorage); VS Code's JSON Language Features already
    // gives JSON files an outline, so the server does not add a second one (the breadcrumb would flip between them).
    initializationOptions: { clientCommands: [TestMountCommand.id], documentSymbols: false } satisfies MarathonInitializationOptions,
    outputChannel: output,
    ...(middleware ? { middleware } : {}),
    traceOutputChannel: output,
  };
  const client = new LanguageClient('marathon', 'Marathon Language Server', serverOptions, clientOptions);
  client.onNotification(StatusNotification.type, hooks.onStatus);
  client.onNotification(ClusterStatusNotification.type, hooks.onClusterStatus);
  return client;
}
