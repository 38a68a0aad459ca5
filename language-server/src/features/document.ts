/**
 * What every editor feature works on: the text, its tolerant tree and the document kind.
 * Built once per (uri, version) by the server's parse cache and shared by all features.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentKind } from '../core/types';
import { parseTree, valueOf, type JsonNode } from './jsonTree';
import { detectKind } from '../core/kind';
import { updateTree, type TextChange } from './incrementalTree';

export interface EditorDocument {
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

/** `lines` may be passed in when the caller already has line offsets for exactly this text. */
export function createDocument(uri: string, version: number, text: string, lines?: TextDocument): EditorDocument {
  const tree = parseTree(text);
  const value = valueOf(tree);
  return { uri, version, text, lines: lines ?? TextDocument.create(uri, 'json', version, text), tree, value, kind: detectKind(value) };
}

/**
 * The document after `changes` (in order, each in offsets of the text before it), re-parsing only what
 * they touched when it can (features/incrementalTree.ts). `prev` is used up: its tree is updated in place.
 */
export function updateDocument(prev: EditorDocument, version: number, text: string, changes: readonly TextChange[], lines?: TextDocument): EditorDocument {
  // The changes must lead from prev's text to this one (checked cheaply: the length, and the last edit in place).
  const last = changes[changes.length - 1];
  const length = changes.reduce((n, c) => n + c.text.length - c.deleteLength, prev.text.length);
  const leads = last ? length === text.length && text.slice(last.offset, last.offset + last.text.length) === last.text : text === prev.text;
  if (!leads) return createDocument(prev.uri, version, text, lines);
  let tree = prev.tree;
  let value = prev.value;
  let before = prev.text;
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i];
    // The last change leads to `text` itself; building it again would cost a 1 MB string copy.
    const after = i === changes.length - 1 ? text : before.slice(0, c.offset) + c.text + before.slice(c.offset + c.deleteLength);
    const r = tree && updateTree(tree, value, after, c);
    if (!r) return createDocument(prev.uri, version, text, lines);
    ({ tree, value } = r);
    before = after;
  }
  return { uri: prev.uri, version, text, lines: lines ?? TextDocument.create(prev.uri, 'json', version, text), tree, value, kind: detectKind(value) };
}
