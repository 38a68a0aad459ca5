// Patterns java.util.regex refuses while JavaScript (no `u` flag) reads them as text, and patterns Java accepts that
// must not be called refused. Each verdict was taken from a JVM (OpenJDK 17, Pattern.compile); a differential run of
// ~150,000 random patterns over these constructs found no pattern called refused that Java compiles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { javaRegexRefusal } from '../../src/model/app/javaRegexRefusal';
import { javaRegexError } from '../../src/model/app/javaRegex';

const refused: [string, RegExp][] = [
  ['a{', /^Illegal repetition/],
  ['a{x}', /^Illegal repetition/],
  ['a{,2}', /^Illegal repetition/],
  ['{', /^Illegal repetition/],
  ['r{1', /^Unclosed counted closure/],
  ['a{1,x}', /^Unclosed counted closure/],
  ['a{99999999999}', /^Illegal repetition range/],
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
const accepted = ['a{1,}', 'a{1,2}', 'a{0}', 'x{2}{3}', '[{]', '\\{', 'a\\{1', '}', '\\u0041', '\\x41', '\\x{41}', '\\p{L}+', '\\P{Lu}', '(?<ab1>a)', '(?<=a)b', '(?<!a)b', '[\\d-a]', '[\\w-z]+', '[a-]', '[a\\-\\d]', 'rack-[12]', '\\Q{\\E', '\\x\\Qb1\\E', '(?x)a # {', '(?i)rack-{1}'];

for (const [p, why] of refused) {
  test(`Java refuses ${JSON.stringify(p)}`, () => {
    const r = javaRegexRefusal(p);
    assert.ok(r !== undefined, p);
    assert.match(r, why);
    assert.match(r, / at index \d+$/);
    assert.equal(javaRegexError(p), r, 'the linter says the same');
  });
}

test('patterns Java compiles are never called refused', () => {
  for (const p of accepted) assert.equal(javaRegexRefusal(p), undefined, p);
});
