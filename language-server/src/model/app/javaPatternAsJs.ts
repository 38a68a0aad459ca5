/**
 * A JavaScript RegExp source (no `u` flag) that compiles where the java.util.regex pattern does, for a yes/no on a
 * LIKE/UNLIKE value (marathon-rules.md §4.5), never for matching. `pattern` is already unquoted (javaUnquoted.ts).
 * Where Java's grammar is wider than JavaScript's it is rewritten, checked against a JVM (OpenJDK 17, Pattern):
 * - Java quantifies any node (Pattern.sequence ends each with closure()): `^*`, `$*`, `\b{2}`, `\G+`, a lookbehind
 *   `(?<=a)*`; JavaScript quantifies none of these, so they become quantifiable groups.
 * - A counted closure where no atom stands (`{2}` at the start, `x{2}{3}`, `a*{2}`) repeats an empty atom in Java
 *   (Pattern.atom returns an empty slice); `*`, `+` and `?` there are dangling in both.
 * - Possessive quantifiers, atomic groups, embedded flags anywhere (`(?i)`, `(?c)`, `(?)`, `(?i:…)`); groups capture
 *   nothing (JavaScript counts at most 65,535 captures).
 * - A class is Java's: a `]` first is a member, nested classes and `&&` do not end it or form ranges; `\e`, `\a`,
 *   `\cX`, `\0ooo` and `\x{h…}` are the characters they name; `\p{…}`, `\h`, `\R`, `\X`, `\N{…}` are classes.
 * What Java refuses and JavaScript reads as text is javaRegexRefusal.ts's; what is left errs towards compiling.
 */

import { java8CountText } from './java8Counts';

const CLASS_LIKE = new Set([...'pPhHvVRXN']);
const ANCHORS = new Set([...'AzZGbB']);

/** A single UTF-16 character as a JavaScript escape. */
const unit = (code: number) => (code > 0xffff ? '\\w' : `\\u${code.toString(16).padStart(4, '0')}`);

/** The escape at `i` (a backslash) as JavaScript source and its length in the Java pattern. */
function escapeAt(p: string, i: number, inClass: boolean): { js: string; length: number; atom: boolean } {
  const next = p[i + 1];
  if (next === undefined) return { js: '\\', length: 1, atom: true }; // a trailing backslash: both refuse it
  if (!inClass && ANCHORS.has(next)) return { js: '(?:)', length: 2, atom: true };
  if (next === 'e') return { js: unit(0x1b), length: 2, atom: true };
  if (next === 'a') return { js: unit(0x07), length: 2, atom: true };
  if (next === 'c' && i + 2 < p.length) return { js: unit(p.charCodeAt(i + 2) ^ 64), length: 3, atom: true };
  if (next === '0') {
    // Pattern.o(): one or two octal digits after `\0`, or three when the first is at most 3.
    const d = p.slice(i + 2, i + 5);
    const octal = (k: number) => d[k] !== undefined && d[k] >= '0' && d[k] <= '7';
    const digits = !octal(0) ? 0 : !octal(1) ? 1 : octal(2) && d[0] <= '3' ? 3 : 2;
    return { js: digits ? unit(parseInt(d.slice(0, digits), 8)) : '\\0', length: 2 + digits, atom: true };
  }
  if (next === 'x' && p[i + 2] === '{') {
    const end = p.indexOf('}', i + 3);
    const code = parseInt(p.slice(i + 3, end), 16);
    return { js: end > 0 && Number.isFinite(code) ? unit(code) : '\\w', length: end > 0 ? end - i + 1 : 2, atom: true };
  }
  if (CLASS_LIKE.has(next)) {
    const braced = (next === 'p' || next === 'P' || next === 'N') && p[i + 2] === '{' ? p.indexOf('}', i + 3) : -1;
    const length = braced > 0 ? braced - i + 1 : (next === 'p' || next === 'P') && i + 2 < p.length ? 3 : 2;
    return { js: '\\w', length, atom: true };
  }
  return { js: `\\${next}`, length: 2, atom: true };
}

/**
 * The quantifier at `i` (`*`, `+`, `?` or a well-formed `{n…}`, its counts as Java 8 reads them: java8Counts.ts) with
 * its lazy or possessive suffix, else undefined.
 */
function quantifierAt(p: string, i: number): { js: string; length: number } | undefined {
  const m = /^(?:[*+?]|\{(\d+)(,(\d*))?\})/.exec(p.slice(i));
  if (!m) return undefined;
  const js = m[1] === undefined ? m[0] : (java8CountText(m[1], m[2] === undefined ? undefined : m[3]) ?? m[0]);
  const suffix = p[i + m[0].length];
  if (suffix === '?') return { js: `${js}?`, length: m[0].length + 1 };
  return { js, length: m[0].length + (suffix === '+' ? 1 : 0) };
}

/** The class opened at `i` (`[`) as JavaScript source, nested classes flattened, and where it ends. */
function classAt(p: string, i: number): { js: string; end: number } {
  let js = '[';
  let depth = 0;
  let j = i;
  const open = () => {
    j++;
    if (p[j] === '^') {
      if (depth === 0) js += '^';
      j++;
    }
    // A `]` first in a class is a member in Java.
    if (p[j] === ']') {
      js += '\\]';
      j++;
    }
    depth++;
  };
  open();
  while (j < p.length) {
    const ch = p[j];
    if (ch === '\\') {
      const e = escapeAt(p, j, true);
      js += e.js;
      j += e.length;
    } else if (ch === '[') {
      // A nested class (a union) stands for a class escape, which forms no range in JavaScript.
      js += '\\w';
      open();
    } else if (ch === ']') {
      depth--;
      j++;
      if (depth === 0) return { js: `${js}]`, end: j };
      js += '\\w';
    } else if (ch === '&' && p[j + 1] === '&') {
      js += '\\w';
      j += 2;
    } else {
      js += ch;
      j++;
    }
  }
  return { js, end: j }; // unclosed: JavaScript refuses it as Java does
}

export function javaPatternAsJs(p: string): string {
  let js = '';
  let quantifiable = false;
  const closers: string[] = [];
  for (let i = 0; i < p.length; ) {
    const ch = p[i];
    if (ch === '*' || ch === '+' || ch === '?' || ch === '{') {
      const q = quantifierAt(p, i);
      if (q && (quantifiable || ch === '{')) {
        js += (quantifiable ? '' : '(?:)') + q.js;
        quantifiable = false;
        i += q.length;
        continue;
      }
      js += ch === '{' ? '\\{' : ch; // dangling, or `{` not a counted closure (javaRegexRefusal's)
      quantifiable = ch === '{';
      i++;
      continue;
    }
    if (ch === '\\') {
      const e = escapeAt(p, i, false);
      js += e.js;
      quantifiable = e.atom;
      i += e.length;
    } else if (ch === '[') {
      const c = classAt(p, i);
      js += c.js;
      quantifiable = true;
      i = c.end;
    } else if (ch === '(') {
      const rest = p.slice(i);
      const flags = /^\(\?[idmsuxcU]*(?:-[idmsuxcU]*)?([):])/.exec(rest);
      const look = /^\(\?(?:<[=!]|[=!>]|<[a-zA-Z][a-zA-Z0-9]*>)/.exec(rest);
      if (flags) {
        js += flags[1] === ')' ? '' : '(?:';
        if (flags[1] === ':') closers.push(')');
        quantifiable = false;
        i += flags[0].length;
        continue;
      }
      if (look?.[0] === '(?<=' || look?.[0] === '(?<!') {
        js += `(?:${look[0]}`;
        closers.push('))');
      } else if (look?.[0] === '(?>' || look === null || look[0].startsWith('(?<')) {
        // A group, captured or named, is one that does not capture here: JavaScript refuses more than 65,535
        // captures ("Too many captures", 100,000 nested or 70,000 in a row), where Java's limit is its thread's stack
        // (javaRegexDeep.test.ts), and names and back references are javaRegexRefusal's.
        js += '(?:';
        closers.push(')');
      } else {
        js += look[0];
        closers.push(')');
      }
      i += look ? look[0].length : 1;
      quantifiable = false;
    } else if (ch === ')') {
      js += closers.pop() ?? ')';
      quantifiable = true;
      i++;
    } else if (ch === '^' || ch === '$') {
      js += `(?:${ch})`;
      quantifiable = true;
      i++;
    } else if (ch === '|') {
      js += ch;
      quantifiable = false;
      i++;
    } else {
      js += ch === ']' || ch === '}' ? `\\${ch}` : ch;
      quantifiable = true;
      i++;
    }
  }
  return js;
}
