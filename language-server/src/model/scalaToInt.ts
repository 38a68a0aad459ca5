/**
 * Scala's `String.toInt`, which is java.lang.Integer.parseInt(s) with radix 10: how Marathon reads MAX_PER and GROUP_BY
 * values (marathon-rules.md: SchedulingValidation.complyWithConstraintRules from 1.5, AppDefinition's and
 * PodsValidation's complyWithConstraintRules in 1.4, and Constraints.getIntValue when placing). parseInt takes an
 * optional "+" or "-", then one or more characters that `Character.digit(c, 10)` knows: the decimal digits (Unicode
 * Nd) of every script, not only ASCII ("٣", "３", "३" are 3), read one UTF-16 unit at a time, so a digit outside the
 * BMP ("𝟑") is two units that are no digit. The value, not the length, must fit in an Int.
 */

const MIN_INT = -2147483648;
const MAX_INT = 2147483647;

/**
 * The Unicode 7.0 runs of digits Node's `\p{Nd}` knows but Java 8's Character (Unicode 6.2) does not: Sinhala Lith
 * and Myanmar Tai Laing. Marathon 1.4 to 1.10 name JDK 1.8 as their default JVM (README.md, docs/docs/index.md at
 * v1.10.26; the 1.4 to 1.9 Docker images install openjdk-8), where parseInt refuses them.
 */
const notJava8Zeros = [0x0de6, 0xa9f0];
const nd = /\p{Nd}/u;

/** Character.digit(unit, 10) as Java 8 answers it for one UTF-16 unit: 0 to 9, or -1. */
function javaDigit(unit: number): number {
  if (unit >= 0x30 && unit <= 0x39) return unit - 0x30;
  if (unit < 0x80 || (unit >= 0xd800 && unit <= 0xdfff) || !nd.test(String.fromCharCode(unit))) return -1;
  // Nd characters come in runs of ten from 0 to 9 (a Unicode stability policy), so the value is the distance from
  // the run's start, modulo 10 where runs sit side by side.
  let start = unit;
  while (nd.test(String.fromCharCode(start - 1))) start--;
  const zero = unit - ((unit - start) % 10);
  return notJava8Zeros.includes(zero) ? -1 : unit - zero;
}

/** The Int that `s.toInt` gives, or undefined where it throws NumberFormatException. */
export function scalaToInt(s: string): number | undefined {
  // The common case, ASCII digits only, without the per-character work.
  if (/^[+-]?[0-9]{1,9}$/.test(s)) return Number(s) || 0;
  const n = inRange(s, MIN_INT, MAX_INT);
  return typeof n === 'bigint' ? Number(n) : undefined;
}

/** Why `s.toInt` throws, for a message ("… is not an integer"); undefined when it does not. */
export function scalaToIntProblem(s: string): string | undefined {
  const n = inRange(s, MIN_INT, MAX_INT);
  if (typeof n === 'bigint') return undefined;
  return n === 'range' ? 'is outside the range of an Int, -2147483648 to 2147483647' : 'is not an integer';
}

/** The Long that `s.toLong` (Long.parseLong, the same reading with 64 bits) gives, or undefined where it throws. */
export function scalaToLong(s: string): bigint | undefined {
  const n = inRange(s, -(2n ** 63n), 2n ** 63n - 1n);
  return typeof n === 'bigint' ? n : undefined;
}

/** parseInt's or parseLong's reading: the number, 'range' for digits whose value does not fit, undefined for anything else. */
function inRange(s: string, min: bigint | number, max: bigint | number): bigint | 'range' | undefined {
  let i = 0;
  if (s[0] === '+' || s[0] === '-') i = 1;
  if (i >= s.length) return undefined;
  let ascii = '';
  for (; i < s.length; i++) {
    const d = javaDigit(s.charCodeAt(i));
    if (d < 0) return undefined;
    ascii += d;
  }
  const n = s[0] === '-' ? -BigInt(ascii) : BigInt(ascii);
  return n < BigInt(min) || n > BigInt(max) ? 'range' : n;
}
