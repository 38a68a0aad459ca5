/** Offset ranges of tree nodes as LSP ranges. */
import type { Range } from 'vscode-languageserver-types';
import type { EditorDocument } from './document';
import type { JsonNode } from './jsonTree';

export function nodeRange(doc: EditorDocument, node: JsonNode): Range {
  return { start: doc.lines.positionAt(node.offset), end: doc.lines.positionAt(node.offset + node.length) };
}

export function rangesOverlap(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
