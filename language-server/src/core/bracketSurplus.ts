/**
 * How many more `{` and `[` than `}` and `]` a text has, counted as the tolerant tree reads its tokens (jsonTree.ts):
 * nothing inside a string or a comment counts. parseTree reads the layout only when this is positive, and needs the
 * number before it builds anything: counting by building a first tree cost a second full parse on every edit of a
 * large document left unbalanced (a 1.2 MB group: ~70 ms a pass, typing there took twice as long as before the
 * layout was read). unclosedOpener.ts asks it too: a syntax error is blamed on a bracket never closed only when some
 * bracket is missing. It lives in core/ for that; the editor tree (features/jsonTree.ts) reads it from here.
 *
 * The tokens are jsonc-parser's (scanner.ts): a string runs to its closing quote, a backslash escaping the next
 * character, and ends at a line break (jsonTree.ts ends it there also after a backslash); `//` runs to the line's
 * end, `/*` to its `*` `/` or the end of the text. Everything else that is not a bracket is one or more tokens that
 * hold neither a quote nor a slash nor a bracket.
 */
export function bracketSurplus(text: string): number {
  const len = text.length;
  let depth = 0;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) depth++; // { [
    else if (c === 0x7d || c === 0x5d) depth--; // } ]
    else if (c === 0x22) i = stringEnd(text, i + 1) - 1; // "
    else if (c === 0x2f) {
      // /
      const next = text.charCodeAt(i + 1);
      if (next === 0x2f) {
        while (i + 1 < len && !isLineBreak(text.charCodeAt(i + 1))) i++;
      } else if (next === 0x2a) {
        const close = text.indexOf('*/', i + 2);
        i = close < 0 ? len : close + 1;
      }
    }
  }
  return depth;
}

/** The offset after a string whose content starts at `from`: after its closing quote, or at the line break or end that ends it. */
function stringEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (isLineBreak(c)) return i;
    if (c === 0x5c && i + 1 < text.length && !isLineBreak(text.charCodeAt(i + 1))) i++; // \ and the character it escapes
  }
  return text.length;
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d;
}
