/**
 * JSON pointers → text ranges, for findings only, in one streaming pass over the text (perf-anchors.md A.3):
 * the pointers form a trie, the scan descends only into subtrees on the trie and skips every other value
 * with a bracket counter. No position tree is built, and the walk is iterative (no stack overflow on deep
 * nesting). A pointer that does not resolve falls back to its nearest existing ancestor.
 * Expects text that JSON.parse accepted; on anything else it still terminates with some in-range answer.
 */
import { keyText, skipString, skipValue, skipWs } from './jsonCursor';
import type { LineIndex } from './lineIndex';
import { pointerTokens } from './pointer';
import type { Range } from './types';

export interface RangeRequest {
  pointer: string;
  target?: 'key' | 'value';
}

interface TrieNode {
  children: Map<string, TrieNode>;
  /** Value span, and the key span when the value is an object property. */
  value?: [number, number];
  key?: [number, number];
}

interface Frame {
  node: TrieNode;
  isArray: boolean;
  index: number;
  start: number;
}

function newNode(): TrieNode {
  return { children: new Map() };
}

function buildTrie(requests: readonly RangeRequest[]): { root: TrieNode; paths: TrieNode[][] } {
  const root = newNode();
  const paths = requests.map((r) => {
    const path = [root];
    let node = root;
    for (const t of pointerTokens(r.pointer)) {
      let child = node.children.get(t);
      if (!child) node.children.set(t, (child = newNode()));
      path.push(child);
      node = child;
    }
    return path;
  });
  return { root, paths };
}

/** Fills the spans of every trie node present in the text. */
function scan(text: string, root: TrieNode): void {
  const stack: Frame[] = [];
  let i = skipWs(text, 0);
  let node: TrieNode | undefined = root; // trie node of the value about to start, if wanted
  let keySpan: [number, number] | undefined;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (node === undefined && c !== 0x7d && c !== 0x5d && c !== 0x2c) {
      i = skipWs(text, skipValue(text, i)); // not on any requested path: skip it whole
      node = undefined;
      keySpan = undefined;
    } else if (c === 0x7b || c === 0x5b) {
      node!.key = keySpan;
      stack.push({ node: node!, isArray: c === 0x5b, index: 0, start: i });
      i = skipWs(text, i + 1);
      if (c === 0x5b) node = stack[stack.length - 1].node.children.get('0');
      else node = undefined;
      keySpan = undefined;
      if (c === 0x7b && text.charCodeAt(i) === 0x22) i = readKey(text, i);
    } else if (c === 0x7d || c === 0x5d) {
      const f = stack.pop();
      if (f) f.node.value = [f.start, i + 1];
      i = skipWs(text, i + 1);
      if (stack.length === 0) break;
    } else if (c === 0x2c) {
      const top = stack[stack.length - 1];
      i = skipWs(text, i + 1);
      if (!top) break;
      if (top.isArray) node = top.node.children.get(String(++top.index));
      else if (text.charCodeAt(i) === 0x22) i = readKey(text, i);
    } else {
      // A scalar on a requested path.
      const end = c === 0x22 ? skipString(text, i) : skipValue(text, i);
      node!.value = [i, end];
      node!.key = keySpan;
      node = undefined;
      keySpan = undefined;
      i = skipWs(text, end);
      if (stack.length === 0) break;
    }
  }

  // Reads `"key" :` and selects the trie child for the value that follows.
  function readKey(t: string, at: number): number {
    const end = skipString(t, at);
    const top = stack[stack.length - 1];
    const child = top?.node.children.get(keyText(t, at, end));
    node = child;
    keySpan = child ? [at, end] : undefined;
    let j = skipWs(t, end);
    if (t.charCodeAt(j) === 0x3a) j = skipWs(t, j + 1);
    return j;
  }
}

/** One range per request, in request order. */
export function resolveRanges(text: string, lines: LineIndex, requests: readonly RangeRequest[]): Range[] {
  if (requests.length === 0) return [];
  const { root, paths } = buildTrie(requests);
  scan(text, root);
  return requests.map((r, idx) => {
    const path = paths[idx];
    let n = path.length - 1;
    while (n > 0 && !path[n].value) n--; // nearest ancestor that exists in the text
    const node = path[n];
    const exact = n === path.length - 1;
    let span = node.value;
    if (exact && r.target === 'key' && node.key) span = node.key;
    else if (span && (text.charCodeAt(span[0]) === 0x7b || text.charCodeAt(span[0]) === 0x5b)) {
      // A container spanning many lines would paint a whole block: underline its key, or its opening bracket.
      const start = lines.positionAt(span[0]);
      const end = lines.positionAt(span[1]);
      if (end.line !== start.line) span = node.key ?? [span[0], span[0] + 1];
    }
    if (!span) {
      const at = skipWs(text, 0);
      span = [Math.min(at, text.length), Math.min(at + 1, text.length)];
    }
    return { start: lines.positionAt(span[0]), end: lines.positionAt(span[1]) };
  });
}
