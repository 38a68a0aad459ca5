// Constructs Java 9 added to java.util.regex (\N{name}, \b{g}, \X) that Java 8's Pattern refuses: Marathon runs on
// Java 8 (its packages install OpenJDK 8, DC/OS ships a Java 8 JRE), so such a LIKE/UNLIKE value is refused there
// and accepted on Java 9+. Java 8's words: its Pattern.escape has no case for N or X ("Illegal/unsupported escape
// sequence", at the letter), and reads \b alone, leaving {g} a counted closure with no count ("Illegal
// repetition" at the b: OpenJDK 8 Pattern.closure looks at the character after the { without moving its cursor off
// the {, and error() names cursor - 1); JDK 17 says the same words at the same index for \y and for a { put where
// the \ stands (javaRegexParity.test.ts holds that against the JVM on random patterns).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { javaRegexError } from '../../src/model/app/javaRegex';
import { java8WrappedCount, java9OnlyConstruct } from '../../src/model/app/javaRegexJava9Only';

const java8Refuses: [string, string, string][] = [
  ['\\N{SPACE}', '\\N{SPACE}', 'Illegal/unsupported escape sequence near index 1'],
  ['rack-\\N{DIGIT ONE}', '\\N{DIGIT ONE}', 'Illegal/unsupported escape sequence near index 6'],
  ['[\\N{LATIN SMALL LETTER A}-z]', '\\N{LATIN SMALL LETTER A}', 'Illegal/unsupported escape sequence near index 2'],
  ['[a-\\N{LATIN SMALL LETTER Z}]', '\\N{LATIN SMALL LETTER Z}', 'Illegal/unsupported escape sequence near index 4'],
  ['\\N{FOO}', '\\N{FOO}', 'Illegal/unsupported escape sequence near index 1'],
  ['\\b{g}rack', '\\b{g}', 'Illegal repetition near index 1'],
  ['rack-\\b{g}1', '\\b{g}', 'Illegal repetition near index 6'],
  ['\\Qa.\\E\\b{g}', '\\b{g}', 'Illegal repetition near index 4'],
  ['rack\\X', '\\X', 'Illegal/unsupported escape sequence near index 5'],
  ['😀\\X', '\\X', 'Illegal/unsupported escape sequence near index 2'],
  ['\\Qa.\\E\\X', '\\X', 'Illegal/unsupported escape sequence near index 4'], // Java counts in the pattern unquoted: a\.\X
  ['(?x) rack # a comment\n \\X', '\\X', 'Illegal/unsupported escape sequence near index 24'],
  // Scripts and blocks newer than Unicode 6.2, Java 8's (openjdk/jdk8u-ri Character.java; Pattern.family's words).
  ['\\p{IsAdlam}+', '\\p{IsAdlam}', 'Unknown character script name {Adlam} near index 10'],
  ['[\\p{sc=Osge}a]', '\\p{sc=Osge}', 'Unknown character script name {Osge} near index 11'],
  ['\\P{InSiddham}', '\\P{InSiddham}', 'Unknown character block name {Siddham} near index 12'],
  ['x\\p{block=Ahom}', '\\p{block=Ahom}', 'Unknown character block name {Ahom} near index 14'],
  // JDK 17 takes a POSIX name after Is in any case; Java 8 only as CharPropertyNames writes it (JDK 8 UnicodeProp.java).
  ['\\p{IsALPHA}', '\\p{IsALPHA}', 'Unknown character script name {ALPHA} near index 10'],
  ['\\P{Isxdigit}', '\\P{Isxdigit}', 'Unknown character script name {xdigit} near index 11'],
  // Look-behinds JDK 9+ bounds and Java 8 does not (OpenJDK 8 Pattern.java: Curly.study's int product overflows
  // past a character before it, where JDK 9+'s CharPropertyGreedy adds Integer.MAX_VALUE unchecked; a count {0,1}
  // of a group is a Curly, a Loop when the group is not deterministic, where JDK 9+ reads a ?). JDK 17 compiles each.
  ['(?<=aa*)b', '(?<=aa*)', 'Look-behind group does not have an obvious maximum length near index 6'],
  ['node-\\d+(?<!-0+)', '(?<!-0+)', 'Look-behind group does not have an obvious maximum length near index 14'],
  ['(?<=rack-\\d{1,})x', '(?<=rack-\\d{1,})', 'Look-behind group does not have an obvious maximum length near index 14'],
  ['(?<=(?:a|b){0,1})x', '(?<=(?:a|b){0,1})', 'Look-behind group does not have an obvious maximum length near index 15'],
  ['(?<=(?:ab){0,1}c*)x', '(?<=(?:ab){0,1}c*)', 'Look-behind group does not have an obvious maximum length near index 16'],
  ['(?x) (?<= a a * ) b', '(?<= a a * )', 'Look-behind group does not have an obvious maximum length near index 15'],
  // OpenJDK 8 Pattern.subFlag clears U and returns without moving on (its case 'U' falls through to default), so
  // group0 reads the U as the flag group's end: "Unknown inline modifier" at the U. JDK 9+ breaks out of the case.
  ['(?-U)rack', '(?-U)', 'Unknown inline modifier near index 3'],
  ['(?U)a(?-U)b', '(?-U)', 'Unknown inline modifier near index 8'],
  ['(?i-U:a)', '(?i-U:', 'Unknown inline modifier near index 4'],
  ['(?-Ui)a', '(?-Ui)', 'Unknown inline modifier near index 3'],
  ['(?x)(?- U)a', '(?- U)', 'Unknown inline modifier near index 8'],
  // Comments mode skips a comment between ( and ? too (Pattern.group0 reads the ? with next()), not between ? and <.
  ['(?x)rack(#c\n?<=-[0-9]{2,})1', '(#c\n?<=-[0-9]{2,})', 'Look-behind group does not have an obvious maximum length near index 24'],
];

for (const [p, construct, java8Says] of java8Refuses) {
  test(`Java 8 refuses ${JSON.stringify(p)} at ${construct}, Java 9+ accepts it`, () => {
    assert.deepEqual(java9OnlyConstruct(p), { construct, java8Says });
    assert.equal(javaRegexError(p), undefined, 'not an error: Java 9+ compiles it (a \\N{…} name is left to the warning)');
  });
}

test('what both refuse, or neither, is no Java 9+ construct', () => {
  // Refused on Java 9+ too: constraint-like-regex's error, not this warning.
  for (const p of ['(?x)a{ 2}', '(?x)(? <=a)b', '(?x)[a- ]]', '(?x)\\b{ g}', '\\N', '\\N{', '[\\X]', '\\b{gx', '\\N{SPACE}(', '[z-\\N{LATIN SMALL LETTER A}]', '[\\N{DIGIT NINE}-0]']) {
    assert.notEqual(javaRegexError(p), undefined, p);
    assert.equal(java9OnlyConstruct(p), undefined, p);
  }
  for (const p of ['\\p{IsLatin}', '\\p{InGreek}', '\\p{sc=Latn}', '\\p{IsAlphabetic}', '\\p{InMiao}', '\\p{InEmoticons}', '\\p{IsAlpha}', '\\p{IsXDigit}', '\\p{Isprint}', '\\p{IsALNUM}', '\\p{Isdigit}', '(?U)\\p{alpha}', '\\p{IsMiao}', 'rack-[1-3]', '\\\\N', '\\\\X', '\\Q\\N{A}\\X\\E', '\\b{2}', '\\x{20}', '\\c\\X', '(?x)# \\N{A}\n a',
    // Comments mode, read alike by OpenJDK 8 and 17 (Pattern.family: next() skips to the name's first character;
    // group0 reads the character after `(?` with skip(), addFlag the flags with peek(); clazz's `^` test is raw).
    '(?x)\\p{#c\nL}', '(?x)\\p{ L}', '(?x)(? i)a', '(?x)(? :a)', '(?x)[ ^]', '(?x)[!- ](]',
    // Look-behinds both bound (or neither: constraint-like-regex's error).
    '(?<=a+)b', '(?<!a*)b', '(?<=a(?:b|c)d*)x', '(?<=(?:abc)*)x', '(?<=(?:a|b)?)x']) {
    assert.equal(javaRegexError(p), undefined, p);
    assert.equal(java9OnlyConstruct(p), undefined, p);
  }
});

// A count past Integer.MAX_VALUE: OpenJDK 8 Pattern.closure adds its digits up in an int without a check
// (`cmin = cmin * 10 + (ch - '0')`) and refuses only when `(cmin | cmax | (cmax - cmin)) < 0`, so the count wraps
// without a word; JDK 9+ adds them with Math.addExact and refuses ("Illegal repetition range", JDK 17's index).
// Marathon runs on Java 8: no error, a warning that says what Java 8 reads.
const java8Wraps: [string, string, string, string][] = [
  ['a{4294967297}', '{4294967297}', '{1}', 'Illegal repetition range near index 11'],
  ['a{99999999999}', '{99999999999}', '{1215752191}', 'Illegal repetition range near index 11'],
  ['a{2,99999999999}', '{2,99999999999}', '{2,1215752191}', 'Illegal repetition range near index 13'],
  ['a{4294967297,2}', '{4294967297,2}', '{1,2}', 'Illegal repetition range near index 11'],
  ['node-[0-9]{4294967296,}', '{4294967296,}', '{0,}', 'Illegal repetition range near index 20'],
  ['(?:ab){4294967298}+x', '{4294967298}', '{2}', 'Illegal repetition range near index 16'],
  ['(?<=a{4294967297})b', '{4294967297}', '{1}', 'Illegal repetition range near index 15'],
  ['\\Qa\\E{4294967297}', '{4294967297}', '{1}', 'Illegal repetition range near index 11'],
  // Comments mode: Pattern.closure reads the digits after the first with read(), which skips whitespace.
  ['(?x) a {42949 67297 }', '{42949 67297 }', '{1}', 'Illegal repetition range near index 18'],
];

for (const [p, construct, java8Reads, java9Says] of java8Wraps) {
  test(`Java 8 reads ${construct} of ${JSON.stringify(p)} as ${java8Reads}, Java 9+ refuses it`, () => {
    assert.equal(javaRegexError(p), undefined, 'not an error: Marathon runs on Java 8, which compiles it');
    assert.equal(java9OnlyConstruct(p), undefined);
    assert.deepEqual(java8WrappedCount(p), { construct, java8Reads, java9Says });
  });
}

test('a count both JDKs refuse is an error, and one neither wraps is no warning', () => {
  // Wrapped to a negative int, or to a range that runs backwards (OpenJDK 8 Pattern.closure), or left unclosed.
  // Or one Java 8 wraps where Java 8 refuses something else: both refuse, and JDK 17 names the count first.
  for (const [p, jdk17] of [['a{4294967297}\\X', 11], ['(?-U)a{4294967297}', 16], ['\\N{SPACE}{2,99999999999}', 21]] as const) {
    assert.equal(javaRegexError(p), `Illegal repetition range at index ${jdk17}`, p);
    assert.equal(java9OnlyConstruct(p), undefined, p);
    assert.equal(java8WrappedCount(p), undefined, p);
  }
  for (const p of ['a{3000000000}', 'a{2147483648}', 'a{99999999999,2}', 'a{4294967298,4294967297}', 'a{1,4294967296}', 'a{4294967297', '(?<=aa{4294967296,})b']) {
    assert.notEqual(javaRegexError(p), undefined, p);
    assert.equal(java8WrappedCount(p), undefined, p);
  }
  for (const p of ['a{2147483647}', 'a{00000000000000001}', '\\Q{4294967297}\\E', '[{4294967297}]', '\\{4294967297}', 'rack-1']) {
    assert.equal(javaRegexError(p), undefined, p);
    assert.equal(java8WrappedCount(p), undefined, p);
  }
});
