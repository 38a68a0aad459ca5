/**
 * Constructs java.util.regex.Pattern refuses (PatternSyntaxException) that JavaScript's RegExp without the `u` flag
 * accepts as something else, mostly literal text (Annex B): `a{`, `r{1`, `\k<n>` with no group n, `\0`, `\u12`,
 * `\x{}`, `\p{alpha}`, `\N` without `{…}`, `[\b]`, `[&&]`, a range ending in a class escape `[a-\d]`, a named group `(?<a_b>…)`
 * or one named twice, a `*` right after an inline flag group `(?i)*` (which JavaScript's rewrite would quantify).
 * Marathon compiles a LIKE/UNLIKE value with Pattern and refuses the app when it fails (marathon-rules.md §4.5,
 * `constraint-like-regex`), so such a value is no regular expression to Marathon, whatever JavaScript makes of it.
 * A back reference in a lookbehind is refused too (JavaScript bounds no lookbehind), and what both refuse (an
 * unclosed group or class, a stray `)`, a backward range) is said here in Java's words. Checked against a JVM
 * (OpenJDK 17, javaRegexParity.test.ts). Pure: the first refused construct as Java describes it, at Java's index
 * (in code points), or undefined (which does not mean Java accepts the rest: javaRegex.ts compiles it then).
 */

import { escapeLength, escapeRefusal, escapeValue, java8EscapeRefusal, type EscapeScope, type JavaRefusal } from './javaEscape';
import { javaCommentsStripped } from './javaComments';
import { java8CountText } from './java8Counts';
import { lookbehindUnbounded } from './javaLookbehind';
import { javaUnquoted } from './javaUnquoted';

const CLASS_ESCAPES = new Set([...'dDsSwWpPhHvV']);
const INT_MAX = 2 ** 31 - 1;
/** An inline flag group's flags (Pattern.addFlag, subFlag), before its `)` or `:`: those set, those cleared. */
const INLINE_FLAGS = /^\(\?([idmsuxcU]*)(?:-([idmsuxcU]*))?/;

/** `{n}`, `{n,}` or `{n,m}` at `i` (Pattern.closure), its length, else why Java refuses it. */
function counted(pattern: string, i: number, walk: Walk): JavaRefusal | number {
  const m = /^\{(\d*)(,(\d*))?(\})?/.exec(pattern.slice(i));
  if (!m || m[1] === '') return { why: 'Illegal repetition', at: i + 1 };
  // JDK 9+ reads each count as an int (Math.addExact): the digit that overflows is named.
  const overflow = (digits: string, from: number) => {
    let n = 0;
    for (let k = 0; k < digits.length; k++) if ((n = n * 10 + Number(digits[k])) > INT_MAX) return from + k;
    return -1;
  };
  const minAt = overflow(m[1], i + 1);
  const maxAt = m[3] === undefined ? -1 : overflow(m[3], i + 2 + m[1].length);
  if (minAt >= 0 || maxAt >= 0) {
    const refusal = { why: 'Illegal repetition range', at: minAt >= 0 ? minAt : maxAt };
    // Java 8, which Marathon runs on, wraps the count (java8Counts.ts): refused only where Java 8 refuses it too.
    const java8Reads = m[4] === undefined ? undefined : java8CountText(m[1], m[2] === undefined ? undefined : m[3]);
    if (java8Reads === undefined) return refusal;
    walk.wrapped ??= { ...refusal, span: [i, i + m[0].length], java8Reads };
    return m[0].length;
  }
  if (m[4] === undefined) return { why: 'Unclosed counted closure', at: i + m[0].length };
  if (m[3] !== undefined && m[3] !== '' && Number(m[3]) < Number(m[1])) return { why: 'Illegal repetition range', at: i + m[0].length - 1 };
  return m[0].length;
}

/**
 * A group open where the walk stands, at `open` (its `(`): a lookbehind's body starts at `body`; `canonEq`, whether
 * `(?c)` was on where it opened (Pattern.group0 restores the flags at its `)`).
 */
type OpenGroup = { open: number; behind: boolean; body: number; canonEq: boolean };
/**
 * The walk's state: named groups opened so far, `(?U)` seen, `(?c)` on, groups and class nesting, whether a
 * sequence item starts here; `closes`, the `)` of each group closed, by its `(` (javaLookbehind.ts steps over them);
 * `java8Only`, the first refusal Java 8's Pattern makes that JDK 9+'s does not make there; `wrapped`, the first count
 * JDK 9+ refuses and Java 8 wraps, with what Java 8 reads.
 */
type Walk = {
  groupNames: Set<string>;
  unicodeClass: boolean;
  canonEq: boolean;
  groups: OpenGroup[];
  closes: Map<number, number>;
  classDepth: number;
  itemStart: boolean;
  java8Only?: JavaRefusal;
  wrapped?: JavaRefusal & { java8Reads: string };
};
const UNBOUNDED = 'Look-behind group does not have an obvious maximum length';

/**
 * Pattern.group0 studies a lookbehind once its body is read, up to `end` (javaLookbehind.ts): `refusal` when Java 8
 * cannot bound it. As Java 9+ reads it, it is refused only when Java 8, which Marathon runs on, refuses it too: the
 * two bound different look-behinds (`aa*` only JDK 9+, `(?c)(?:[ab])*` only Java 8), and a false refusal would block
 * a valid app; one only Java 8 refuses is kept aside (`java8Only`) and the walk goes on.
 */
function lookbehindRefused(pattern: string, group: OpenGroup, end: number, walk: Walk, refusal: JavaRefusal): JavaRefusal | undefined {
  if (!lookbehindUnbounded(pattern, group.body, end, true, group.canonEq, walk.closes)) return undefined;
  if (lookbehindUnbounded(pattern, group.body, end, false, group.canonEq, walk.closes)) return refusal;
  walk.java8Only ??= refusal;
  return undefined;
}

/**
 * Java 9+'s refusal of the escape at `i`. Java 8's, where it differs (`\N`, `\X`, `\b{g}`, a newer script: Java 8
 * reads those first, so it names them even where Java 9+ refuses the escape in other words), is kept aside.
 */
function escapeRefused(pattern: string, i: number, walk: Walk, inClass: boolean): JavaRefusal | undefined {
  const scope: EscapeScope = { inClass, groupNames: walk.groupNames, unicodeClass: walk.unicodeClass };
  walk.java8Only ??= java8EscapeRefusal(pattern, i, scope);
  return escapeRefusal(pattern, i, scope);
}

/** Where a class level opened at `i` (`[`) goes on: past `^`, past a `]` that is a member there (a range's start too). */
function classLevel(pattern: string, i: number, walk: Walk): JavaRefusal | number {
  const first = pattern[i + 1] === '^' ? i + 2 : i + 1;
  // Pattern.clazz: `&&` with nothing before it in the class and nothing after it is no intersection.
  if (pattern.startsWith('&&', first) && (pattern[first + 2] === ']' || pattern[first + 2] === '&')) return { why: 'Bad class syntax', at: first + 1 };
  return pattern[first] === ']' ? classItem(pattern, first, walk) : first;
}

/** One item of a class at `i` (not `]`): where it ends, a range to the next item included, or why Java refuses it. */
function classItem(pattern: string, i: number, walk: Walk): JavaRefusal | number {
  const ch = pattern[i];
  // (`&&` is the walk's; a lone `&` is a character.)
  let single = ch !== '[';
  // A character beyond U+FFFF is one item (two UTF-16 units), as Pattern reads code points.
  let from = pattern.codePointAt(i) as number;
  let end = from > 0xffff ? i + 1 : i;
  if (ch === '\\') {
    if (pattern[i + 1] === undefined) return { why: 'Unclosed character class', at: pattern.length, fromEnd: true };
    const why = escapeRefused(pattern, i, walk, true);
    if (why) return why;
    end = i + escapeLength(pattern, i) - 1;
    // Pattern.range: `\v` before a `-` is the character U+000B, a range's start.
    single = !CLASS_ESCAPES.has(pattern[i + 1]) || (pattern[i + 1] === 'v' && pattern[end + 1] === '-');
    from = escapeValue(pattern, i) ?? -1;
  }
  // A `-` then `[` is a `-` and a nested class (Pattern.range), not a range; a `-` last is a range to nothing.
  const to = end + 2;
  if (!single || pattern[end + 1] !== '-' || pattern[to] === ']' || pattern[to] === '[') return end + 1;
  if (pattern[to] === undefined) return { why: 'Illegal character range', at: to };
  let last = to;
  let upTo = pattern.codePointAt(to) as number;
  if (pattern[to] === '\\') {
    // Pattern.range reads the end with escape(), which has no case for `\p`.
    if (pattern[to + 1] === 'p' || pattern[to + 1] === 'P') return { why: 'Illegal/unsupported escape sequence', at: to + 1 };
    if (CLASS_ESCAPES.has(pattern[to + 1] ?? '') && pattern[to + 1] !== 'v') return { why: 'Illegal character range', at: to + 1 };
    if (pattern[to + 1] === undefined) return from > 0 ? { why: 'Illegal character range', at: to + 1 } : { why: 'Unclosed character class', at: pattern.length, fromEnd: true };
    const why = escapeRefused(pattern, to, walk, true);
    if (why) return why;
    last = to + escapeLength(pattern, to) - 1;
    upTo = escapeValue(pattern, to) ?? Infinity;
  } else if (upTo > 0xffff) last = to + 1;
  // A range must not run backwards (`[z-a]`, `[\x{41}-\x{20}]`, `[😀-&&]`, where `&` is its end); Java names its end.
  if (upTo < from) return { why: 'Illegal character range', at: last === to + 1 && upTo > 0xffff ? to : last };
  return last + 1;
}

/** The refusal at `i` outside a class, or how far the walk moves on. */
function step(pattern: string, i: number, walk: Walk): JavaRefusal | number {
  const ch = pattern[i];
  const itemStart = walk.itemStart;
  walk.itemStart = false;
  if (ch === '\\') {
    // A trailing backslash: Pattern reads past the end, then finds the group or the pattern unfinished.
    if (pattern[i + 1] === undefined) return walk.groups.length > 0 ? { why: 'Unclosed group', at: pattern.length + 1, fromEnd: true } : { why: 'Unexpected internal error', at: pattern.length, fromEnd: true };
    const why = escapeRefused(pattern, i, walk, false);
    if (why) return why;
    return i + escapeLength(pattern, i);
  }
  if (ch === '[') {
    walk.classDepth = 1;
    return classLevel(pattern, i, walk);
  }
  if (ch === '*' || ch === '+' || ch === '?' || ch === '{') {
    // Pattern.sequence: a quantifier where an item starts quantifies nothing; a counted closure there repeats an empty atom.
    if (ch !== '{' && itemStart) return { why: `Dangling meta character '${ch}'`, at: i };
    const length = ch === '{' ? counted(pattern, i, walk) : 1;
    if (typeof length !== 'number') return length;
    walk.itemStart = true;
    const suffix = pattern[i + length];
    return i + length + (suffix === '?' || suffix === '+' ? 1 : 0);
  }
  if (ch === '|') walk.itemStart = true;
  if (ch === ')') {
    // Pattern.compile: the top level ends at a `)` no group opened.
    const group = walk.groups.pop();
    if (group === undefined) return { why: "Unmatched closing ')'", at: i - 1 };
    // Java's cursor stands on the `)` (past any whitespace comments mode skips): the index is one before it.
    const refused = group.behind ? lookbehindRefused(pattern, group, i, walk, { why: UNBOUNDED, at: i, before: true, span: [group.body - 4, i + 1] }) : undefined;
    if (refused) return refused;
    walk.closes.set(group.open, i);
    walk.canonEq = group.canonEq;
  }
  if (ch !== '(') return i + 1;
  walk.itemStart = true;
  const group: OpenGroup = { open: i, behind: false, body: i + 1, canonEq: walk.canonEq };
  walk.groups.push(group);
  if (pattern[i + 1] !== '?') return i + 1;
  const kind = pattern[i + 2];
  if (kind === ':' || kind === '=' || kind === '!' || kind === '>') return i + 3;
  if (kind === '$' || kind === '@') return { why: 'Unknown group type', at: i + 2 };
  if (kind === '<') {
    if (pattern[i + 3] === '=' || pattern[i + 3] === '!') {
      group.behind = true;
      group.body = i + 4;
      return i + 4;
    }
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
  // OpenJDK 8 Pattern.subFlag clears U and returns there (its case 'U' falls through to default): group0 reads the U
  // as the group's end. JDK 9+ moves on.
  const clearsU = (flags[2] ?? '').indexOf('U');
  if (clearsU >= 0) walk.java8Only ??= { why: 'Unknown inline modifier', at: end - flags[2].length + clearsU, span: [i, pattern[end] === ')' || pattern[end] === ':' ? end + 1 : end] };
  if (pattern[end] !== ')' && pattern[end] !== ':') return { why: 'Unknown inline modifier', at: end };
  if (flags[1].includes('U')) walk.unicodeClass = true;
  if (flags[1].includes('c')) walk.canonEq = true;
  if (flags[2]?.includes('c')) walk.canonEq = false;
  // Flags alone open no group; they hold to the end of the enclosing one.
  if (pattern[end] === ')') walk.groups.pop();
  return end + 1;
}

/** Java's words and index, and the construct they name when the index does not show it (a look-behind, as written). */
export type JavaRefusalSaid = { said: string; lookbehind?: string };

/**
 * One walk's answers, for Java 9+ and Java 8 at once (the two read a pattern alike up to where one refuses):
 * `refused`, JDK 9+'s refusal; `java8Only`, the first refusal Java 8's Pattern makes that JDK 9+'s does not make
 * there (`\N{…}`, `\X`, `\b{g}`, a script or block newer than Unicode 6.2, `(?-U)`, a look-behind only JDK 9+
 * bounds: javaRegexJava9Only.ts); `wrapped`, the first count JDK 9+ refuses and Java 8 reads wrapped
 * (java8Counts.ts), as written (`lookbehind`), with what Java 8 reads; `read`, the pattern the walk read: unquoted
 * (javaUnquoted.ts), and without what comments mode skips (javaComments.ts).
 */
export type JavaPatternWalk = { read: string; refused?: JavaRefusalSaid; java8Only?: JavaRefusalSaid; wrapped?: JavaRefusalSaid & { java8Reads: string } };

/**
 * `java8`: as Java 8's Pattern, which refuses `\N{…}`, `\b{g}` and `\X` (javaRegexJava9Only.ts); else as Java 9+'s,
 * where a count Java 8 wraps is refused only when Java 8 refuses the pattern elsewhere (Marathon runs on Java 8).
 */
export function javaRegexRefusal(quoted: string, java8 = false, walk = javaPatternWalk(quoted)): string | undefined {
  const { refused, java8Only, wrapped } = walk;
  if (java8) return (java8Only ?? refused)?.said;
  // A count Java 8 wraps is JDK 9+'s refusal all the same: it stands where Java 8 refuses the pattern elsewhere.
  return (refused ?? (java8Only && wrapped))?.said;
}

/** The pattern `quoted` (a LIKE/UNLIKE value as written) walked once, as Pattern reads it. */
export function javaPatternWalk(quoted: string): JavaPatternWalk {
  // Pattern turns \Q…\E quoting into escapes before it parses (`\x\Qb1` reads as `\xb1`), and its indexes point
  // there; under comments mode it skips whitespace and `#…`, which the walk does not see.
  const unquoted = javaUnquoted(quoted);
  const stripped = javaCommentsStripped(unquoted);
  const pattern = stripped?.text ?? unquoted;
  const walk: Walk = { groupNames: new Set(), unicodeClass: false, canonEq: false, groups: [], closes: new Map(), classDepth: 0, itemStart: true };
  const said = (r: JavaRefusal): JavaRefusalSaid => {
    // Comments mode: at the end Java's cursor has passed the whitespace and comments the walk never saw.
    const at = (!stripped ? r.at : r.fromEnd ? unquoted.length + r.at - pattern.length : (stripped.at[r.at] ?? unquoted.length)) - (r.before ? 1 : 0);
    // Pattern counts code points, so a character beyond U+FFFF before the culprit counts once.
    // (An index on the second half of a surrogate pair is the pair's.)
    const inPair = /[\ud800-\udbff]/.test(unquoted[at - 1] ?? '') && /[\udc00-\udfff]/.test(unquoted[at] ?? '');
    const index = at < 0 ? at : [...unquoted.slice(0, at)].length - (inPair ? 1 : 0) + Math.max(0, at - unquoted.length);
    const text = `${r.why} at index ${index}`;
    if (!r.span) return { said: text };
    const [from, to] = r.span;
    const end = to >= pattern.length ? unquoted.length : stripped ? stripped.at[to - 1] + 1 : to;
    return { said: text, lookbehind: unquoted.slice(stripped ? stripped.at[from] : from, end) };
  };
  const answer = (r: JavaRefusal): JavaPatternWalk => ({ read: pattern, refused: said(r), java8Only: walk.java8Only && said(walk.java8Only) });
  for (let i = 0; i < pattern.length; ) {
    let next: JavaRefusal | number;
    if (walk.classDepth === 0) next = step(pattern, i, walk);
    else if (pattern[i] === ']') {
      walk.classDepth--;
      next = i + 1;
    } else if (pattern[i] === '[') {
      walk.classDepth++;
      next = classLevel(pattern, i, walk);
    } else if (pattern.startsWith('&&', i)) next = i + 2;
    else next = classItem(pattern, i, walk);
    if (typeof next !== 'number') return answer(next);
    i = next;
  }
  if (walk.classDepth > 0) return answer({ why: 'Unclosed character class', at: pattern.length - 1, fromEnd: true });
  const innermost = walk.groups[walk.groups.length - 1];
  const refused = innermost?.behind ? lookbehindRefused(pattern, innermost, pattern.length, walk, { why: UNBOUNDED, at: pattern.length - 1, fromEnd: true, span: [innermost.body - 4, pattern.length] }) : undefined;
  if (refused) return answer(refused);
  if (innermost) return answer({ why: 'Unclosed group', at: pattern.length, fromEnd: true });
  return { read: pattern, java8Only: walk.java8Only && said(walk.java8Only), wrapped: walk.wrapped && { ...said(walk.wrapped), java8Reads: walk.wrapped.java8Reads } };
}
