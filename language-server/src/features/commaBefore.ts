/**
 * The comma a completion must bring before what it inserts: a user who asks for completion on the line after the
 * last property or item (`"cmd": "x"⏎  |`) has not typed its comma yet, and an accepted key, skeleton or item would
 * otherwise follow that value with none between them (strict JSON refuses it). The comma goes right after the
 * previous value, as an additional text edit (LSP CompletionItem.additionalTextEdits), where the user would have
 * typed it.
 */
import { createScanner, ScanError, SyntaxKind } from 'jsonc-parser';
import type { TextEdit } from 'vscode-languageserver-types';
import type { EditorDocument } from './document';
import type { JsonNode } from './jsonTree';

/** Only white space, line breaks and comments may lie between the previous value and the insertion. */
const trivia = new Set<SyntaxKind>([SyntaxKind.Trivia, SyntaxKind.LineBreakTrivia, SyntaxKind.LineCommentTrivia, SyntaxKind.BlockCommentTrivia]);

/**
 * The offset right after the last complete member of `container` (an object's property with its value, or an
 * array's item) that ends before `start`, when no comma follows it before `start`; otherwise undefined.
 */
export function missingCommaAt(text: string, container: JsonNode | undefined, start: number): number | undefined {
  if (!container || (container.type !== 'object' && container.type !== 'array')) return undefined;
  let prev: JsonNode | undefined;
  for (const c of container.children ?? []) if (c.offset + c.length <= start) prev = c;
  if (!prev || (prev.type === 'property' && prev.children?.[1] === undefined)) return undefined;
  const end = prev.offset + prev.length;
  // A string without its closing quote runs to the end of its line (jsonc-parser's scanner): a comma after it would
  // land inside the string once the user closes it (`"sleep 1,` becomes `"sleep 1,,`). That member is still being typed.
  // Only when the member ends with that string: `{"a": "b` closed by a `}` on a later line ends with the `}`. Scanned
  // from the member's last leaf, not its start: after that leaf only brackets and white space can follow, and the
  // member may be a whole group's `apps` (a full scan of 1,000 apps cost ~30 ms per completion request).
  let last = prev;
  while (last.children && last.children.length > 0) last = last.children[last.children.length - 1];
  const tail = createScanner(text.slice(last.offset, end), false);
  for (let t = tail.scan(); t !== SyntaxKind.EOF; t = tail.scan()) {
    if (tail.getTokenError() === ScanError.UnexpectedEndOfString && tail.getTokenOffset() + tail.getTokenLength() === end - last.offset) return undefined;
  }
  const scanner = createScanner(text.slice(end, start), false);
  for (let t = scanner.scan(); t !== SyntaxKind.EOF; t = scanner.scan()) {
    // A comma is there already; anything else between them is not ours to mend.
    if (!trivia.has(t)) return undefined;
  }
  return end;
}

/**
 * How an item inserted at `start` brings the missing comma: as an additional edit at `at`, or, where the comma
 * would touch the item's own edit (no space between), at the front of its text.
 */
export function commaEdits(doc: EditorDocument, at: number | undefined, start: number): { prefix: string; additionalTextEdits?: TextEdit[] } {
  if (at === undefined) return { prefix: '' };
  if (at >= start) return { prefix: ',' };
  const p = doc.lines.positionAt(at);
  return { prefix: '', additionalTextEdits: [{ range: { start: p, end: p }, newText: ',' }] };
}
