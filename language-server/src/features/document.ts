/**
 * What every editor feature works on: the text, its tolerant tree and the document kind.
 * Built once per (uri, version) by the server's parse cache and shared by all features.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentKind } from '../core/types';
import { parseTree, valueOf, type JsonNode } from './jsonTree';
import { detectKind } from './documentKind';

export interface MarathonDocument {
  uri: string;
  version: number;
  text: string;
  /** Offset ↔ position conversion (UTF-16, like LSP). */
  lines: TextDocument;
  tree: JsonNode | undefined;
  /** Plain value of the tree (tolerant: half-typed properties are left out). */
  value: unknown;
  kind: DocumentKind;
}

export function createDocument(uri: string, version: number, text: string): MarathonDocument {
  const lines = TextDocument.create(uri, 'json', version, text);
  const tree = parseTree(text);
  const value = valueOf(tree);
  return { uri, version, text, lines, tree, value, kind: detectKind(value) };
}
