/**
 * An unescaped '"' inside a string (`"cmd": "echo "hi" > /x"`, pasted from a shell): the string ends at that quote,
 * and the parser gives up at the word after it. The finding is at that quote and says to escape it as \", not that a
 * ',' is missing (docs/rules/syntax.md). A missing comma between two values stays a missing comma.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument } from '../../src/core/parse';
import { lint } from '../../src/index';
import type { Finding } from '../../src/core/finding';

function syntaxOf(text: string): Finding {
  const findings = parseDocument(text).findings;
  assert.equal(findings.length, 1, JSON.stringify(findings));
  assert.equal(findings[0].ruleId, 'syntax');
  return findings[0];
}

// `‸` marks the quote the finding must be at.
const cases: { name: string; text: string; says: string[] }[] = [
  {
    name: 'a shell command pasted into "cmd", one line',
    text: '{"id": "/a", "cmd": "echo ‸"hi" > /x", "cpus": 1}',
    says: [`the '"' at line 1, column 27 ends the string early`, `escape it as \\"`, `and the '"' at line 1, column 30`, `"echo \\"hi\\" > /x"`],
  },
  {
    name: 'a shell command pasted into "cmd", indented',
    text: '{\n  "id": "/a",\n  "cmd": "echo ‸"hi" > /x",\n  "cpus": 1\n}\n',
    says: [`the '"' at line 3, column 16 ends the string early`, "found 'hi'"],
  },
  { name: 'the quotes end the value', text: '{\n  "cmd": "sh -c ‸"echo 1"",\n  "x": 1\n}\n', says: [`line 2, column 17 ends the string early`, `"sh -c \\"echo 1\\""`] },
  { name: 'a variable in quotes', text: '{\n  "cmd": "echo ‸"$HOME" done"\n}\n', says: ['ends the string early', "found '$HOME'"] },
  { name: 'two quoted words', text: '{\n  "cmd": "a ‸"b" "c" d",\n  "x": 1\n}\n', says: ['ends the string early', `"a \\"b\\" \\"c\\" d"`] },
  { name: 'a label value', text: '{"labels": {"a": "x ‸"y" z"}}', says: ['ends the string early'] },
  { name: 'an array element', text: '{"args": ["echo", "say ‸"hi"", "x"]}', says: ['ends the string early', "after an array element"] },
  { name: 'a property name', text: '{"my ‸"key"": 1}', says: ['ends the property name early', `"my \\"key\\""`] },
  // The closing quote forgotten too: the one '"' inside is still the one to escape.
  { name: 'one quote inside', text: '{"cmd": "a ‸"b"}', says: ['ends the string early', `"a \\"b"`] },
  // The value itself holds "a, b": the first quote followed by a ',' is not where the string ends.
  { name: "a ',' inside the quoted part", text: '{\n  "cmd": "echo ‸"a", b",\n  "x": 1\n}\n', says: ['ends the string early', `"echo \\"a\\", b"`] },
  // A second paste further down: the first one is reported (one finding per document).
  // A Windows path pasted with its quotes: its lone backslashes need doubling too, or escaping the quotes repairs
  // nothing and the finding said a ',' is missing before C.
  {
    name: 'a quoted Windows path',
    text: '{\n  "cmd": "type ‸"C:\\tmp\\a.txt"",\n  "x": 1\n}\n',
    says: ['line 2, column 16 ends the string early', `"type \\"C:\\tmp\\\\a.txt\\""`, `write the backslash at line 2, column 23 as \\\\`],
  },
  { name: 'a Windows path in an array element', text: '{"args": ["dir ‸"C:\\Program Files\\x"", "/s"]}', says: ['ends the string early', `"dir \\"C:\\\\Program Files\\\\x\\""`, 'the 2 backslashes'] },
  // Typed so far (the editor lints every keystroke): the string's own closing '"' not yet typed. A ',' before a bare
  // word repairs nothing; the quote ended the string early, and the string is to be closed at the line's end.
  { name: 'typing: the closing quote not typed yet', text: '{\n  "id": "/a",\n  "cmd": "sh -c ‸"echo hi\n}\n', says: ['line 3, column 17 ends the string early', `close the string with '"' at line 3, column 25`, `"sh -c \\"echo hi"`] },
  { name: 'typing: JSON inside a string, half typed', text: '{"id":"/a","env":{"J":"{‸"k\n}}', says: ['ends the string early', `"{\\"k"`] },
  { name: 'typing from an empty file: nothing below the line yet', text: '{"id":"/a","env":{"J":"{‸"k', says: ['ends the string early', `close the string with '"' at line 1, column 27`] },
  { name: 'two pasted lines', text: '{\n  "cmd": "echo ‸"hi"",\n  "args": ["a "b" c"]\n}\n', says: ['line 2, column 16 ends the string early'] },
];

for (const c of cases) {
  test(`stray quote: ${c.name}`, () => {
    const at = c.text.indexOf('‸');
    const text = c.text.replace('‸', '');
    const f = syntaxOf(text);
    assert.equal(f.span?.offset, at, `${f.message}\n(at ${f.span?.offset}, expected ${at})`);
    assert.equal(f.span?.length, 1);
    assert.equal(text[at], '"');
    for (const s of c.says) assert.ok(f.message.includes(s), `${JSON.stringify(f.message)}\nshould say ${JSON.stringify(s)}`);
    assert.ok(f.message.includes('Marathon rejects a document that is not valid JSON ("Invalid JSON")'), f.message);
    assert.ok(!f.message.includes("A ',' is probably missing"), f.message);
    assert.match(f.related?.[0]?.message ?? '', /^The parser gave up here: expected .+, found .+\.$/);
  });
}

// A ',' that is missing between two values on one line: a comma repairs it at least as well as escaping does.
const commas: { name: string; text: string }[] = [
  { name: 'two properties on one line', text: '{"a": "x" "b": 1}' },
  { name: 'two array elements', text: '{"args": ["a" "b"]}' },
  // Escaping would make one string of the three, but only blanks stand between them: two commas are missing.
  { name: 'three array elements', text: '{"args": ["a" "b" "c"]}' },
  { name: 'a string then a number in an array', text: '["a" 1]' },
  { name: 'two properties on two lines', text: '{\n  "a": "x"\n  "b": "y"\n}\n' },
];
for (const c of commas) {
  test(`not a stray quote: ${c.name}`, () => {
    const f = syntaxOf(c.text);
    assert.ok(f.message.includes("A ',' is probably missing"), f.message);
    assert.ok(!f.message.includes('ends the string early'), f.message);
  });
}

const corpusRoot = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'corpus');
const noCorpus = existsSync(corpusRoot) ? false : `needs ../shared/corpus beside the repository (${corpusRoot} is absent)`;
const corpus: string[] = (noCorpus ? [] : readdirSync(corpusRoot, { recursive: true, encoding: 'utf8' }))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .filter((_, i) => i % 5 === 0)
  .map((f) => readFileSync(join(corpusRoot, f), 'utf8'))
  .filter((t) => t.length < 20_000 && (() => { try { JSON.parse(t); return true; } catch { return false; } })());

/** Where a '"' inside a string's content stands before a letter: a quote pasted there ends the string early. */
function insideStrings(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '"') continue;
    for (i++; text[i] !== '"'; i++) {
      if (text[i] === '\\') i++;
      else if (/[A-Za-z]/.test(text[i])) out.push(i);
    }
  }
  return out;
}

test('property: a quote pasted before a letter inside any string of a corpus file is the finding, pretty or minified', { skip: noCorpus }, () => {
  fc.assert(
    fc.property(fc.nat({ max: corpus.length - 1 }), fc.boolean(), fc.nat(), (i, minify, pick) => {
      const text = minify ? JSON.stringify(JSON.parse(corpus[i])) : corpus[i];
      const spots = insideStrings(text);
      if (spots.length === 0) return;
      const at = spots[pick % spots.length];
      const f = syntaxOf(text.slice(0, at) + '"' + text.slice(at));
      assert.equal(f.span?.offset, at, f.message.slice(0, 400));
      assert.ok(f.message.includes('early'), f.message.slice(0, 400));
    }),
    { numRuns: 300, seed: 20261207 },
  );
});

test('property: quotes pasted anywhere never crash lint nor point outside the document', { skip: noCorpus }, () => {
  fc.assert(
    fc.property(fc.nat({ max: corpus.length - 1 }), fc.boolean(), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (i, minify, spots) => {
      let text = minify ? JSON.stringify(JSON.parse(corpus[i])) : corpus[i];
      for (const s of spots) {
        const at = s % (text.length + 1);
        text = text.slice(0, at) + '"' + text.slice(at);
      }
      const lines = text.split(/\r\n|\r|\n/);
      for (const d of lint(text).diagnostics) {
        assert.notEqual(d.ruleId, 'internal-error', d.message);
        for (const p of [d.range.start, d.range.end, ...(d.related ?? []).flatMap((r) => [r.range.start, r.range.end])]) {
          assert.ok(p.line < lines.length && p.character <= lines[p.line].length, `${JSON.stringify(p)} outside the document`);
        }
      }
    }),
    { numRuns: 300, seed: 7 },
  );
});

// A quoted Windows path pasted into "cmd", typed so far or whole: whatever its segments (some start an escape such as
// \t or \u, some do not), the finding is at the quote that ended the string early, never a ',' missing (on main, every
// path with a lone backslash, and every one typed only part way, was a ',' missing).
test('property: a quoted Windows path pasted into "cmd", whole or typed up to any point past its quote, is found at the quote', () => {
  const segment = fc.stringMatching(/^[A-Za-z0-9 ._-]{1,8}$/);
  fc.assert(
    fc.property(fc.constantFrom('C', 'D'), fc.array(segment, { minLength: 1, maxLength: 5 }), fc.nat(), fc.boolean(), (drive, segs, cut, whole) => {
      const head = '{\n  "id": "/a",\n  "cmd": "type ';
      const path = `"${drive}:\\${segs.join('\\')}"`;
      const full = `${head}${path}",\n  "cpus": 1\n}\n`;
      const text = whole ? full : full.slice(0, head.length + 2 + (cut % (path.length - 1)));
      const f = syntaxOf(text);
      assert.equal(f.span?.offset, head.length, `${JSON.stringify(text)}: ${f.message}`);
      assert.ok(f.message.includes('ends the string early'), f.message);
      assert.ok(!f.message.includes("A ',' is probably missing"), f.message);
    }),
    { numRuns: 300, seed: 20261207 },
  );
});
