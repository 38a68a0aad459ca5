// Property test: whatever text arrives (random, or a corpus file mutated by deleting characters, swapping
// value types, inserting junk), lint never throws, finishes quickly, and returns well-formed diagnostics
// whose ranges lie inside the document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { lint, type LintResult } from '../../src/index';

// Seeds are corpus files (../shared/corpus beside the repo); without it the corpus-seeded property skips, saying so.
const corpusRoot = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'corpus');
const noCorpus = existsSync(corpusRoot) ? false : `needs ../shared/corpus beside the repository (${corpusRoot} is absent)`;
const seeds: string[] = (noCorpus ? [] : readdirSync(corpusRoot, { recursive: true, encoding: 'utf8' }))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .filter((_, i) => i % 7 === 0) // a spread of ~60 files keeps the run short on shared CPUs
  .map((f) => readFileSync(join(corpusRoot, f), 'utf8'));
const kinds = ['app', 'apps', 'group', 'pod', 'chronos-job', 'unknown'];
const severities = ['error', 'warning', 'info'];

function assertWellFormed(text: string, r: LintResult): void {
  assert.ok(kinds.includes(r.kind));
  const lines = text.split(/\r\n|\r|\n/); // the LSP's line breaks, as LineIndex counts them
  for (const d of r.diagnostics) {
    assert.equal(typeof d.ruleId, 'string');
    assert.ok(severities.includes(d.severity), d.severity);
    assert.ok(d.message.length > 10, d.message);
    assert.equal(typeof d.pointer, 'string');
    assert.ok(d.docsUrl.endsWith(`${d.ruleId}.md`));
    assert.notEqual(d.ruleId, 'internal-error', d.message);
    for (const p of [d.range.start, d.range.end]) {
      assert.ok(p.line >= 0 && p.line < lines.length, `line ${p.line} of ${lines.length}`);
      assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `character ${p.character} on line ${p.line}`);
    }
    assert.ok(d.range.start.line < d.range.end.line || (d.range.start.line === d.range.end.line && d.range.start.character <= d.range.end.character));
  }
  for (let i = 1; i < r.diagnostics.length; i++) {
    const a = r.diagnostics[i - 1].range.start;
    const b = r.diagnostics[i].range.start;
    assert.ok(a.line < b.line || (a.line === b.line && a.character <= b.character), 'sorted by position');
  }
}

function check(text: string): void {
  const t0 = performance.now();
  const r = lint(text);
  assert.ok(performance.now() - t0 < 2000, 'bounded time');
  assertWellFormed(text, r);
}

const junk = fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', 'null', '-', '1e999', '\u0000', '\uFEFF', '//', '\n', '"\\u12', 'NaN', '\uD800');
const typeSwap = fc.constantFrom('null', '[]', '{}', '"x"', '0', '-1.5', 'true', '"DOCKR"', '""', '[[]]');

/** One mutation of a document: delete a slice, insert junk, or replace a scalar value with another type. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), s: junk }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), s: typeSwap }),
);

function mutate(text: string, m: { op: 'delete' | 'insert' | 'swap'; at: number; len?: number; s?: string }): string {
  const at = m.at % (text.length + 1);
  if (m.op === 'delete') return text.slice(0, at) + text.slice(at + (m.len ?? 1));
  if (m.op === 'insert') return text.slice(0, at) + m.s + text.slice(at);
  // swap: the value after the next ':' becomes another type (keeps the text JSON more often than not)
  const colon = text.indexOf(':', at);
  if (colon === -1) return text;
  const end = text.slice(colon + 1).search(/[,}\]]/);
  return end === -1 ? text : text.slice(0, colon + 1) + ' ' + m.s + text.slice(colon + 1 + end);
}

test('fuzz: mutated corpus documents', { skip: noCorpus }, () => {
  fc.assert(
    fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (i, ms) => {
      check(ms.reduce(mutate, seeds[i]));
    }),
    { numRuns: 400, seed: 20261121 },
  );
});

test('fuzz: random JSON values', () => {
  fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => check(JSON.stringify(v, null, 2) ?? 'null')), { numRuns: 300, seed: 7 });
});

test('fuzz: random strings', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => check(s)), { numRuns: 300, seed: 11 });
});
