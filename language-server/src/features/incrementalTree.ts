/**
 * Keeps the editor tree of a large document current across an edit without re-parsing all of it
 * (perf-anchors.md §4.5: re-parsing is the cost; a 1 MB group takes ~60–100 ms, one app ~0.1 ms).
 *
 * Only the innermost object or array that strictly contains the edit is re-parsed (an array only when its new text
 * is valid JSON; otherwise the innermost such object), with the tolerant parser (jsonTree.ts), so that a key being
 * typed (`"c"` on a line of its own: no longer JSON) costs one app, not the group. The splice gives the tree a full
 * parse would when the whole tree balanced before (every closer closed the innermost open container, of its kind)
 * and the object's new text balances on its own: then the tokens before it, the parser's state at its opening
 * bracket and the tokens after its closing bracket are all unchanged; inside it the parser never looks below the
 * object on its stack (a closer closes a container inside; a key typed in an array closes arrays up to the
 * innermost object, which is inside, jsonTree.ts keyInArray); and the layout is not read (bracketSurplus.ts: the
 * whole text still has as many closers as openers). An array's text may hold a key that would close it early
 * (keyInArray reaches the object below it), hence valid JSON only. Anything else (edits touching brackets, a text
 * whose brackets do not balance: jsonTree.ts reads its layout, an edit between top-level members) answers
 * undefined: parse it all.
 */
import { parseTree, pathOf, valueOf, type JsonNode, type JsonPath } from './jsonTree';

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** One edit in offsets of the text it applies to. */
export interface TextChange {
  offset: number;
  deleteLength: number;
  text: string;
}

export interface TreeUpdate {
  tree: JsonNode;
  value: unknown;
}

const closer = { object: '}', array: ']' } as const;

function isContainer(n: JsonNode | undefined): n is JsonNode {
  return n?.type === 'object' || n?.type === 'array';
}

/**
 * Strictly inside the brackets, and closed by its own bracket (not by error recovery). The bracket is
 * read from the new text (where it sits `delta` further on): reading the old one would make V8 flatten a
 * second 1 MB string.
 */
function holds(node: JsonNode, text: string, from: number, to: number, delta: number): boolean {
  const last = node.offset + node.length - 1;
  return from > node.offset && to <= last && text[last + delta] === closer[node.type as 'object' | 'array'];
}

/** The child container holding [from, to), if any (children are in offset order). */
function childHolding(node: JsonNode, text: string, from: number, to: number, delta: number): JsonNode | undefined {
  const kids = node.children!;
  let lo = 0;
  let hi = kids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = kids[mid];
    if (k.offset + k.length <= from) lo = mid + 1;
    else if (k.offset > from) hi = mid - 1;
    else {
      const v = node.type === 'object' ? k.children![1] : k;
      return isContainer(v) && holds(v, text, from, to, delta) ? v : undefined;
    }
  }
  return undefined;
}

function shiftSubtree(node: JsonNode, delta: number): void {
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    n.offset += delta;
    if (n.colonOffset !== undefined) n.colonOffset += delta;
    if (n.children) for (const c of n.children) stack.push(c);
  }
}

/** A copy of `root` with the value at `path` replaced, sharing everything off the path; undefined if the path is not there. */
function withValueAt(root: unknown, path: JsonPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(root) && typeof head === 'number' && head < root.length) {
    const inner = withValueAt(root[head], rest, value);
    if (inner === undefined) return undefined;
    const copy = root.slice();
    copy[head] = inner;
    return copy;
  }
  if (root !== null && typeof root === 'object' && !Array.isArray(root) && typeof head === 'string' && Object.hasOwn(root, head)) {
    const inner = withValueAt((root as Record<string, unknown>)[head], rest, value);
    if (inner === undefined) return undefined;
    return { ...(root as Record<string, unknown>), [head]: inner };
  }
  return undefined;
}

/** True when some object on the way up has the key twice: the value then holds only the last one. */
function duplicateKeyOnPath(node: JsonNode): boolean {
  for (let n: JsonNode | undefined = node; n?.parent; n = n.parent) {
    const p = n.parent;
    if (p.type !== 'property') continue;
    const key = p.children![0].value;
    if (p.parent!.children!.filter((q) => q.children![0].value === key).length > 1) return true;
  }
  return false;
}

/**
 * Applies one edit to `tree` (whose plain value is `value`), giving the tree of `newText`. The tree is updated in place:
 * the caller must no longer use it for the old text. The value is copied along the edited path only.
 */
export function updateTree(tree: JsonNode, value: unknown, newText: string, change: TextChange): TreeUpdate | undefined {
  const from = change.offset;
  const to = change.offset + change.deleteLength;
  const delta = change.text.length - change.deleteLength;
  if (!isContainer(tree) || tree.unbalanced || !holds(tree, newText, from, to, delta)) return undefined;
  let target = tree;
  for (let next = childHolding(target, newText, from, to, delta); next; next = childHolding(target, newText, from, to, delta)) target = next;
  if (target === tree) return undefined; // the edit is between top-level members: nothing smaller to re-parse

  let slice = newText.slice(target.offset, target.offset + target.length + delta);
  if (target.type === 'array' && !isJson(slice)) {
    // A key typed in an array closes it at the object below (jsonTree.ts keyInArray): re-parse from that object.
    let holder: JsonNode | undefined = target;
    while (holder && holder.type !== 'object') holder = holder.parent;
    if (!holder || holder === tree || !holds(holder, newText, from, to, delta)) return undefined;
    target = holder;
    slice = newText.slice(target.offset, target.offset + target.length + delta);
  }
  const fresh = parseTree(slice);
  // Its own closer at the end, and balanced inside (see above); else only the full parse knows what the text means.
  if (!fresh || fresh.type !== target.type || fresh.length !== slice.length || fresh.unbalanced) return undefined;

  // Everything after the old container moves by delta; its ancestors grow by delta.
  shiftSubtree(fresh, target.offset);
  let child = target;
  for (let p = target.parent; p; child = p, p = p.parent) {
    p.length += delta;
    const kids = p.children!;
    for (let i = kids.indexOf(child) + 1; i < kids.length; i++) shiftSubtree(kids[i], delta);
  }
  const parent = target.parent!;
  fresh.parent = parent;
  parent.children![parent.children!.indexOf(target)] = fresh;

  const path = pathOf(fresh);
  const patched = duplicateKeyOnPath(fresh) ? undefined : withValueAt(value, path, valueOf(fresh));
  return { tree, value: patched ?? valueOf(tree) };
}
