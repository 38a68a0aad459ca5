// LIKE/UNLIKE values held against java.util.regex itself (the JDK scripts/install-test-deps.sh installs): Marathon
// compiles the value with Pattern and refuses the app only when that fails (marathon-rules.md §4.5). A pattern Java
// compiles that constraint-like-regex calls invalid is a false error that blocks a deploy in the gate; a refusal
// (javaRegexRefusal, which placement uses too) must be one Java makes, with Java's description and index.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { java8Range, pastIntMax } from '../../src/model/app/java8Counts';
import { asciiCharacterNamed } from '../../src/model/app/javaEscape';
import { javaRegexError } from '../../src/model/app/javaRegex';
import { java9OnlyConstruct } from '../../src/model/app/javaRegexJava9Only';
import { javaRegexRefusal } from '../../src/model/app/javaRegexRefusal';
import { javaUnquoted } from '../../src/model/app/javaUnquoted';

const here = dirname(fileURLToPath(import.meta.url));
const skip = spawnSync('javac', ['-version']).status === 0 ? false : 'needs a JDK (javac): apt install openjdk-17-jdk-headless (scripts/install-test-deps.sh does)';

/** Java's verdict on each pattern: "OK" or "ERR <description> at index <n>". */
function javaVerdicts(patterns: string[]): string[] {
  const work = mkdtempSync(join(tmpdir(), 'java-regex-parity-'));
  try {
    const javac = spawnSync('javac', ['-d', work, join(here, 'java/CompilePattern.java')], { encoding: 'utf8' });
    assert.equal(javac.status, 0, javac.stderr);
    const hex = (p: string) => Array.from({ length: p.length }, (_, i) => p.charCodeAt(i).toString(16).padStart(4, '0')).join('');
    const run = spawnSync('java', ['-cp', work, 'CompilePattern'], { input: patterns.map(hex).join('\n') + '\n', encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.equal(run.status, 0, run.stderr);
    const answers = run.stdout.split('\n').slice(0, patterns.length);
    assert.equal(answers.length, patterns.length);
    return answers;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** What users write in LIKE/UNLIKE values and the Java-only syntax around it, as pieces of random patterns. */
const pieces = [
  'a', 'b', 'Z', '1', '0', '.', '-', ',', ' ', '#', 'é', '^', '$', '|', '(', ')', '[', ']', '[^', '{', '}', '*', '+', '?', '&&', '\\',
  '{2}', '{1,3}', '{2,}', '{,2}', '\\d', '\\w', '\\s', '\\b', '\\B', '\\A', '\\z', '\\Z', '\\G', '\\Q', '\\E', '\\p{L}', '\\p{Alpha}', '\\pL',
  '\\x41', '\\u0041', '\\x{41}', '\\0', '\\012', '\\1', '\\k<n>', '(?<n>', '(?:', '(?=', '(?!', '(?<=', '(?<!', '(?>', '(?i)', '(?i:', '(?-i)',
  '\\c', '\\cA', '\\t', '\\e', '\\a', '\\h', '\\R', '\\X', '\\v', '\\-', '\\.', '\\[', '\\]', '\\{', '\\}', '\\\\', '\\_', '\\y',
];
/** The rest of Pattern's grammar, right and wrong: character names, named groups, properties, quantifier suffixes, counts, intersections, code points, flags. */
const javaOnlyPieces = [
  '\\N{LATIN SMALL LETTER A}', '\\N{latin_small}', '\\N{FOO}', '\\N{DIGIT NINE}', '\\N{ hyphen-minus }', '[\\N{TILDE}-', '-\\N{SPACE}]', '\\N{', '\\N', '\\N{}', '\\N{space}', '\\k<m>', '(?<m>', '\\k<', '\\k<1>', '(?<1', '(?<ab1>', '\\k<ab1>', '(?<n>a)',
  '\\p{IsAlphabetic}', '\\p{InGreek}', '\\p{IsLatin}', '\\p{javaLowerCase}', '\\p{Lu}', '\\p{Foo}', '\\p{}', '\\p', '\\P{L}', '\\p{gc=Lu}', '\\p{sc=Latn}',
  '\\p{blk=Greek}', '\\p{IsL}', '\\p{L&}', '\\p{alpha}', '\\p{Punct}', '\\p{ASCII}', '\\p{IsWhite_Space}', '\\pZ', '\\px', '\\P',
  '*+', '*?', '++', '+?', '?+', '??', '{0,0}', '{3,2}', '{0}', '{1,2}+', '{1,2}?', '{2147483648}', '{4294967297}', '{2,99999999999}', '{4294967296,}', '{99999999999,2}', '{1,', '[a&&[b]]', '&&[', '[&&', '&&]', '[^&&', '[a-z&&[^m]]', '[[', ']]',
  '\\x{110000}', '\\x{}', '\\x{zz}', '\\x{10FFFF}', '\\x{', '\\c\\', '\\c]', '(?', '(?U)', '(?-)', '(?q)', '(?d)', '(?s:', '(?u)', '(?iU-s)', '(?$', '(?x)', '(?x:', '(?-x)', '\t', '😀',
  // Comments mode where Pattern reads raw (javaComments.ts); no line break, since a description quoting the pattern
  // would split javaVerdicts' one answer per line (the lists above hold line breaks).
  '[ ^', '- ]', '& ', '{ ', '(? ', '(?#c ', '\\p ', '\\v ', '(?d)',
  '\\b{g}', '\\b{x}', '\\b{', '\\9', '\\07', '\\08', '\\377', '\\0400', '\\00', '\\H', '\\V', '\\W', '\\u00', '\\uD800', '\\x4g', '\\Q]\\E', '\\Qa\\E',
];
/** What a look-behind's bound turns on (javaLookbehind.ts): repetitions of characters, groups and alternations, counts near Integer.MAX_VALUE, (?c). */
const lookbehindPieces = [
  '(?<=', '(?<!', '(?<=a', '(?<!ab', '(?<=(?:ab)', '(?:', '(', '(?>', '|', ')', 'a', 'bc', '[ab]', '.', '\\d', '\\R', '\\X', '\\1', '\\b', '^',
  '*', '+', '?', '*?', '*+', '+?', '++', '??', '?+', '{2}', '{0,1}', '{1,2}', '{2,}', '{0,2147483647}', '{1073741824}', '{715827882,}', '{4294967297}', '(?c)', '(?-c)',
];
const piece = fc.oneof({ arbitrary: fc.constantFrom(...pieces), weight: 3 }, { arbitrary: fc.constantFrom(...javaOnlyPieces), weight: 1 });
const randomPattern = fc.oneof(
  { arbitrary: fc.array(piece, { minLength: 1, maxLength: 7 }).map((xs) => xs.join('')), weight: 4 },
  { arbitrary: fc.array(fc.constantFrom(...lookbehindPieces), { minLength: 2, maxLength: 9 }).map((xs) => xs.join('')), weight: 1 },
);

/**
 * Refusals not modelled, each erring towards accepting: a look-behind JDK 17 cannot bound that Java 8, which
 * Marathon runs on, bounds (javaLookbehind.ts: under `(?c)`), a `\N{…}` naming no character and a range starting or
 * ending in `\N{…}` of a character past ASCII (Java 8 refuses every `\N`: constraint-like-regex-java9 warns of it).
 */
function notModelled(p: string, java: string): boolean {
  if (wrappedByJava8(p, java)) return true;
  if (/ obvious maximum length /.test(java)) return !(javaRegexRefusal(p, true) ?? '').startsWith('Look-behind');
  const pastAscii = [...javaUnquoted(p).matchAll(/\\N\{([^}]*)\}/g)].some((m) => asciiCharacterNamed(m[1]) === undefined);
  return /^ERR Unknown character name /.test(java) || (/^ERR Illegal character range/.test(java) && pastAscii);
}
/**
 * JDK 17 refuses a count past Integer.MAX_VALUE that Java 8, which Marathon runs on, reads wrapped (OpenJDK 8
 * Pattern.closure adds the digits up in an int unchecked: java8Counts.ts): constraint-like-regex-java9's warning
 * (javaRegexJava9Only.test.ts), not an error. True when the count JDK 17 names is one of those.
 */
function wrappedByJava8(p: string, java: string): boolean {
  const at = /^ERR Illegal repetition range at index (\d+)$/.exec(java);
  if (!at) return false;
  const unquoted = javaUnquoted(p);
  return [...unquoted.matchAll(/\{(\d+)(,(\d*))?\}/g)].some((m) => {
    const from = [...unquoted.slice(0, m.index)].length;
    const index = Number(at[1]);
    const pastMax = pastIntMax(m[1]) || pastIntMax(m[3] ?? '');
    return from < index && index < from + m[0].length && pastMax && java8Range(m[1], m[2] === undefined ? undefined : m[3]) !== undefined;
  });
}
/** Under comments mode Java's index can stand past the whitespace it skipped after the culprit: only the verdict is held. */
const commentsMode = (p: string) => /\(\?[a-zA-Z]*x/.test(javaUnquoted(p));

/** Patterns Java compiles, each one a user could write: a counted closure after another, or on nothing; a quantified anchor or lookbehind; quoting; Java's classes. */
const compiled = [
  'x{2}{3}', '^*a', '$*', '\\b{2}', '{2}', 'rack-{1,3}', 'a*{2}', '\\G{2}', '(?<=a)*b', '(?i){2}a', '(?c)a', '(?)a',
  '\\Q(\\E', '\\Qrack.1\\E', '\\Q[a\\E|b', '\\Qa', '[\\Q]\\E]', '\\\\E', '[](]', '[a[b]c(]', '[z-[a]]', '[\\e-a]', '[\\x{41}-z]', '[\\0101-\\0132]', '\\c(', '\\c[a',
  '(?x)a # (', '(?x) [ ( ] ', '(?<n>{2})x', '(?x) rack - [1-3] # the racks', '(?x)a{1, 2}', '(?x)\\ a', '(?x:\\p{L}) b', '(?x)[ ]]', '(?x)\\c A',
  '\\c\\(?x)# \\x{110000}', '(?x)\\c\\\\N{LATIN SMALL LETTER A}', '(?x)\\c#x\nA',
  // Comments mode where Pattern reads past whitespace and comments (javaComments.ts): a property name's first
  // character (Pattern.family's next()), the inline flags after `(? ` (addFlag's peek()), a flag as it is read, `\x{`,
  // a comment to `\n` alone under (?d); and where it reads raw: a `^` after `[ ` is a member, `[!- ]` a range to `]`.
  '(?x)\\p{#c\nL}', '(?x)\\p {L}', '(?x)(? i)a', '(?x)(? :a)', '(?x)(?#c\n:a)', '(?x i)a', '(?x)(?< =a)b', '(?x)\\x{ 41}', '(?xd)a#c\rb{',
  '(?x)[ ^]', '(?x)[!- ](]', '(?x)[\\v -\\x01]', '(?x)[& ]]',
];
/**
 * Comments mode where Pattern reads a character raw (skip(), nextEscaped(), temp[cursor ± 1]: javaComments.ts), so
 * whitespace or a comment there is no gap it skips: Java refuses each, in these words, at this index.
 */
const refusedRaw = [
  '(?x)a{ 2}', '(?x)a{#c\n2}', '(?x)(? <=a)b', '(?x)(? =a)', '(?x)(?#c\n<=a)b', '(?x)(?-x )a{ 2}', '(?x)(?x: a{ 2})', '(?x)\\b{ g}',
  '(?x)[a- ]]', '(?x)[a-#c\n]]', '(?x)[a- [b]]', '(?x)[& ]', '(?x)\\p {L u}', '(?x)a#c\rb{',
];

test('patterns Java compiles are accepted by constraint-like-regex and never called refused', { skip }, () => {
  const verdicts = javaVerdicts(compiled);
  compiled.forEach((p, i) => {
    assert.equal(verdicts[i], 'OK', `Java is expected to compile ${JSON.stringify(p)}`);
    assert.equal(javaRegexError(p), undefined, `${JSON.stringify(p)} compiles in Java`);
    assert.equal(javaRegexRefusal(p), undefined, `${JSON.stringify(p)} compiles in Java`);
  });
});

test('comments mode: whitespace where Pattern reads raw is refused, as Java says it', { skip }, () => {
  const verdicts = javaVerdicts(refusedRaw);
  refusedRaw.forEach((p, i) => assert.equal(`ERR ${javaRegexError(p)}`, verdicts[i], JSON.stringify(p)));
});

test('random patterns: what Java compiles is never an error, what Java refuses is one, said as Java says it', { skip, timeout: 120_000 }, () => {
  const seed = Number(process.env.JAVA_REGEX_SEED ?? Date.now() % 100_000);
  const patterns = [...new Set(fc.sample(randomPattern, { numRuns: 6000, seed }))];
  const verdicts = javaVerdicts(patterns);
  let ok = 0;
  patterns.forEach((p, i) => {
    const where = `${JSON.stringify(p)} (seed ${seed}): Java says ${verdicts[i]}`;
    const refused = javaRegexRefusal(p);
    if (verdicts[i] === 'OK') {
      ok++;
      assert.equal(javaRegexError(p), undefined, where);
      assert.equal(refused, undefined, where);
    } else if (!notModelled(p, verdicts[i])) assert.notEqual(javaRegexError(p), undefined, where);
    // What we refuse, we say as Java does, at Java's index (Java's message for a `\p` last names a NUL, ours not).
    if (verdicts[i] !== 'OK' && !commentsMode(p) && !notModelled(p, verdicts[i])) assert.equal(`ERR ${javaRegexError(p)}`, verdicts[i].replace(/\0/g, ''), where);
  });
  assert.ok(ok > patterns.length / 5, `Java compiled only ${ok} of ${patterns.length} patterns: the pieces miss what users write`);
});

/**
 * Java 8 as JDK 17 reads it: Java 8's Pattern.escape has no case for `N` or `X`, as JDK 17's has none for `y` or
 * `Y` (the same "Illegal/unsupported escape sequence" at the letter), and reads `\b` alone, leaving `{g}` a counted
 * closure with no count: "Illegal repetition" at the `b` (OpenJDK 8 Pattern.closure does not move off the `{`
 * before it refuses), as JDK 17 refuses a `{` where the backslash stood (its closure skips past the `{` first, so
 * it names the `b`; `\b{x}` would be named two further on). Escaped backslashes and `\c`'s character stay.
 */
const asJava8 = (p: string) => p.replace(/\\\\|\\c[\s\S]|\\N|\\X|\\b\{g/g, (t) => ({ '\\N': '\\y', '\\X': '\\Y', '\\b{g': '{b{g' })[t] ?? t);

test('random patterns Java 9+ compiles: a Java-9+-only construct is warned of exactly where Java 8 refuses the pattern, in its words', { skip, timeout: 120_000 }, () => {
  const seed = Number(process.env.JAVA_REGEX_SEED ?? Date.now() % 100_000);
  const patterns = [...new Set(fc.sample(randomPattern, { numRuns: 6000, seed }))];
  const verdicts = javaVerdicts(patterns);
  const compiledBy17 = patterns.filter((p, i) => verdicts[i] === 'OK');
  const java8 = javaVerdicts(compiledBy17.map(asJava8));
  let warned = 0;
  compiledBy17.forEach((p, i) => {
    const where = `${JSON.stringify(p)} (seed ${seed}): Java 8 says ${java8[i]}`;
    const found = java9OnlyConstruct(p);
    if (found) warned++;
    // JDK 17 has no Java 8 look-behind to ask (javaRegexJava9Only.test.ts holds those to OpenJDK 8's source): where
    // Java 8 cannot bound one, what JDK 17 reading Java 8's escapes says is OK or a refusal further on.
    const lookbehind = /^Look-behind .* near index (\d+)$/.exec(found?.java8Says ?? '');
    if (lookbehind) assert.ok(java8[i] === 'OK' || Number(/ at index (\d+)$/.exec(java8[i])?.[1]) > Number(lookbehind[1]), where);
    else if (commentsMode(p)) assert.equal(found === undefined, java8[i] === 'OK', where);
    else assert.equal(found ? `ERR ${found.java8Says.replace(' near index ', ' at index ')}` : 'OK', java8[i], where);
  });
  assert.ok(warned > 10, `only ${warned} patterns used \\N{…}, \\b{g} or \\X`);
});
