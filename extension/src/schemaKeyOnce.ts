/**
 * One "$schema" row in VS Code's completion list, not two: VS Code's own JSON Language Features offer the key at a
 * document's root as well as the server (which offers it for editors without a JSON service, e.g. Neovim). The
 * server's value completion (`"$schema": "|"`: our published schemas) still comes after VS Code's key is accepted.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

const isSchemaKey = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label) === '$schema' && i.kind === vscode.CompletionItemKind.Property;

export const schemaKeyOnce: NonNullable<Middleware['provideCompletionItem']> = async (document, position, context, token, next) => {
  const r = await next(document, position, context, token);
  if (!r) return r;
  if (Array.isArray(r)) return r.filter((i) => !isSchemaKey(i));
  return new vscode.CompletionList(r.items.filter((i) => !isSchemaKey(i)), r.isIncomplete);
};
