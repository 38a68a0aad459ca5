/**
 * Marathon's readers map an explicit `null` in an optional field to "absent" (play-json `validateOpt`,
 * marathon-rules.md §1.1), so the semantic rules see an app, group or pod the way Marathon does: without the
 * object properties whose value is `null`. The schema (schema/source/nullAbsent.ts) already accepts those
 * nulls and still rejects them in required fields. Array items and map values are left alone. Pointers of
 * everything that remains are unchanged, so findings land on the original text. Chronos is not affected.
 */
import type { DocumentKind } from './types';

/** Deeper than any real definition; past it a subtree is kept as it is rather than risk the stack. */
const maxDepth = 200;

function strip(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null || depth > maxDepth) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = strip(value[i], depth + 1);
      if (v !== value[i]) (copy ??= value.slice())[i] = v;
    }
    return copy ?? value;
  }
  const obj = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key in obj) {
    const v = obj[key];
    if (v === null) {
      copy ??= { ...obj };
      delete copy[key];
      continue;
    }
    const s = strip(v, depth + 1);
    if (s !== v) (copy ??= { ...obj })[key] = s;
  }
  return copy ?? value;
}

/**
 * The document as Marathon's reader sees it. Shares every unchanged subtree with `root`, and returns `root`
 * itself when the text has no `null` at all (the usual case, at the cost of one substring search); without the
 * text (a value linted as it is), the walk itself finds out.
 */
export function asMarathonReadsIt(root: unknown, kind: DocumentKind, text: string | undefined): unknown {
  if (kind !== 'app' && kind !== 'group' && kind !== 'pod') return root;
  if (text !== undefined && !text.includes('null')) return root;
  return strip(root, 0);
}
