/**
 * A repetition count as Java 8's Pattern reads it. OpenJDK 8 Pattern.closure adds up the digits of `{n}`, `{n,}` and
 * `{n,m}` in an int without a check (`cmin = cmin * 10 + (ch - '0')`) and refuses only when
 * `((cmin) | (cmax) | (cmax - cmin)) < 0`: a count past Integer.MAX_VALUE wraps without a word, so `a{4294967297}`
 * is `a{1}` on Java 8, which Marathon runs on, while JDK 9+ (Math.addExact, Math.multiplyExact) refuses it with
 * "Illegal repetition range". Pure.
 */

import { escapeLength } from './javaEscape';

const MAX_REPS = 0x7fffffff;

/** The int Java 8 makes of `digits`, wrapped as Java's int arithmetic wraps. */
function java8Count(digits: string): number {
  let n = 0;
  for (let k = 0; k < digits.length; k++) n = (Math.imul(n, 10) + (digits.charCodeAt(k) - 48)) | 0;
  return n;
}

/**
 * Java 8's `cmin` and `cmax` for a count's digits (`max` undefined for `{n}`, '' for `{n,}`), or undefined where
 * Java 8 refuses it ("Illegal repetition range").
 */
export function java8Range(min: string, max: string | undefined): { cmin: number; cmax: number } | undefined {
  const cmin = java8Count(min);
  const cmax = max === undefined ? cmin : max === '' ? MAX_REPS : java8Count(max);
  return (cmin | cmax | ((cmax - cmin) | 0)) < 0 ? undefined : { cmin, cmax };
}

/** Whether `digits` (a count) is past Integer.MAX_VALUE, which JDK 9+ refuses. */
export const pastIntMax = (digits: string): boolean => digits.replace(/^0+/, '').length >= 10 && Number(digits) > MAX_REPS;

/** The count `{…}` as Java 8 reads it, written back (`{1}`, `{0,}`, `{2,1215752191}`). */
export function java8CountText(min: string, max: string | undefined): string | undefined {
  const range = java8Range(min, max);
  if (!range) return undefined;
  return `{${range.cmin}${max === undefined ? '' : max === '' ? ',' : `,${range.cmax}`}}`;
}

/**
 * `pattern` with each count written as Java 8 reads it, for JavaScript's RegExp, which does not wrap
 * (`a{4294967297,2}` is out of order there): escapes are stepped over, and classes, where `{` is a character.
 */
export function withJava8Counts(pattern: string): string {
  if (!/\d{10}/.test(pattern)) return pattern;
  let out = '';
  let depth = 0;
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i];
    if (ch === '\\') {
      const length = escapeLength(pattern, i);
      out += pattern.slice(i, i + length);
      i += length;
      continue;
    }
    if (ch === '[') {
      depth++;
      // A `]` right after `[` or `[^` is a member (Pattern.clazz).
      const first = pattern[i + 1] === '^' ? i + 2 : i + 1;
      const next = pattern[first] === ']' ? first + 1 : first;
      out += pattern.slice(i, next);
      i = next;
      continue;
    }
    if (ch === ']' && depth > 0) depth--;
    const count = depth === 0 && ch === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i)) : null;
    const text = count ? java8CountText(count[1], count[2] === undefined ? undefined : count[3]) : undefined;
    if (count && text) {
      out += text;
      i += count[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
