/**
 * Where a user meant an object to end, read from the layout, for a document whose brackets do not balance: the
 * tolerant tree (jsonTree.ts) closes each `}` on the innermost open object, so one left out several lines up puts
 * every later key into the wrong object (`"labels": {"x": "y",` then `"container": {…}` on the next line). A key or
 * item that starts its line no deeper than the line that opened the object or array, in a document that indents its
 * members, is the parent's. Used only when the brackets do not balance (a balanced document is read as written).
 */
import type { JsonNode } from './jsonTree';

/** The white space that starts the line holding `offset`. */
function lineIndent(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = start;
  while (end < offset && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(start, end);
}

/** The white space before `offset` when only white space precedes it on its line (read back over that alone: a minified line is long). */
export function leadingIndent(text: string, offset: number): string | undefined {
  let at = offset;
  while (at > 0 && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  return at === 0 || text[at - 1] === '\n' || text[at - 1] === '\r' ? text.slice(at, offset) : undefined;
}

/** Indentation of the line an object or array was opened on: the line of its property's key, or its own bracket's. */
function ownerIndent(text: string, node: JsonNode, cache: Map<JsonNode, string>): string {
  let indent = cache.get(node);
  if (indent === undefined) {
    indent = lineIndent(text, node.parent?.type === 'property' ? node.parent.offset : node.offset);
    cache.set(node, indent);
  }
  return indent;
}

/**
 * Whether `node` indents its members past the line that opened it (`own`): its first member (or whatever follows its
 * bracket) is on the bracket's line, or starts a later line deeper. A layout that puts them at the key's indentation
 * (`"env": [` above `{` at the same column) is one where a member there is the node's own, not its parent's.
 */
function indentsMembers(text: string, node: JsonNode, own: string): boolean {
  let at = node.offset + 1;
  while (at < text.length && (text[at] === ' ' || text[at] === '\t')) at++;
  if (text[at] !== '\n' && text[at] !== '\r') return true;
  while (at < text.length && /\s/.test(text[at])) at++;
  const first = leadingIndent(text, at) ?? '';
  return first.length > own.length && first.startsWith(own);
}

/**
 * Whether a key or item starting its line with `indent` lies outside `node` (an object or array): no deeper than the
 * line that opened it, while that line is deeper than its parent's and the node indents its members (the layout
 * indents members; a flat one says nothing). Mixed tabs and spaces compare only where one indentation is a prefix of
 * the other.
 */
export function outdents(text: string, indent: string, node: JsonNode, cache: Map<JsonNode, string>): boolean {
  const parent = node.parent?.type === 'property' ? node.parent.parent : node.parent;
  if (!parent) return false;
  const own = ownerIndent(text, node, cache);
  const outer = ownerIndent(text, parent, cache);
  return own.startsWith(indent) && own.length > outer.length && own.startsWith(outer) && indentsMembers(text, node, own);
}

/**
 * Where `node`, closed by the layout, ends when the token that closes it starts the line at `lineStart`: after the
 * last line above that is not blank at its level or shallower (a user typing on a blank line indented into the open
 * object is in it; one at the parent's indentation, as an editor leaves it after a dedent, is not). A comma ending
 * the members on that line is the parent's (`"labels": {"x": "y",` above a key of the parent): it ends before it.
 * `comma` is that comma token's offset when it is the token before the closing one (a comma in a comment or a string
 * on that line is none: `// see the runbook,` leaves the comment whole, and a cursor at its end in it).
 */
export function layoutEnd(text: string, lineStart: number, node: JsonNode, cache: Map<JsonNode, string>, comma: number | undefined): number {
  const own = ownerIndent(text, node, cache);
  let start = lineStart;
  for (;;) {
    let end = start;
    if (text[end - 1] === '\n') end--;
    if (text[end - 1] === '\r') end--;
    if (end === start) return start; // the start of the text
    let from = end;
    while (from > 0 && text[from - 1] !== '\n' && text[from - 1] !== '\r') from--;
    const line = text.slice(from, end);
    const blank = /^[ \t]*$/.test(line);
    if (blank && own.startsWith(line)) {
      start = from;
      continue;
    }
    if (blank) return end; // indented into the node: where the user types
    return comma !== undefined && comma >= from && comma < end ? comma : end;
  }
}
