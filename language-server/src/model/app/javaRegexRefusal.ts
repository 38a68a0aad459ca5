/**
 * Constructs java.util.regex.Pattern refuses (PatternSyntaxException) that JavaScript's RegExp without the `u` flag
 * accepts as something else, mostly literal text (Annex B): `a{`, `r{1`, `\k`, `\u12`, `\x4`, a named group `(?<a_b>…)`,
 * `[\b]`, a range ending in a class escape `[a-\d]`. Marathon compiles a LIKE/UNLIKE value with Pattern and refuses the
 * app when it fails (marathon-rules.md §4.5, `constraint-like-regex`), so such a value is no regular expression to
 * Marathon, whatever JavaScript makes of it. Checked against a JVM (OpenJDK 17; these parts of Pattern are Java 8's).
 * Pure: the first refused construct as Java describes it, or undefined (which does not mean Java accepts the rest).
 */

import { javaUnquoted } from './javaUnquoted';

const HEX = /^[0-9a-fA-F]$/;
const CLASS_ESCAPES = new Set([...'dDsSwW']);
/** Letters Pattern.escape() has no case for (a lone `\\E` too: \\Q…\\E is gone by then), and, in a class, the anchors and `\\k`, `\\R`, `\\X`. */
const UNSUPPORTED = new Set([...'gijlmoqyCEFIJKLMOTUY']);
const UNSUPPORTED_IN_CLASS = new Set([...'ABGRXZbkz']);

/** Why Java refuses a construct, at the index Java names (where its cursor stood, one past the culprit or at it). */
type Refusal = { why: string; at: number };
const INT_MAX = 2 ** 31 - 1;

/** Index of the first of `count` characters from `from` that is no hex digit, or -1. */
function firstNonHex(pattern: string, from: number, count: number): number {
  for (let k = from; k < from + count; k++) if (!HEX.test(pattern[k] ?? '')) return k;
  return -1;
}

/** `{n}`, `{n,}` or `{n,m}` at `i` (Pattern.closure), else why Java refuses it. */
function counted(pattern: string, i: number): Refusal | undefined {
  const m = /^\{(\d*)(,(\d*))?(\})?/.exec(pattern.slice(i));
  if (!m || m[1] === '') return { why: 'Illegal repetition', at: i + 1 };
  // Pattern reads each count as an int (Math.addExact): the digit that overflows is named.
  const overflow = (digits: string, from: number) => {
    let n = 0;
    for (let k = 0; k < digits.length; k++) if ((n = n * 10 + Number(digits[k])) > INT_MAX) return from + k;
    return -1;
  };
  const minAt = overflow(m[1], i + 1);
  if (minAt >= 0) return { why: 'Illegal repetition range', at: minAt };
  const maxAt = m[3] === undefined ? -1 : overflow(m[3], i + 2 + m[1].length);
  if (maxAt >= 0) return { why: 'Illegal repetition range', at: maxAt };
  if (m[4] === undefined) return { why: 'Unclosed counted closure', at: i + m[0].length };
  if (m[3] !== undefined && m[3] !== '' && Number(m[3]) < Number(m[1])) return { why: 'Illegal repetition range', at: i + m[0].length - 1 };
  return undefined;
}

/** Why Java refuses the escape at `i` (a backslash) where JavaScript takes it, or undefined. */
function escape(pattern: string, i: number, inClass: boolean): Refusal | undefined {
  const next = pattern[i + 1];
  if (UNSUPPORTED.has(next) || (inClass && UNSUPPORTED_IN_CLASS.has(next))) return { why: 'Illegal/unsupported escape sequence', at: i + 1 };
  if (next === 'k' && pattern[i + 2] !== '<') return { why: "\\k is not followed by '<' for named capturing group", at: i + 2 };
  const badUnicode = next === 'u' ? firstNonHex(pattern, i + 2, 4) : -1;
  if (badUnicode >= 0) return { why: 'Illegal Unicode escape sequence', at: badUnicode };
  const badHex = next === 'x' && pattern[i + 2] !== '{' ? firstNonHex(pattern, i + 2, 2) : -1;
  if (badHex >= 0) return { why: 'Illegal hexadecimal escape sequence', at: badHex };
  if (next === 'c' && i + 2 >= pattern.length) return { why: 'Illegal control escape sequence', at: i + 1 };
  return undefined;
}

/** Length of the escape at `i`: `\\uXXXX`, `\\xHH`, `\\cX`, `\\p{…}`, `\\x{…}`, `\\k<…>`, else a backslash and one character. */
function escapeLength(pattern: string, i: number): number {
  const next = pattern[i + 1];
  const closing = (open: string, close: string) => {
    if (pattern[i + 2] !== open) return undefined;
    const end = pattern.indexOf(close, i + 3);
    return end < 0 ? pattern.length - i : end - i + 1;
  };
  if (next === 'p' || next === 'P' || next === 'x' || next === 'N') {
    const braced = closing('{', '}');
    if (braced !== undefined) return braced;
  }
  if (next === 'k') return closing('<', '>') ?? 2;
  // `\c` takes the next character as it is, a backslash too.
  return next === 'u' ? 6 : next === 'x' ? 4 : next === 'c' ? 3 : 2;
}

export function javaRegexRefusal(quoted: string): string | undefined {
  // Pattern turns \Q…\E quoting into escapes before it parses (`\x\Qb1` reads as `\xb1`), and its indexes point
  // there. Comments mode ignores whitespace and `#…` text: such patterns are not judged here.
  const pattern = javaUnquoted(quoted);
  if (/\(\?[a-zA-Z-]*x/.test(pattern)) return undefined;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    const near = (r: Refusal) => `${r.why} at index ${r.at}`;
    if (inClass && ch === ']') {
      inClass = false;
      continue;
    }
    if (inClass) {
      // One item of the class; when it is one character and a `-` follows (not last), a range to the next item.
      let single = ch !== '[' && ch !== '&';
      let end = i;
      if (ch === '\\') {
        if (pattern[i + 1] === undefined) return undefined; // JavaScript refuses a trailing backslash itself
        const why = escape(pattern, i, true);
        if (why) return near(why);
        single = !CLASS_ESCAPES.has(pattern[i + 1]) && pattern[i + 1] !== 'p' && pattern[i + 1] !== 'P';
        end = i + escapeLength(pattern, i) - 1;
      }
      if (single && pattern[end + 1] === '-' && pattern[end + 2] !== undefined && pattern[end + 2] !== ']') {
        const to = end + 2;
        if (pattern[to] === '\\') {
          if (CLASS_ESCAPES.has(pattern[to + 1] ?? '')) return near({ why: 'Illegal character range', at: to + 1 });
          const why = escape(pattern, to, true);
          if (why) return near(why);
          end = to + escapeLength(pattern, to) - 1;
        } else end = to;
      }
      i = end;
      continue;
    }
    if (ch === '\\') {
      if (pattern[i + 1] === undefined) return undefined;
      const why = escape(pattern, i, false);
      if (why) return near(why);
      i += escapeLength(pattern, i) - 1;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      // A `]` right after `[` or `[^` is a member in Java.
      const first = pattern[i + 1] === '^' ? i + 2 : i + 1;
      i = pattern[first] === ']' ? first : first - 1;
      continue;
    }
    if (ch === '{') {
      const why = counted(pattern, i);
      if (why) return near(why);
      continue;
    }
    if (ch === '(' && pattern.startsWith('(?<', i) && pattern[i + 3] !== '=' && pattern[i + 3] !== '!') {
      // Pattern.groupname: a Latin letter, then letters and digits up to '>'; Java names the first character off that.
      if (!/^[a-zA-Z]/.test(pattern[i + 3] ?? '')) return near({ why: 'capturing group name does not start with a Latin letter', at: i + 3 });
      const name = /^[a-zA-Z0-9]*/.exec(pattern.slice(i + 3))?.[0] ?? '';
      if (pattern[i + 3 + name.length] !== '>') return near({ why: "named capturing group is missing trailing '>'", at: i + 3 + name.length });
    }
  }
  return undefined;
}
