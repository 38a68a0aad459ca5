// Scala's `String.toInt` is java.lang.Integer.parseInt(s) (radix 10), which Marathon uses for MAX_PER and GROUP_BY
// values (SchedulingValidation / PodsValidation / AppDefinition.complyWithConstraintRules, Constraints.getIntValue).
// `scalaToInt` is compared here with a plain transcription of Java 8's Integer.parseInt loop over a table of the
// decimal digits Java 8's Character.digit knows (Unicode 6.2, the BMP only: parseInt reads UTF-16 units).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { scalaToInt, scalaToIntProblem } from '../../src/model/scalaToInt';

/** The zero of every run of ten decimal digits in the BMP under Unicode 6.2 (Java 8's Character data). */
const java8Zeros = [
  0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xe50, 0xed0, 0xf20, 0x1040,
  0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0,
  0xaa50, 0xabf0, 0xff10,
];
/** Unicode 7.0 digits (Sinhala Lith, Myanmar Tai Laing): digits to a Java 9+ JVM, not to Java 8's. */
const laterZeros = [0xde6, 0xa9f0];

function java8Digit(unit: number): number {
  for (const z of java8Zeros) if (unit >= z && unit < z + 10) return unit - z;
  return -1;
}

/** Integer.parseInt(s, 10) as OpenJDK 8 writes it; undefined where it throws NumberFormatException. */
function referenceParseInt(s: string): number | undefined {
  const MIN = -2147483648;
  const MAX = 2147483647;
  if (s.length === 0) return undefined;
  let negative = false;
  let limit = -MAX;
  let i = 0;
  const first = s.charCodeAt(0);
  if (first < 0x30) {
    if (first === 0x2d) {
      negative = true;
      limit = MIN;
    } else if (first !== 0x2b) return undefined;
    if (s.length === 1) return undefined;
    i++;
  }
  const multmin = Math.trunc(limit / 10);
  let result = 0;
  while (i < s.length) {
    const digit = java8Digit(s.charCodeAt(i++));
    if (digit < 0 || result < multmin) return undefined;
    result *= 10;
    if (result < limit + digit) return undefined;
    result -= digit;
  }
  return negative ? result : -result || 0;
}

const zeros = [...java8Zeros, ...laterZeros];
const digitIn = (zero: number, d: number) => String.fromCharCode(zero + d);
const units = fc.oneof(
  fc.constantFrom('+', '-', '0', '9', ' ', 'a', '\uff0b', '\uff0d', '\u2212', '\ud835\udfd1', '\ud835', '٫', '²', '½', 'Ⅻ'),
  fc.tuple(fc.constantFrom(...zeros), fc.integer({ min: 0, max: 9 })).map(([z, d]) => digitIn(z, d)),
  fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)),
);

test('scalaToInt agrees with Integer.parseInt on strings of signs, digits of every script and other characters', () => {
  fc.assert(
    fc.property(fc.array(units, { maxLength: 14 }).map((xs) => xs.join('')), (s) => {
      assert.equal(scalaToInt(s), referenceParseInt(s), JSON.stringify(s));
    }),
    { numRuns: 20000 },
  );
});

test('scalaToInt reads a number written in any mix of scripts, with a sign and leading zeros, by value', () => {
  const around = fc.oneof(
    fc.integer({ min: -2147483648, max: 2147483647 }),
    fc.integer({ min: -40, max: 40 }).map((d) => 2147483647 + d),
    fc.integer({ min: -40, max: 40 }).map((d) => -2147483648 + d),
    fc.double({ min: -1e12, max: 1e12, noNaN: true }).map(Math.trunc),
  );
  fc.assert(
    fc.property(around, fc.constantFrom('', '+', '-'), fc.nat({ max: 12 }), fc.infiniteStream(fc.constantFrom(...java8Zeros)), (n, sign, pad, scripts) => {
      if (sign === '-' && n > 0) n = -n;
      if (sign === '+' && n < 0) n = -n;
      const magnitude = '0'.repeat(pad) + String(Math.abs(n));
      const written = (n < 0 ? '-' : sign) + [...magnitude].map((c) => digitIn(scripts.next().value, Number(c))).join('');
      const expected = n >= -2147483648 && n <= 2147483647 ? n || 0 : undefined;
      assert.equal(referenceParseInt(written), expected, written);
      assert.equal(scalaToInt(written), expected, written);
    }),
    { numRuns: 5000 },
  );
});

test('the examples the rules quote', () => {
  assert.equal(scalaToInt('٣'), 3); // Arabic-Indic
  assert.equal(scalaToInt('３'), 3); // fullwidth
  assert.equal(scalaToInt('३'), 3); // Devanagari
  assert.equal(scalaToInt('-٢١٤٧٤٨٣٦٤٨'), -2147483648);
  assert.equal(scalaToInt('٢١٤٧٤٨٣٦٤٨'), undefined); // one past Int.MaxValue
  assert.equal(scalaToInt('＋３'), undefined); // only "+" and "-" are signs
  assert.equal(scalaToInt('𝟑'), undefined); // outside the BMP: two UTF-16 units, neither a digit
  assert.equal(scalaToInt('෩'), undefined); // Sinhala Lith: Unicode 7.0, not a digit to Java 8
  assert.equal(scalaToInt('-0'), 0);
  assert.equal(scalaToInt(' 3'), undefined);
  assert.equal(scalaToInt(''), undefined);
  assert.equal(scalaToInt('+'), undefined);
});

test('scalaToIntProblem tells a value too large for an Int from one that is no integer', () => {
  assert.equal(scalaToIntProblem('٣'), undefined);
  assert.match(scalaToIntProblem('٢١٤٧٤٨٣٦٤٨') ?? '', /outside the range of an Int/);
  assert.match(scalaToIntProblem('-99999999999999999999999') ?? '', /outside the range of an Int/);
  assert.equal(scalaToIntProblem('＋３'), 'is not an integer');
  assert.equal(scalaToIntProblem('12x'), 'is not an integer');
  fc.assert(fc.property(fc.string({ maxLength: 12 }), (s) => assert.equal(scalaToIntProblem(s) === undefined, scalaToInt(s) !== undefined, JSON.stringify(s))));
});
