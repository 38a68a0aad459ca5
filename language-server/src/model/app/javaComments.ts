/**
 * A java.util.regex pattern as Pattern reads it under comments mode (`(?x)`, `(?x:…)`): whitespace and `#…` up to a
 * line end are skipped wherever the flag is on, in a class too, but not the character after a backslash (`\ ` is a
 * space) nor the one `\c` takes, nor the name inside `\p{…}` and `\N{…}`, which Pattern takes as written
 * (Pattern.peekPastWhitespace, c, family, N; OpenJDK 17). A group's flags end with it. `pattern` is already unquoted
 * (javaUnquoted.ts). Pure.
 */

/** The text left and, for each of its characters, its index in the pattern (for Java's error indexes). */
export type CommentsStripped = { text: string; at: number[] };

const SPACE = /^[ \t\n\x0B\f\r]$/;
const LINE_END = /^[\n\r\u0085\u2028\u2029]$/;
const INLINE_FLAGS = /^\(\?([idmsuxcU]*)(?:-([idmsuxcU]*))?([):])/;

/** Where the next character Pattern reads under comments mode stands: past whitespace and `#…` to a line end. */
function pastWhitespace(pattern: string, from: number): number {
  let i = from;
  while (i < pattern.length) {
    if (SPACE.test(pattern[i])) i++;
    else if (pattern[i] === '#') while (i < pattern.length && !LINE_END.test(pattern[i])) i++;
    else break;
  }
  return i;
}

/** The pattern without what comments mode skips, or undefined when no flag group turns comments mode on. */
export function javaCommentsStripped(pattern: string): CommentsStripped | undefined {
  if (!/\(\?[a-zA-Z]*x/.test(pattern)) return undefined;
  let text = '';
  const at: number[] = [];
  const keep = (from: number, to: number) => {
    for (let k = from; k < to && k < pattern.length; k++) {
      text += pattern[k];
      at.push(k);
    }
  };
  let comments = false;
  const saved: boolean[] = [];
  let classDepth = 0;
  let classStart = false;
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i];
    if (comments && (SPACE.test(ch) || ch === '#')) {
      i = pastWhitespace(pattern, i);
      continue;
    }
    const first = classStart;
    classStart = false;
    if (ch === '\\') {
      if (pattern[i + 1] === 'c') {
        // `\c` takes the next character read (past whitespace) as it is, a backslash too (Pattern.c).
        keep(i, i + 2);
        i = comments ? pastWhitespace(pattern, i + 2) : i + 2;
        keep(i, i + 1);
        i++;
        continue;
      }
      const named = 'pPN'.includes(pattern[i + 1] ?? '') && pattern[i + 2] === '{';
      if (!named) {
        keep(i, i + 2);
        i += 2;
        continue;
      }
      // The name starts past the whitespace after `{` (read() skipped it) and runs as written to `}`.
      keep(i, i + 3);
      let from = i + 3;
      while (comments && SPACE.test(pattern[from] ?? '')) from++;
      const close = pattern.indexOf('}', from);
      const end = close < 0 ? pattern.length : close + 1;
      keep(from, end);
      i = end;
      continue;
    }
    if (classDepth > 0) {
      if (ch === '[') {
        classDepth++;
        classStart = true;
      } else if (ch === ']' && !first) classDepth--;
      else if (ch === '^' && first && text[text.length - 1] === '[') classStart = true;
      keep(i, i + 1);
      i++;
      continue;
    }
    if (ch === '[') {
      classDepth = 1;
      classStart = true;
    } else if (ch === ')') comments = saved.pop() ?? comments;
    else if (ch === '(') {
      const flags = INLINE_FLAGS.exec(pattern.slice(i));
      if (flags?.[3] !== ')') saved.push(comments);
      if (flags) {
        if (flags[1].includes('x')) comments = true;
        if (flags[2]?.includes('x')) comments = false;
        keep(i, i + flags[0].length);
        i += flags[0].length;
        continue;
      }
    }
    keep(i, i + 1);
    i++;
  }
  return { text, at };
}
