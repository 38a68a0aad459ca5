/**
 * Duplicate object keys. JSON.parse (like Marathon's Jackson reader) silently keeps the last one, so an
 * earlier key is dead text that the author probably thinks is in effect.
 *
 * Fast path: a full scan would cost ~3× JSON.parse, so first compare two key counts. Every key in the text
 * ends with `"` + optional whitespace + `:`, so counting those gives an upper bound on the number of keys
 * written (string values containing `":` only add to it). Counting own keys of the parsed value gives the
 * number of distinct keys per object. Equal counts prove there is no duplicate; only otherwise do we scan.
 * Measured on an 11 MB, 10,000-app group (whose image tags contain ':'): JSON.parse 40–100 ms, the
 * quote-colon count ~5 ms, the parsed-key count ~5 ms warm. Cold in marathon-lint (no on-stack replacement), the
 * two as single loops took ~60 ms CPU; as calls over parts (below), ~20 ms.
 */
import { escapePointerToken } from '../model/documentModel';
import { keyText, skipScalar, skipString, skipWs } from './jsonCursor';

export interface DuplicateKey {
  /** Pointer of the property (the same for every occurrence). */
  pointer: string;
  key: string;
  /** Span of the earlier, overridden key (with its quotes). */
  offset: number;
  length: number;
}

/**
 * The work of one long pass is done in calls over parts of it (one object, one slice of text): marathon-lint runs
 * without on-stack replacement (docs/performance.md), so a loop that runs once stays unoptimised, while a function
 * called many times is optimised as usual.
 */
function countParsedKeys(value: unknown): number {
  let n = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) n += countOwnKeys(stack.pop(), stack);
  return n;
}

/** Keys of one object (0 for anything else); its object and array children go onto `stack`. */
function countOwnKeys(v: unknown, stack: unknown[]): number {
  if (typeof v !== 'object' || v === null) return 0;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const e: unknown = v[i];
      if (typeof e === 'object' && e !== null) stack.push(e);
    }
    return 0;
  }
  let n = 0;
  for (const k in v) {
    n++;
    const e = (v as Record<string, unknown>)[k];
    if (typeof e === 'object' && e !== null) stack.push(e);
  }
  return n;
}

/** Where a count of written keys stands: the next ':' to look at (-1 = done) and the keys counted so far. */
interface ColonCount {
  at: number;
  keys: number;
}

/** Counts the next `max` colons: each ':' whose previous non-blank character is '"' ends a key. */
function countKeyColons(text: string, count: ColonCount, max: number): void {
  let i = count.at;
  let keys = 0;
  for (let n = 0; n < max && i !== -1; n++, i = text.indexOf(':', i + 1)) {
    let j = i - 1;
    let c = text.charCodeAt(j);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(--j);
    if (c === 0x22) keys++;
  }
  count.at = i;
  count.keys += keys;
}

/** False when the text provably has no duplicate key. `value` must be JSON.parse(text). */
export function mayHaveDuplicateKeys(text: string, value: unknown): boolean {
  // Keys written: a ':' inside a string value (an image tag, a URL) is not counted unless a '"' precedes it, so
  // this bound is tight on ordinary documents; indexOf instead of a global colon count plus a regex pass.
  const count: ColonCount = { at: text.indexOf(':'), keys: 0 };
  while (count.at !== -1) countKeyColons(text, count, 4096);
  return count.keys !== countParsedKeys(value);
}

interface Frame {
  isArray: boolean;
  index: number;
  /** Key → span of its latest occurrence in this object. */
  seen: Map<string, number[]> | undefined;
  /** Token of this container within its parent. */
  token: string;
}

/** Scans text that JSON.parse accepted and lists every overridden key. Iterative. */
export function findDuplicateKeys(text: string): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  const stack: Frame[] = [];
  const pointerOf = (key: string) => stack.slice(1).map((f) => '/' + escapePointerToken(f.token)).join('') + '/' + escapePointerToken(key);
  let pendingToken = '';
  let i = skipWs(text, 0);
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === 0x7b || c === 0x5b) {
      const isArray = c === 0x5b;
      stack.push({ isArray, index: 0, seen: isArray ? undefined : new Map(), token: pendingToken });
      if (isArray) pendingToken = '0';
      i++;
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
      i++;
    } else if (c === 0x2c) {
      if (top?.isArray) pendingToken = String(++top.index);
      i++;
    } else if (c === 0x22) {
      const end = skipString(text, i);
      const j = skipWs(text, end);
      if (top && !top.isArray && text.charCodeAt(j) === 0x3a) {
        const key = keyText(text, i, end);
        const prev = top.seen!.get(key);
        if (prev) {
          out.push({ pointer: pointerOf(key), key, offset: prev[0], length: prev[1] });
        }
        top.seen!.set(key, [i, end - i]);
        pendingToken = key;
        i = j + 1;
      } else i = end;
    } else if (c === 0x3a || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
    else i = skipScalar(text, i);
  }
  return out;
}
