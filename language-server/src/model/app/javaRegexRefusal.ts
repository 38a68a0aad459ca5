/**
 * Constructs java.util.regex.Pattern refuses (PatternSyntaxException) that JavaScript's RegExp without the `u` flag
 * accepts as something else, mostly literal text (Annex B): `a{`, `r{1`, `\k<n>` with no group n, `\0`, `\u12`,
 * `\x{}`, `\p{alpha}`, `\N{…}`, `[\b]`, `[&&]`, a range ending in a class escape `[a-\d]`, a named group `(?<a_b>…)`
 * or one named twice, a `*` right after an inline flag group `(?i)*` (which JavaScript's rewrite would quantify).
 * Marathon compiles a LIKE/UNLIKE value with Pattern and refuses the app when it fails (marathon-rules.md §4.5,
 * `constraint-like-regex`), so such a value is no regular expression to Marathon, whatever JavaScript makes of it.
 * Checked against a JVM (OpenJDK 17, javaRegexParity.test.ts). Pure: the first refused construct as Java describes
 * it, or undefined (which does not mean Java accepts the rest).
 */

import { escapeLength, escapeRefusal, type JavaRefusal } from './javaEscape';
import { javaCommentsStripped } from './javaComments';
import { javaUnquoted } from './javaUnquoted';

const CLASS_ESCAPES = new Set([...'dDsSwWpPhHvV']);
const INT_MAX = 2 ** 31 - 1;
/** An inline flag group's flags (Pattern.addFlag, subFlag), before its `)` or `:`. */
const INLINE_FLAGS = /^\(\?([idmsuxcU]*)(?:-[idmsuxcU]*)?/;

/** `{n}`, `{n,}` or `{n,m}` at `i` (Pattern.closure), its length, else why Java refuses it. */
function counted(pattern: string, i: number): JavaRefusal | number {
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
  return m[0].length;
}

/** The walk's state: named groups opened so far, `(?U)` seen, class nesting, whether a sequence item starts here. */
type Walk = { groupNames: Set<string>; unicodeClass: boolean; classDepth: number; itemStart: boolean };

/** Where a class level opened at `i` (`[`) has its first item: past `^`, past a `]` that is a member there. */
function classLevel(pattern: string, i: number): JavaRefusal | number {
  const first = pattern[i + 1] === '^' ? i + 2 : i + 1;
  // Pattern.clazz: `&&` with nothing before it in the class and nothing after it is no intersection.
  if (pattern.startsWith('&&', first) && (pattern[first + 2] === ']' || pattern[first + 2] === '&')) return { why: 'Bad class syntax', at: first + 1 };
  return pattern[first] === ']' ? first + 1 : first;
}

/** One item of a class at `i` (not `]`): where it ends, a range to the next item included, or why Java refuses it. */
function classItem(pattern: string, i: number, walk: Walk): JavaRefusal | number {
  const ch = pattern[i];
  const scope = { inClass: true, groupNames: walk.groupNames, unicodeClass: walk.unicodeClass };
  let single = ch !== '[' && ch !== '&';
  // A character beyond U+FFFF is one item (two UTF-16 units), as Pattern reads code points.
  const from = ch === '\\' ? undefined : (pattern.codePointAt(i) as number);
  let end = from !== undefined && from > 0xffff ? i + 1 : i;
  if (ch === '\\') {
    if (pattern[i + 1] === undefined) return pattern.length; // JavaScript refuses a trailing backslash itself
    const why = escapeRefusal(pattern, i, scope);
    if (why) return why;
    single = !CLASS_ESCAPES.has(pattern[i + 1]);
    end = i + escapeLength(pattern, i) - 1;
  }
  // A `-` then `[` is a `-` and a nested class (Pattern.range), not a range.
  const to = end + 2;
  if (!single || pattern[end + 1] !== '-' || pattern[to] === undefined || pattern[to] === ']' || pattern[to] === '[') return end + 1;
  if (pattern[to] !== '\\') {
    const upTo = pattern.codePointAt(to) as number;
    // Pattern.range: a literal range must not run backwards (`[z-a]`, `[😀-&&]`, where `&` is its end).
    if (from !== undefined && upTo < from) return { why: 'Illegal character range', at: to };
    return to + (upTo > 0xffff ? 2 : 1);
  }
  // Pattern.range reads the end with escape(), which has no case for `\p`.
  if (pattern[to + 1] === 'p' || pattern[to + 1] === 'P') return { why: 'Illegal/unsupported escape sequence', at: to + 1 };
  if (CLASS_ESCAPES.has(pattern[to + 1] ?? '')) return { why: 'Illegal character range', at: to + 1 };
  const why = escapeRefusal(pattern, to, scope);
  return why ?? to + escapeLength(pattern, to);
}

/** The refusal at `i` outside a class, or how far the walk moves on. */
function step(pattern: string, i: number, walk: Walk): JavaRefusal | number {
  const ch = pattern[i];
  const itemStart = walk.itemStart;
  walk.itemStart = false;
  if (ch === '\\') {
    if (pattern[i + 1] === undefined) return pattern.length;
    const why = escapeRefusal(pattern, i, { inClass: false, groupNames: walk.groupNames, unicodeClass: walk.unicodeClass });
    return why ?? i + escapeLength(pattern, i);
  }
  if (ch === '[') {
    walk.classDepth = 1;
    return classLevel(pattern, i);
  }
  if (ch === '*' || ch === '+' || ch === '?' || ch === '{') {
    // Pattern.sequence: a quantifier where an item starts quantifies nothing; a counted closure there repeats an empty atom.
    if (ch !== '{' && itemStart) return { why: `Dangling meta character '${ch}'`, at: i };
    const length = ch === '{' ? counted(pattern, i) : 1;
    if (typeof length !== 'number') return length;
    walk.itemStart = true;
    const suffix = pattern[i + length];
    return i + length + (suffix === '?' || suffix === '+' ? 1 : 0);
  }
  if (ch === '|') walk.itemStart = true;
  if (ch !== '(') return i + 1;
  walk.itemStart = true;
  if (pattern[i + 1] !== '?') return i + 1;
  const kind = pattern[i + 2];
  if (kind === ':' || kind === '=' || kind === '!' || kind === '>') return i + 3;
  if (kind === '$' || kind === '@') return { why: 'Unknown group type', at: i + 2 };
  if (kind === '<') {
    if (pattern[i + 3] === '=' || pattern[i + 3] === '!') return i + 4;
    // Pattern.groupname: a Latin letter, then letters and digits up to '>'; Java names the first character off that.
    if (!/^[a-zA-Z]/.test(pattern[i + 3] ?? '')) return { why: 'capturing group name does not start with a Latin letter', at: i + 3 };
    const name = /^[a-zA-Z0-9]*/.exec(pattern.slice(i + 3))?.[0] ?? '';
    const close = i + 3 + name.length;
    if (pattern[close] !== '>') return { why: "named capturing group is missing trailing '>'", at: close };
    if (walk.groupNames.has(name)) return { why: `Named capturing group <${name}> is already defined`, at: close };
    walk.groupNames.add(name);
    return close + 1;
  }
  const flags = INLINE_FLAGS.exec(pattern.slice(i)) as RegExpExecArray;
  const end = i + flags[0].length;
  if (pattern[end] !== ')' && pattern[end] !== ':') return { why: 'Unknown inline modifier', at: end };
  if (flags[1].includes('U')) walk.unicodeClass = true;
  return end + 1;
}

export function javaRegexRefusal(quoted: string): string | undefined {
  // Pattern turns \Q…\E quoting into escapes before it parses (`\x\Qb1` reads as `\xb1`), and its indexes point
  // there; under comments mode it skips whitespace and `#…`, which the walk does not see.
  const unquoted = javaUnquoted(quoted);
  const stripped = javaCommentsStripped(unquoted);
  const pattern = stripped?.text ?? unquoted;
  const walk: Walk = { groupNames: new Set(), unicodeClass: false, classDepth: 0, itemStart: true };
  for (let i = 0; i < pattern.length; ) {
    let next: JavaRefusal | number;
    if (walk.classDepth === 0) next = step(pattern, i, walk);
    else if (pattern[i] === ']') {
      walk.classDepth--;
      next = i + 1;
    } else if (pattern[i] === '[') {
      walk.classDepth++;
      next = classLevel(pattern, i);
    } else if (pattern.startsWith('&&', i)) next = i + 2;
    else next = classItem(pattern, i, walk);
    if (typeof next !== 'number') {
      const at = stripped ? (stripped.at[next.at] ?? unquoted.length) : next.at;
      // Pattern counts code points, so a character beyond U+FFFF before the culprit counts once.
      return `${next.why} at index ${[...unquoted.slice(0, at)].length + Math.max(0, at - unquoted.length)}`;
    }
    i = next;
  }
  return undefined;
}
