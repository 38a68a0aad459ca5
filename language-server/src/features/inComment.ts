/**
 * Whether the cursor lies inside a JSONC comment: a completion item accepted there would land in the comment (a
 * block comment left unclosed several lines up runs to the end of the text, as jsonc-parser scans it). Completion
 * answers nothing there, as vscode-json-languageservice's does (jsonCompletion.ts, isInComment).
 */
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { nodeAtOffset, type JsonNode } from './jsonTree';

/**
 * Scanned from the nearest token boundary the tree knows before `offset` (the end of the last member before it, or
 * the start of the node holding it), not from the start of the text: a comment holding `offset` cannot begin before
 * a token, and a group of 1,000 apps must not be scanned per request.
 */
export function inComment(text: string, tree: JsonNode | undefined, offset: number): boolean {
  const node = nodeAtOffset(tree, offset);
  let from = node ? node.offset : 0;
  for (const child of node?.children ?? []) if (child.offset + child.length <= offset) from = child.offset + child.length;
  const scanner = createScanner(text, false);
  scanner.setPosition(from);
  for (let t = scanner.scan(); t !== SyntaxKind.EOF; t = scanner.scan()) {
    const start = scanner.getTokenOffset();
    const end = start + scanner.getTokenLength();
    if (start >= offset) return false;
    if (end < offset) continue;
    // A line comment holds the end of its line; a block comment holds its end only when left unclosed.
    if (t === SyntaxKind.LineCommentTrivia) return true;
    if (t === SyntaxKind.BlockCommentTrivia) return offset < end || !(end - start >= 4 && text.startsWith('*/', end - 2));
    return false;
  }
  return false;
}
