/**
 * One escape of a java.util.regex pattern (Pattern.escape, family, x, o, u, N, OpenJDK 17): why Java refuses it
 * where JavaScript without the `u` flag reads it as text (`\0`, `\k<n>` with no group n, `\x{}`, `\N`,
 * `\p{alpha}`, `[\1]`), and how long it is. Used by javaRegexRefusal.ts's walk over the pattern. Pure.
 */

import { javaPropertyRefusal } from './javaPropertyName';
import { JAVA_ASCII_NAMES } from './javaUnicodeNames';

/**
 * Why Java refuses a construct, at the index Java names (where its cursor stood, one past the culprit or at it);
 * `fromEnd` when Java found it at the pattern's end, which comments mode can leave beyond the last character read;
 * `before`, the index is one before the character at `at` (whitespace comments mode skipped counts); `span`, where
 * the construct starts and ends when Java's index does not show it (a look-behind, named at its end).
 */
export type JavaRefusal = { why: string; at: number; fromEnd?: boolean; before?: boolean; span?: readonly [number, number] };

/** What the walk knows where the escape stands: inside a class, the named groups opened so far, whether `(?U)` is seen. */
export type EscapeScope = { inClass: boolean; groupNames: ReadonlySet<string>; unicodeClass: boolean };

const HEX = /^[0-9a-fA-F]$/;
const OCTAL = /^[0-7]$/;
const LATIN_LETTER = /^[a-zA-Z]$/;
/** Letters Pattern.escape() has no case for (a lone `\E`, and a `\Q` unquoting left: `\c\\Q`), and, in a class, the anchors, back references, `\k`, `\R`, `\X`. */
const UNSUPPORTED = new Set([...'gijlmoqyCEFIJKLMOQTUY']);
const UNSUPPORTED_IN_CLASS = new Set([...'ABGRXZbkz123456789']);
const MAX_CODE_POINT = 0x10ffff;

/** Index of the first of `count` characters from `from` that is no hex digit, or -1. */
function firstNonHex(pattern: string, from: number, count: number): number {
  for (let k = from; k < from + count; k++) if (!HEX.test(pattern[k] ?? '')) return k;
  return -1;
}

/** `\k<name>`: Pattern.groupname, then the name must belong to a group opened before it. */
function backReference(pattern: string, i: number, names: ReadonlySet<string>): JavaRefusal | undefined {
  if (pattern[i + 2] !== '<') return { why: "\\k is not followed by '<' for named capturing group", at: i + 2 };
  if (!LATIN_LETTER.test(pattern[i + 3] ?? '')) return { why: 'capturing group name does not start with a Latin letter', at: i + 3 };
  const name = /^[a-zA-Z0-9]*/.exec(pattern.slice(i + 3))?.[0] ?? '';
  const close = i + 3 + name.length;
  if (pattern[close] !== '>') return { why: "named capturing group is missing trailing '>'", at: close };
  if (!names.has(name)) return { why: `named capturing group <${name}> does not exist`, at: close };
  return undefined;
}

/** `\x{h…}`: hex digits up to `}`, at most U+10FFFF (Pattern.x). */
function codePoint(pattern: string, i: number): JavaRefusal | undefined {
  if (!HEX.test(pattern[i + 3] ?? '')) return { why: 'Illegal hexadecimal escape sequence', at: i + 2 };
  let value = 0;
  let k = i + 3;
  for (; HEX.test(pattern[k] ?? ''); k++) {
    value = value * 16 + parseInt(pattern[k], 16);
    if (value > MAX_CODE_POINT) return { why: 'Hexadecimal codepoint is too big', at: k };
  }
  return pattern[k] === '}' ? undefined : { why: 'Unclosed hexadecimal escape sequence', at: k };
}

/**
 * `\N{name}` (Pattern.N, Java 9+). The name is not judged: Java 8, which Marathon runs on, refuses every `\N`, and
 * constraint-like-regex-java9 already says to write the character instead (a Bloom filter of Java 17's 33,762 names
 * cost about 50 KB of cli.cjs for a refusal that warning covers). An unknown name is accepted here, erring that way.
 */
function characterName(pattern: string, i: number): JavaRefusal | undefined {
  if (pattern[i + 2] !== '{') return { why: 'Illegal character name escape sequence', at: i + 2 };
  const close = pattern.indexOf('}', i + 3);
  if (close < 0) return { why: 'Unclosed character name escape sequence', at: Math.max(i + 3, pattern.length - 1) };
  return undefined;
}

/**
 * Java 8's refusal of an escape Java 9 added (JDK 8 Pattern.escape has no case for `N` or `X`; it reads `\b` alone,
 * so `{g}` after it is a counted closure with no count, "Illegal repetition" at the `b`: OpenJDK 8 Pattern.closure
 * reads the character after the `{` without moving its cursor off the `{`, and error() names cursor - 1, where
 * JDK 9+'s closure skips past it first).
 */
function java9Only(pattern: string, i: number, inClass: boolean): JavaRefusal | undefined {
  const next = pattern[i + 1];
  if (next === 'N' || next === 'X') return { why: 'Illegal/unsupported escape sequence', at: i + 1 };
  if (next === 'b' && !inClass && pattern.startsWith('{g', i + 2)) return { why: 'Illegal repetition', at: i + 1 };
  return undefined;
}

/** `\p{name}` or `\pX` (Pattern.family). */
function property(pattern: string, i: number, unicodeClass: boolean, java8 = false): JavaRefusal | undefined {
  if (pattern[i + 2] !== '{') {
    const letter = pattern.codePointAt(i + 2);
    const why = javaPropertyRefusal(letter === undefined ? '' : String.fromCodePoint(letter), unicodeClass);
    return why ? { why, at: i + 2 } : undefined;
  }
  const close = pattern.indexOf('}', i + 3);
  if (close < 0) return { why: 'Unclosed character family', at: pattern.length };
  if (close === i + 3) return { why: 'Empty character family', at: close };
  const why = javaPropertyRefusal(pattern.slice(i + 3, close), unicodeClass, java8);
  return why ? { why, at: close } : undefined;
}

/** Why Java 9+ refuses the escape at `i` (a backslash, not the last character), or undefined. */
export function escapeRefusal(pattern: string, i: number, scope: EscapeScope): JavaRefusal | undefined {
  const next = pattern[i + 1];
  if (UNSUPPORTED.has(next) || (scope.inClass && UNSUPPORTED_IN_CLASS.has(next))) return { why: 'Illegal/unsupported escape sequence', at: i + 1 };
  switch (next) {
    case '0':
      return OCTAL.test(pattern[i + 2] ?? '') ? undefined : { why: 'Illegal octal escape sequence', at: i + 2 };
    case 'k':
      return backReference(pattern, i, scope.groupNames);
    case 'u': {
      const bad = firstNonHex(pattern, i + 2, 4);
      return bad >= 0 ? { why: 'Illegal Unicode escape sequence', at: bad } : undefined;
    }
    case 'x': {
      if (pattern[i + 2] === '{') return codePoint(pattern, i);
      const bad = firstNonHex(pattern, i + 2, 2);
      return bad >= 0 ? { why: 'Illegal hexadecimal escape sequence', at: bad } : undefined;
    }
    case 'c':
      return i + 2 >= pattern.length ? { why: 'Illegal control escape sequence', at: i + 1 } : undefined;
    case 'N':
      return characterName(pattern, i);
    case 'p':
    case 'P':
      return property(pattern, i, scope.unicodeClass);
    case 'b':
      // `\b{g}`, a grapheme cluster boundary; `\b{` with anything else than `g` is a `\b` and a `{`.
      return pattern[i + 2] === '{' && pattern[i + 3] === 'g' && pattern[i + 4] !== '}' ? { why: 'Illegal/unsupported escape sequence', at: i + 4 } : undefined;
    default:
      return undefined;
  }
}

/**
 * Why Java 8's Pattern refuses the escape at `i` where it reads it otherwise than Java 9+'s (escapeRefusal): an escape
 * Java 9 added, or a script or block newer than Unicode 6.2 (javaPropertyName.ts), or undefined.
 */
export function java8EscapeRefusal(pattern: string, i: number, scope: EscapeScope): JavaRefusal | undefined {
  const next = pattern[i + 1];
  return java9Only(pattern, i, scope.inClass) ?? (next === 'p' || next === 'P' ? property(pattern, i, scope.unicodeClass, true) : undefined);
}

/** Length of the escape at `i`: `\uXXXX`, `\xHH`, `\0ooo`, `\cX`, `\p{…}`, `\x{…}`, `\N{…}`, `\k<…>`, `\b{g}`, else a backslash and one character. */
export function escapeLength(pattern: string, i: number): number {
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
  if (next === 'b' && pattern.startsWith('{g}', i + 2)) return 5;
  if ((next === 'p' || next === 'P') && i + 2 < pattern.length) return (pattern.codePointAt(i + 2) as number) > 0xffff ? 4 : 3;
  if (next === '0') {
    // Pattern.o: one or two octal digits, three when the first is at most 3.
    const octal = (k: number) => OCTAL.test(pattern[i + k] ?? '');
    return !octal(2) ? 2 : !octal(3) ? 3 : octal(4) && pattern[i + 2] <= '3' ? 5 : 4;
  }
  // `\c` takes the next character as it is, a backslash too.
  return next === 'u' ? 6 : next === 'x' ? 4 : next === 'c' ? 3 : 2;
}

const NAMED_VALUES: Readonly<Record<string, number>> = { t: 9, n: 10, r: 13, f: 12, a: 7, e: 27, v: 11 };

/**
 * The ASCII character `name` names as Character.codePointOf reads it (String.trim, then upper case in the root
 * locale), or undefined: another character's name, or none. Hostnames and attribute values are ASCII
 * (mesos-master-api.md §3), so that is what a range in a LIKE value spans.
 */
export function asciiCharacterNamed(name: string): number | undefined {
  const cp = JAVA_ASCII_NAMES.indexOf(name.replace(/^[\0- ]+|[\0- ]+$/g, '').toUpperCase());
  return cp < 0 ? undefined : cp;
}

/**
 * The character the escape at `i` stands for as a range end (Pattern.escape's value), or undefined for a class
 * escape or one not worked out here (`\N{…}` of a character past ASCII, a surrogate pair in two `\u`), which
 * leaves the range unjudged.
 */
export function escapeValue(pattern: string, i: number): number | undefined {
  const next = pattern[i + 1];
  const body = pattern.slice(i + 2, i + escapeLength(pattern, i));
  if (next === 'N') return pattern[i + 2] === '{' && body.endsWith('}') ? asciiCharacterNamed(body.slice(1, -1)) : undefined;
  if (next === 'x') return parseInt(body.replace(/[{}]/g, ''), 16);
  if (next === 'u') return parseInt(body, 16);
  if (next === '0') return parseInt(body, 8);
  if (next === 'c') return (pattern.codePointAt(i + 2) as number) ^ 64;
  if (next in NAMED_VALUES) return NAMED_VALUES[next];
  return /[a-zA-Z0-9]/.test(next) ? undefined : pattern.codePointAt(i + 1);
}
