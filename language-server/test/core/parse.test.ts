import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../src/index';
import { makeGroupText } from './generateGroup';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures/parse', name), 'utf8');

// file → the findings it must produce: rule, 1-based line:column of the first, and words the message must contain.
const cases: { file: string; rules: string[]; at?: string; says?: string[] }[] = [
  // Cut off inside "container": the finding is at the '{' still open, not at the end where the parser gave up.
  { file: 'truncated.json', rules: ['syntax'], at: '4:16', says: ["the '{' of \"container\" opened at line 4, column 16, never closed", 'the end of the document', 'truncated'] },
  { file: 'trailing-comma.json', rules: ['syntax'], at: '4:1', says: ['trailing comma'] },
  { file: 'comment.json', rules: ['syntax'], at: '2:3', says: ['comments'] },
  { file: 'missing-comma.json', rules: ['syntax'], at: '3:3', says: ["','"] },
  // A property below an array whose ']' is missing: a comma would not help; the finding is at the '[' left open.
  { file: 'array-left-open.json', rules: ['syntax'], at: '3:11', says: ["found ':'", "the '[' of \"args\" opened at line 3, column 11, never closed", "Close it with ']' at line 3, column 20"] },
  { file: 'single-quotes.json', rules: ['syntax'], at: '2:3', says: ['double quotes'] },
  { file: 'plain-text.json', rules: ['syntax'], at: '1:1', says: ['expected a value'] },
  { file: 'empty.json', rules: ['syntax'], says: ['empty'] },
  { file: 'whitespace-only.json', rules: ['syntax'], says: ['empty'] },
  { file: 'bom-app-with-type-error.json', rules: ['schema'], at: '4:11', says: ['error.expected.jsnumber', '"cpus"'] },
  { file: 'duplicate-keys.json', rules: ['no-duplicate-keys', 'no-duplicate-keys'], at: '4:3', says: ['"instances"'] },
  { file: 'colon-in-strings-no-duplicates.json', rules: [] },
];

for (const c of cases) {
  test(`parse: ${c.file}`, () => {
    const { diagnostics } = lint(fixture(c.file));
    const engine = diagnostics.filter((d) => ['syntax', 'no-duplicate-keys', 'schema'].includes(d.ruleId));
    assert.deepEqual(engine.map((d) => d.ruleId).slice(0, c.rules.length), c.rules, JSON.stringify(diagnostics, null, 1));
    if (c.rules.length === 0) assert.equal(engine.length, 0);
    const first = engine[0];
    if (c.at) assert.equal(`${first.range.start.line + 1}:${first.range.start.character + 1}`, c.at, first.message);
    for (const s of c.says ?? []) assert.ok(first.message.includes(s), `${first.message} should mention ${s}`);
  });
}

test('parse: a syntax error stops the pipeline (Marathon validates nothing else)', () => {
  const { diagnostics } = lint(fixture('trailing-comma.json'));
  assert.ok(diagnostics.every((d) => d.ruleId === 'syntax'));
});

test('parse: duplicate keys warn on the earlier key, and the later value is the one checked', () => {
  const { diagnostics } = lint(fixture('duplicate-keys.json'));
  const dups = diagnostics.filter((d) => d.ruleId === 'no-duplicate-keys');
  assert.deepEqual(dups.map((d) => [d.pointer, d.range.start.line, d.range.start.character]), [['/instances', 3, 2], ['/container/type', 4, 17]]);
  assert.ok(dups.every((d) => d.severity === 'warning'));
});

test('parse: 10,000-deep nesting, valid and truncated, neither overflows the stack', () => {
  const valid = lint('['.repeat(10_000) + '1' + ']'.repeat(10_000));
  assert.deepEqual(valid.diagnostics.map((d) => d.ruleId), ['unknown-kind']);
  const truncated = lint('{"id": "/deep", "labels": ' + '['.repeat(10_000));
  assert.deepEqual(truncated.diagnostics.map((d) => d.ruleId), ['syntax']);
  // At the innermost '[' never closed; the end, where the parser gave up, is related.
  assert.equal(truncated.diagnostics[0].range.start.character, 26 + 9_999);
  assert.equal(truncated.diagnostics[0].related?.[0].range.start.character, 26 + 10_000);
  const deepGroup = lint('{"id":"/a","groups":['.repeat(10_000) + ']}'.repeat(10_000));
  assert.equal(deepGroup.kind, 'group');
  for (const d of deepGroup.diagnostics) assert.ok(d.message.length > 0);
});

test('parse: random binary data gives exactly one finding', () => {
  let seed = 42;
  const bytes = Buffer.alloc(200_000, 0).map(() => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff);
  const { diagnostics } = lint(Buffer.from(bytes).toString('utf8'));
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].ruleId, 'syntax');
  assert.match(diagnostics[0].message, /binary/);
});

test('parse: a 50 MB group is linted in bounded time, with positions for its errors', () => {
  let text = makeGroupText(45_000, 9_000);
  assert.ok(text.length > 50 * 2 ** 20, `generated ${text.length} bytes`);
  const t0 = performance.now();
  const { kind, diagnostics } = lint(text);
  const ms = performance.now() - t0;
  assert.equal(kind, 'group');
  const enums = diagnostics.filter((d) => d.ruleId === 'schema' && d.pointer.endsWith('/container/type'));
  assert.equal(enums.length, 5);
  assert.ok(enums.every((d) => d.range.start.line > 0));
  assert.ok(ms < 60_000, `took ${ms} ms`);
  // The same file cut short: one syntax error at its very end, not thousands.
  text = text.slice(0, text.length - 100);
  const cut = lint(text);
  assert.equal(cut.diagnostics.filter((d) => d.ruleId === 'syntax').length, 1);
});

// docs/rules/syntax.md: the first syntax error, at its line and column, and nothing after it (whatever follows rests
// on a guess of what was meant, and Marathon's parser stops there too).
const syntaxOnly = (text: string) => {
  const { diagnostics } = lint(text);
  assert.ok(diagnostics.every((d) => d.ruleId === 'syntax'), JSON.stringify(diagnostics, null, 1));
  return diagnostics.map((d) => ({ at: `${d.range.start.line + 1}:${d.range.start.character + 1}`, message: d.message }));
};

test('parse: single-quoted strings are one finding, not one per character inside them', () => {
  const found = syntaxOnly("{'id': '/a', 'cmd': './run'}");
  assert.equal(found.length, 1, JSON.stringify(found, null, 1));
  assert.equal(found[0].at, '1:2');
  assert.match(found[0].message, /double quotes/);
  assert.doesNotMatch(found[0].message, /comments/);
});

test('parse: NaN and +64 are one finding each, with no follow-on error after them', () => {
  const nan = syntaxOnly('{"id": "/a", "cpus": NaN}');
  assert.deepEqual(nan.map((f) => f.at), ['1:22']);
  assert.match(nan[0].message, /found 'NaN'/);
  assert.match(nan[0].message, /no NaN or Infinity/);
  const plus = syntaxOnly('{"id": "/a", "cpus": +64}');
  assert.deepEqual(plus.map((f) => f.at), ['1:22']);
  assert.match(plus[0].message, /leading '\+'/);
});

test('parse: two independent mistakes: only the first is reported, as the syntax page says', () => {
  const found = syntaxOnly('{\n  "id": "/a",\n  "labels": {"a": "b",},\n  "cmd": "x",\n}');
  assert.deepEqual(found.map((f) => f.at), ['3:23']);
  assert.match(found[0].message, /trailing comma/);
});

test('parse: a bad escape or a raw tab in a string is reported where it is, and named', () => {
  const escape = syntaxOnly('{"id": "/a", "cmd": "./r\\qun"}');
  assert.deepEqual(escape.map((f) => f.at), ['1:25']);
  assert.match(escape[0].message, /expected a valid escape .*, found '\\q'/);
  const tab = syntaxOnly('{"id": "/a", "cmd": "./r\tun"}');
  assert.deepEqual(tab.map((f) => f.at), ['1:25']);
  assert.match(tab[0].message, /found the control character U\+0009/);
});

test('parse: a character outside the BMP where a value belongs is named whole, not as half of its surrogate pair', () => {
  const emoji = syntaxOnly('{"id": "/a", "cmd": 😀}');
  assert.deepEqual(emoji.map((f) => f.at), ['1:21']);
  assert.match(emoji[0].message, /found '😀'/);
  // A lone half (a file cannot hold one, an editor buffer can) is named by its code, not shown raw.
  const lone = syntaxOnly('{"id": "/a", "cmd": \uD83D}');
  assert.match(lone[0].message, /found the lone surrogate U\+D83D/);
});
