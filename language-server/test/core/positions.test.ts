import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../src/core/lineIndex';
import { resolveRanges, type RangeRequest } from '../../src/core/positions';

const text = readFileSync(join(import.meta.dirname, 'fixtures/positions/pointers.json'), 'utf8');
const lines = new LineIndex(text);

// pointer (+ target) → the exact text the range must cover.
const cases: (RangeRequest & { covers: string; line: number })[] = [
  { pointer: '/id', covers: '"/pos"', line: 1 },
  { pointer: '/id', target: 'key', covers: '"id"', line: 1 },
  { pointer: '/we~1ird~0key/x/0', covers: '10', line: 2 },
  { pointer: '/we~1ird~0key/x/1/deep', covers: 'true', line: 2 },
  { pointer: '/we~1ird~0key/x/1', covers: '{"deep": true}', line: 2 },
  { pointer: '/container/volumes/0/mode', covers: '"RWX"', line: 5 },
  { pointer: '/container/volumes/0/mode', target: 'key', covers: '"mode"', line: 5 },
  { pointer: '/container/volumes/0', covers: '{ "containerPath": "data", "mode": "RWX" }', line: 5 },
  // A multi-line container is underlined on its key, not painted whole.
  { pointer: '/container', covers: '"container"', line: 3 },
  { pointer: '/labels/b', covers: '"2"', line: 8 },
  { pointer: '/labels/a', target: 'key', covers: '"a"', line: 8 },
  // Pointers that do not resolve fall back to the nearest ancestor that exists.
  { pointer: '/container/volumes/0/external/name', covers: '{ "containerPath": "data", "mode": "RWX" }', line: 5 },
  { pointer: '/container/volumes/7', covers: '"volumes"', line: 4 },
  { pointer: '/nope', covers: '{', line: 0 },
  { pointer: '', covers: '{', line: 0 },
];

test('positions: every pointer resolves to the exact range, all in one pass', () => {
  const ranges = resolveRanges(text, lines, cases);
  cases.forEach((c, i) => {
    const r = ranges[i];
    const covered = text.slice(lines.offsetAt(r.start), lines.offsetAt(r.end));
    assert.equal(covered, c.covers, `${c.pointer} (${c.target ?? 'value'})`);
    assert.equal(r.start.line, c.line, c.pointer);
  });
});

test('positions: 10,000-deep nesting resolves without recursion', () => {
  const deep = '['.repeat(10_000) + '"x"' + ']'.repeat(10_000);
  const pointer = '/0'.repeat(10_000);
  const [r] = resolveRanges(deep, new LineIndex(deep), [{ pointer }]);
  assert.deepEqual(r, { start: { line: 0, character: 10_000 }, end: { line: 0, character: 10_003 } });
});

test('positions: UTF-16 columns after astral characters', () => {
  const t = '{"a": "😀😀", "b": 1}';
  const [r] = resolveRanges(t, new LineIndex(t), [{ pointer: '/b' }]);
  assert.equal(t.slice(r.start.character, r.end.character), '1');
});

// The LSP specification's line breaks are '\n', '\r\n' and a lone '\r'; vscode-languageserver-textdocument is its
// reference implementation (and what the server's documents are). Every offset that is not inside a '\r\n' pair
// must get the same line and character from both, or a finding lands on another line in the editor than in the CLI.
test('positions: line/character agree with the LSP TextDocument for \\n, \\r\\n and lone \\r line endings', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('a', 'é', '"', '\n', '\r', '\r\n', '\u{1F600}'), { maxLength: 60 }), (parts) => {
      const t = parts.join('');
      const doc = TextDocument.create('file:///t.json', 'json', 1, t);
      const index = new LineIndex(t);
      for (let o = 0; o <= t.length; o++) {
        if (t[o - 1] === '\r' && t[o] === '\n') continue;
        assert.deepEqual(index.positionAt(o), doc.positionAt(o), `offset ${o} of ${JSON.stringify(t)}`);
      }
      for (let line = 0; line < doc.lineCount; line++) assert.equal(index.offsetAt({ line, character: 0 }), doc.offsetAt({ line, character: 0 }), `line ${line} of ${JSON.stringify(t)}`);
    }),
    { numRuns: 500 },
  );
});
