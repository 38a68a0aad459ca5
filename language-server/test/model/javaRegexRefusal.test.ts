// Patterns java.util.regex refuses while JavaScript (no `u` flag) reads them as text, and patterns Java accepts that
// must not be called refused. Each verdict was taken from a JVM (OpenJDK 17, Pattern.compile); a differential run of
// ~150,000 random patterns over these constructs found no pattern called refused that Java compiles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { javaRegexRefusal } from '../../src/model/app/javaRegexRefusal';
import { javaRegexError } from '../../src/model/app/javaRegex';
import { java9OnlyConstruct } from '../../src/model/app/javaRegexJava9Only';

const refused: [string, RegExp][] = [
  ['a{', /^Illegal repetition/],
  ['a{x}', /^Illegal repetition/],
  ['a{,2}', /^Illegal repetition/],
  ['{', /^Illegal repetition/],
  ['r{1', /^Unclosed counted closure/],
  ['a{1,x}', /^Unclosed counted closure/],
  // A count past Integer.MAX_VALUE that Java 8 wraps to a negative int (OpenJDK 8 Pattern.closure): both JDKs refuse it.
  ['a{3000000000}', /^Illegal repetition range/],
  ['a{99999999999,2}', /^Illegal repetition range/],
  ['\\k', /^\\k is not followed by '<'/],
  ['\\u12', /^Illegal Unicode escape sequence/],
  ['\\uZZZZ', /^Illegal Unicode escape sequence/],
  ['\\x4', /^Illegal hexadecimal escape sequence/],
  ['\\xg1', /^Illegal hexadecimal escape sequence/],
  ['\\c', /^Illegal control escape sequence/],
  ['(?<a_b>a)', /^named capturing group is missing trailing '>'/],
  ['[\\b]', /^Illegal\/unsupported escape sequence/],
  ['[a-\\d]', /^Illegal character range/],
  ['[\\u0041-\\s]', /^Illegal character range/],
  ['rack\\y', /^Illegal\/unsupported escape sequence at index 5$/],
  ['\\i\\d+', /^Illegal\/unsupported escape sequence at index 1$/],
  ['a\\E', /^Illegal\/unsupported escape sequence at index 2$/],
  ['[\\A-Z]', /^Illegal\/unsupported escape sequence at index 2$/],
  ['[\\k]', /^Illegal\/unsupported escape sequence at index 2$/],
];
/** Java's own words for more constructs JavaScript reads as text (OpenJDK 17), index included. */
const refusedAsJavaSays: [string, string][] = [
  ['\\0', 'Illegal octal escape sequence at index 2'],
  ['rack\\08', 'Illegal octal escape sequence at index 6'],
  ['[\\0]', 'Illegal octal escape sequence at index 3'],
  ['\\k<n>', 'named capturing group <n> does not exist at index 4'],
  ['\\k<n>(?<n>a)', 'named capturing group <n> does not exist at index 4'],
  ['(?<n>a)(?<n>b)', 'Named capturing group <n> is already defined at index 11'],
  ['\\k<1>', 'capturing group name does not start with a Latin letter at index 3'],
  ['(?i)*', "Dangling meta character '*' at index 4"],
  ['rack(?-i)+', "Dangling meta character '+' at index 9"],
  ['\\N', 'Illegal character name escape sequence at index 2'],
  ['\\N{', 'Unclosed character name escape sequence at index 3'],
  ['\\x{}', 'Illegal hexadecimal escape sequence at index 2'],
  ['\\x{110000}', 'Hexadecimal codepoint is too big at index 8'],
  ['\\x{41', 'Unclosed hexadecimal escape sequence at index 5'],
  ['\\p{alpha}', 'Unknown character property name {alpha} at index 8'],
  ['\\p{L&}', 'Unknown character property name {L&} at index 5'],
  ['\\px', 'Unknown character property name {x} at index 2'],
  ['\\p{}', 'Empty character family at index 3'],
  ['\\p{L', 'Unclosed character family at index 4'],
  ['\\p{gc=Foo}', 'Unknown Unicode property {name=<gc>, value=<Foo>} at index 9'],
  ['[&&]', 'Bad class syntax at index 2'],
  ['[^&&]', 'Bad class syntax at index 3'],
  ['[\\1]', 'Illegal/unsupported escape sequence at index 2'],
  ['[[a]\\b]', 'Illegal/unsupported escape sequence at index 5'],
  ['\\b{gx', 'Illegal/unsupported escape sequence at index 4'],
  ['(?q)', 'Unknown inline modifier at index 2'],
  ['(?$)', 'Unknown group type at index 2'],
  ['[a-\\p{L}]', 'Illegal/unsupported escape sequence at index 4'],
  ['\\c\\\\Q', 'Illegal/unsupported escape sequence at index 4'],
  // What JavaScript refuses too, said in Java's words.
  ['rack-(1', 'Unclosed group at index 7'],
  ['rack-[1-3', 'Unclosed character class at index 8'],
  ['rack)', "Unmatched closing ')' at index 3"],
  ['rack\\', 'Unexpected internal error at index 5'],
  ['(rack\\', 'Unclosed group at index 7'],
  ['[b-\\x41]', 'Illegal character range at index 6'],
  ['[\\x{41}-\\x{20}]', 'Illegal character range at index 13'],
  ['[[]-', 'Illegal character range at index 4'],
  ['[a&-$]', 'Illegal character range at index 4'],
  // A range starting or ending in \N{…} of an ASCII character, named as Character.codePointOf reads it (trimmed, any case).
  ['[z-\\N{LATIN SMALL LETTER A}]', 'Illegal character range at index 26'],
  ['[\\N{LATIN SMALL LETTER Z}-a]', 'Illegal character range at index 26'],
  ['[\\N{ latin small letter z }-a]', 'Illegal character range at index 28'],
  ['[\\N{SPACE}-\\t]', 'Illegal character range at index 12'],
  ['[\\N{DIGIT NINE}-\\N{DIGIT ZERO}]', 'Illegal character range at index 29'],
  // A back reference leaves a lookbehind without a maximum length (\3 is one, not an octal escape).
  ['(a)(?<=\\1)b', 'Look-behind group does not have an obvious maximum length at index 8'],
  ['(?<=rack\\377)', 'Look-behind group does not have an obvious maximum length at index 11'],
  // So does a repeated group Java compiles to a Loop (its body not deterministic: an alternation, a range count, \\X
  // with JDK 9+), a repetition whose int product overflows, and an independent group repeated; Java 8 refuses each too.
  ['(?<=(?:ab)*)x', 'Look-behind group does not have an obvious maximum length at index 10'],
  ['(?<=(rack|row)+)-1', 'Look-behind group does not have an obvious maximum length at index 14'],
  ['(?<=(?:a|b){2})x', 'Look-behind group does not have an obvious maximum length at index 13'],
  ['(?<=(?:a{1,2})*)x', 'Look-behind group does not have an obvious maximum length at index 14'],
  ['(?<=ba*?)x', 'Look-behind group does not have an obvious maximum length at index 7'],
  ['(?<=ba*+)x', 'Look-behind group does not have an obvious maximum length at index 7'],
  ['(?<=\\R*)x', 'Look-behind group does not have an obvious maximum length at index 6'],
  ['(?<=abd{0,2147483647})x', 'Look-behind group does not have an obvious maximum length at index 20'],
  ['(?<=(?>ab)*)x', 'Look-behind group does not have an obvious maximum length at index 10'],
  ['(?<=x(?:ab)?+c{0,2147483647})x', 'Look-behind group does not have an obvious maximum length at index 27'],
  ['(?<=(?:\\X)*)x', 'Look-behind group does not have an obvious maximum length at index 10'],
  // Unclosed: Java studies the look-behind at the end before it finds the group unclosed.
  ['(?<=(?:ab)*', 'Look-behind group does not have an obvious maximum length at index 10'],
  // Java's index counts code points: 😀 is one.
  ['😀\\0', 'Illegal octal escape sequence at index 3'],
  ['[😀-&&]', 'Illegal character range at index 3'],
  ['\\P😀', 'Unknown character property name {😀} at index 2'],
  // Comments mode: Pattern skips whitespace and `#…`, but not in a property name.
  ['(?x) rack-\\y # no such escape', 'Illegal/unsupported escape sequence at index 11'],
  ['(?x) \\p{ L }', 'Unknown character property name {L } at index 11'],
  ['(?x:\\k<n>) (?<n>a)', 'named capturing group <n> does not exist at index 8'],
  ['(?x)(?i)*', "Dangling meta character '*' at index 8"],
  ['(?x)(?-x) rack\\0', 'Illegal octal escape sequence at index 16'],
  ['(?x) (?<= (?:a b) * ) b', 'Look-behind group does not have an obvious maximum length at index 19'],
  ['(?x) (a) (?<= \\1 ) b', 'Look-behind group does not have an obvious maximum length at index 16'],
  ['(?x)(?<=(?:ab)*  ', 'Look-behind group does not have an obvious maximum length at index 16'],
];
const accepted = ['a{1,}', 'a{1,2}', 'a{0}', 'x{2}{3}', '[{]', '\\{', 'a\\{1', '}', '\\u0041', '\\x41', '\\x{41}', '\\p{L}+', '\\P{Lu}', '(?<ab1>a)', '(?<=a)b', '(?<!a)b', '[\\d-a]', '[\\w-z]+', '[a-]', '[a\\-\\d]', 'rack-[12]', '\\Q{\\E', '\\x\\Qb1\\E', '(?x)a # {', '(?i)rack-{1}', '(?x) rack - [1-3] # the racks', '(?x)a{1, 2}', '(?x)[ ]]',
  '(?<n>a)\\k<n>', '(?<n>\\k<n>)', '\\0101', '\\N{LATIN SMALL LETTER A}', '\\N{ hyphen-minus }',
  '\\N{CJK UNIFIED IDEOGRAPHS 4E00}', '[a-\\N{LATIN SMALL LETTER Z}]', '[\\N{NULL}-\\N{DELETE}]', '[\\N{LINE FEED (LF)}-\\N{SPACE}]', '\\p{IsLatin}', '\\p{InGreek}', '\\p{sc=Latn}', '(?U)\\p{alpha}',
  '\\p{javaLowerCase}', '\\p{IsWhite_Space}', '\\b{g}', '[a&&[b]]', '[a-[b]]', '[a&&]', '(?i){2}a', '\\x{10FFFF}', '(?-)a', '\\pL', '[\\012-(]', '[a-😀]', '(?<=(?=\\1))a', '[\\07-\\v]', 'rack\\3',
  // Look-behinds JDK 17 bounds: a greedy * or + of one character adds Integer.MAX_VALUE unchecked (JDK 9+
  // CharPropertyGreedy); a group repeated whose product wraps to a positive int; an alternation measures what follows
  // it from zero; {0,1} is a ?. And one only JDK 9+ refuses: under (?c) a class is an NFCCharProperty, which makes
  // the group around it a Loop; Java 8, which Marathon runs on, bounds it (javaLookbehind.ts).
  '(?<=a+)b', '(?<!a*)b', '(?<=a*)b', '(?<=aa*)b', '(?<=a{2,})b', '(?<=(?:a)*)b', '(?<=(a)*)b', '(?<=(?:abc)*)x',
  '(?<=a(?:b|c)d{0,2147483647})x', '(?<=(?:a|b)?)x', '(?<=(?:a|b){0,1})x', '(?<=(?:a{2}){3})x', '(?<=\\X*)x', '(?<=a(?c)[ab]*)x',
  '(?<=(?c)(?:[ab])*)x'];

for (const [p, why] of refused) {
  test(`Java refuses ${JSON.stringify(p)}`, () => {
    const r = javaRegexRefusal(p);
    assert.ok(r !== undefined, p);
    assert.match(r, why);
    assert.match(r, / at index \d+$/);
    assert.equal(javaRegexError(p), r, 'the linter says the same');
  });
}

for (const [p, java] of refusedAsJavaSays) {
  test(`Java refuses ${JSON.stringify(p)}: ${java}`, () => {
    assert.equal(javaRegexRefusal(p), java);
    assert.equal(javaRegexError(p), java, 'the linter says the same');
  });
}

test('a \\N{…} naming no character is not judged: Java 8 refuses every \\N{…} (constraint-like-regex-java9 warns)', () => {
  for (const p of ['\\N{}', '\\N{latin_small}', '\\N{FOO}', 'rack\\N{DIGIT TEN}']) assert.equal(javaRegexRefusal(p), undefined, p);
});

test('a class left open is an error, a (?x in it no flag group', () => {
  assert.notEqual(javaRegexError('[(?x'), undefined);
});

test('patterns Java compiles are never called refused', () => {
  for (const p of accepted) {
    assert.equal(javaRegexRefusal(p), undefined, p);
    assert.equal(javaRegexError(p), undefined, p);
  }
});

test('look-behinds nested in look-behinds are each measured once: a long value is judged at once, not in seconds', () => {
  // Pattern.group0 studies a look-behind's body when it closes, where a look-around inside it is one node that adds
  // nothing (Pos, Neg, Behind and NotBehind keep Node.study): its body is not read again. 500 look-behinds around
  // 24 KB of text took 10-15 s each, on the one thread of the gate or the server; Java 8 and JDK 17 judge them at once.
  const deep = (inner: string) => '(?<='.repeat(500) + 'rack-1'.repeat(4000) + inner + ')'.repeat(500);
  const cases: [string, string | undefined][] = [
    [deep(''), undefined],
    // Java 8 refuses the innermost (a * after 24,000 characters overflows Curly.study's int), JDK 17 accepts it.
    [deep('*'), 'Look-behind group does not have an obvious maximum length near index 26000'],
  ];
  for (const [p, java8Says] of cases) {
    const t0 = performance.now();
    assert.equal(javaRegexError(p), undefined);
    assert.equal(java9OnlyConstruct(p)?.java8Says, java8Says);
    const ms = performance.now() - t0;
    assert.ok(ms < 2000, `${p.length} characters: ${ms.toFixed(0)} ms`);
  }
});
