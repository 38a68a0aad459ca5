/**
 * How deep a body nests, found by one pass over its text before it is parsed. Reading and judging a body nested
 * millions deep takes seconds of the gate's only thread (32 MiB of `[`…`]`: ~13 s, every other request waiting),
 * while no Marathon definition nests more than a dozen levels. Jackson itself has bounded nesting at 1,000 since
 * 2.15 (StreamReadConstraints.maxNestingDepth); the gate reads up to that depth.
 */
export const maxNestingDepth = 1_000;

/** True when an object or array in `text` opens more than `limit` levels deep (brackets inside strings do not count). */
export function nestsDeeperThan(text: string, limit = maxNestingDepth): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip the string: a backslash escapes the next character.
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === 0x5c) i++;
        else if (s === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
