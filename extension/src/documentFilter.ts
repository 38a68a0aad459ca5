/**
 * Which open documents are worth starting the language server for: the same test the server applies
 * (server/documentFilter.ts) — shape detection from the engine, a `$schema` naming one of our schemas, or a
 * `marathon.files` glob — so that opening package.json or tsconfig.json never spawns a server process.
 */
import * as vscode from 'vscode';
import { parse } from 'jsonc-parser';
import { detectKind } from '@marathon-devtools/language-server/core/kind';
import { configFileName } from '@marathon-devtools/language-server/project/configFinder';
import { matchesFilesSetting } from '@marathon-devtools/language-server/server/documentFilter';

/** Whether opening `doc` should start the language server. */
export function startsLanguageServer(doc: vscode.TextDocument, extraGlobs: readonly string[]): boolean {
  // Only what the client sends (languageClient.ts documentSelector): a server started for a JSONC document (a new
  // settings.json, a tasks.json) would never be sent it.
  if (doc.languageId !== 'json') return false;
  if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled') return false;
  if (doc.uri.path.endsWith('/' + configFileName)) return false; // the lint config is not a definition
  // The server's own glob test: workspace-relative and bare file-name globs too (vscode.languages.match takes a
  // string pattern against the absolute path only, so "deploy/*.json" never started the server).
  const roots = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath.replace(/\\/g, '/'));
  if (matchesFilesSetting(doc.uri.toString(), extraGlobs, roots)) return true;
  const text = doc.getText();
  // A new, still empty file: the server offers skeletons of each kind there (and nothing else until it is one).
  if (/^\s*(\{\s*\}?\s*)?$/.test(text)) return true;
  // jsonc-parser's parse is tolerant, so a half-typed definition is still recognised.
  return detectKind(parse(text, [], { allowTrailingComma: true })) !== 'unknown';
}
