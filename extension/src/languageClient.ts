/** Starts the bundled marathon-language-server over stdio with vscode-languageclient. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { StatusNotification, type StatusParams } from '@marathon-devtools/language-server/protocol';

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, onStatus: (s: StatusParams) => void): LanguageClient {
  const module = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // The server decides by content which JSON documents are Marathon/Chronos definitions; others get nothing.
    documentSelector: [
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'json' },
    ],
    synchronize: {
      configurationSection: 'marathon',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/marathon-lint.config.json'),
    },
    // A document already open but not visible when the client starts only gets didOpen with this set
    // (vscode-languageclient keeps it "pending" otherwise; see shared/reference/editor-testing.md).
    textSynchronization: { delayOpenNotifications: true },
    outputChannel: output,
    traceOutputChannel: output,
  };
  const client = new LanguageClient('marathon', 'Marathon Language Server', serverOptions, clientOptions);
  client.onNotification(StatusNotification.type, onStatus);
  return client;
}

/** A cheap look at a JSON document: is it worth starting the server for? (The server decides for real.) */
export function looksLikeMarathon(doc: vscode.TextDocument, extraGlobs: string[]): boolean {
  if (doc.languageId !== 'json' && doc.languageId !== 'jsonc') return false;
  if (doc.fileName.endsWith('marathon-lint.config.json')) return true;
  if (extraGlobs.some((g) => vscode.languages.match({ pattern: g }, doc) > 0)) return true;
  const head = doc.getText(new vscode.Range(0, 0, 400, 0));
  if (/marathon-devtools[^"]*schema/.test(head)) return true;
  const hasId = /"(id|name)"\s*:/.test(head);
  return hasId && /"(cmd|args|container|apps|groups|containers|command|schedule|parents)"\s*:/.test(head);
}
