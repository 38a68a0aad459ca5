/**
 * Constructs java.util.regex.Pattern refuses (PatternSyntaxException) that JavaScript's RegExp without the `u` flag
 * accepts as something else, mostly literal text (Annex B): `a{`, `r{1`, `\k`, `\u12`, `\x4`, a named group `(?<a_b>…)`,
 * `[\b]`, a range ending in a class escape `[a-\d]`. Marathon compiles a LIKE/UNLIKE value with Pattern and refuses the
 * app when it fails (marathon-rules.md §4.5, `constraint-like-regex`), so such a value is no regular expression to
 * Marathon, whatever JavaScript makes of it. Checked against a JVM (OpenJDK 17; these parts of Pattern are Java 8's).
 * Pure: the first refused construct as Java describes it, or undefined (which does not mean Java accepts the rest).
 */

const HEX = /^[0-9a-fA-F]$/;
const CLASS_ESCAPES = new Set([...'dDsSwW']);

/** `{n}`, `{n,}` or `{n,m}` at `i` (Pattern.closure), else why Java refuses it. */
function counted(pattern: string, i: number): string | undefined {
  const m = /^\{(\d*)(,(\d*))?(\})?/.exec(pattern.slice(i));
  if (!m || m[1] === '') return 'Illegal repetition';
  if (m[4] === undefined) return 'Unclosed counted closure';
  // Pattern reads the counts as int; a larger one, or a maximum below the minimum, is refused.
  if (Number(m[1]) > 2 ** 31 - 1 || (m[3] !== undefined && m[3] !== '' && (Number(m[3]) > 2 ** 31 - 1 || Number(m[3]) < Number(m[1])))) return 'Illegal repetition range';
  return undefined;
}

/** Why Java refuses the escape at `i` (a backslash) where JavaScript takes it, or undefined. */
function escape(pattern: string, i: number, inClass: boolean): string | undefined {
  const next = pattern[i + 1];
  if (next === 'k' && pattern[i + 2] !== '<') return "\\k is not followed by '<' for named capturing group";
  if (next === 'u' && !/^[0-9a-fA-F]{4}$/.test(pattern.slice(i + 2, i + 6))) return 'Illegal Unicode escape sequence';
  if (next === 'x' && pattern[i + 2] !== '{' && !(HEX.test(pattern[i + 2] ?? '') && HEX.test(pattern[i + 3] ?? ''))) return 'Illegal hexadecimal escape sequence';
  if (next === 'c' && i + 2 >= pattern.length) return 'Illegal control escape sequence';
  if (next === 'b' && inClass) return 'Illegal/unsupported escape sequence';
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

export function javaRegexRefusal(pattern: string): string | undefined {
  // Comments mode ignores whitespace and `#…` text, and Pattern turns \Q…\E quoting into escapes before it parses
  // (RemoveQEQuoting: `\x\Qb1` reads as `\xb1`): such patterns are not judged here.
  if (/\(\?[a-zA-Z-]*x/.test(pattern) || pattern.includes('\\Q')) return undefined;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    const near = (why: string, at = i) => `${why} at index ${at}`;
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
          if (CLASS_ESCAPES.has(pattern[to + 1] ?? '')) return near('Illegal character range', to);
          const why = escape(pattern, to, true);
          if (why) return near(why, to);
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
      if (!/^[a-zA-Z][a-zA-Z0-9]*>/.test(pattern.slice(i + 3))) return near(/^[a-zA-Z]/.test(pattern[i + 3] ?? '') ? "named capturing group is missing trailing '>'" : 'capturing group name does not start with a Latin letter');
    }
  }
  return undefined;
}
