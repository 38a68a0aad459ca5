/**
 * Accepting a completion keeps a document JSON (fast-check over the rule fixtures): from a valid definition, a
 * property, a value or an array item is taken out (or its first letters are typed again, with or without the
 * closing quote), and every item completion offers there, applied as an editor applies it, gives strict JSON
 * back; with LF, CRLF and tab layouts and non-ASCII text before the cursor.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import * as jsonc from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem } from 'vscode-languageserver-types';
import { complete } from '../../src/features/completion';
import { createDocument } from '../../src/features/document';
import { ctx } from './inline';
import { expandSnippet } from './snippetExpansion';

const rulesDir = join(import.meta.dirname, '../rules');
const sources: string[] = [];
for (const rule of readdirSync(rulesDir)) {
  for (const f of readdirSync(join(rulesDir, rule)).filter((n) => /^valid.*\.json$/.test(n))) {
    const text = readFileSync(join(rulesDir, rule, f), 'utf8');
    try {
      JSON.parse(text);
      sources.push(text);
    } catch {
      // not strict JSON to begin with
    }
  }
}

/**
 * The text after accepting `item` at `offset`: its textEdit, or its insertText over the word before the cursor (as VS Code's
 * JSON word pattern), and its additionalTextEdits (the comma after a previous value: features/commaBefore.ts).
 */
export function accept(text: string, offset: number, item: CompletionItem): string {
  const lines = TextDocument.create('file:///x.json', 'json', 1, text);
  // Additional edits lie before the main one (they must not overlap it): applied last, from the end.
  const extra = [...(item.additionalTextEdits ?? [])].sort((a, b) => lines.offsetAt(b.range.start) - lines.offsetAt(a.range.start));
  for (const e of extra) assert.ok(lines.offsetAt(e.range.end) <= offset, `an additional edit of ${JSON.stringify(item.label)} lies before the cursor`);
  const withExtra = (t: string) => extra.reduce((acc, e) => acc.slice(0, lines.offsetAt(e.range.start)) + e.newText + acc.slice(lines.offsetAt(e.range.end)), t);
  return withExtra(acceptMain(text, offset, item, lines));
}

function acceptMain(text: string, offset: number, item: CompletionItem, lines: TextDocument): string {
  const body = (t: string) => (item.insertTextFormat === 2 ? expandSnippet(t) : t);
  if (item.textEdit && 'range' in item.textEdit) {
    const start = lines.offsetAt(item.textEdit.range.start);
    const end = lines.offsetAt(item.textEdit.range.end);
    // LSP: a completion's edit range is on one line and holds the position completion was asked at.
    assert.ok(start <= offset && offset <= end, `the edit range ${start}-${end} holds the cursor ${offset}`);
    assert.equal(item.textEdit.range.start.line, item.textEdit.range.end.line, `the edit range of ${JSON.stringify(item.label)} is on one line`);
    return text.slice(0, start) + body(item.textEdit.newText) + text.slice(end);
  }
  let start = offset;
  while (start > 0 && /[^[{\]}:",\s]/.test(text[start - 1])) start--;
  return text.slice(0, start) + body(item.insertText ?? item.label) + text.slice(offset);
}

type Layout = (text: string) => string;
const layouts: Record<string, Layout> = {
  lf: (t) => t,
  crlf: (t) => t.replace(/\r?\n/g, '\r\n'),
  tabs: (t) => t.replace(/^( {2})+/gm, (s) => '\t'.repeat(s.length / 2)),
  // Non-ASCII (two UTF-16 units for the emoji) in the first string value, before most cursors.
  nonAscii: (t) => t.replace(/: "([^"\\]*)"/, ': "$1-äé😀"'),
};

/** A slot taken out of a valid document: the text with the cursor where the user types. */
interface Slot {
  text: string;
  offset: number;
  what: string;
}

function slots(text: string): Slot[] {
  const out: Slot[] = [];
  const visit = (node: jsonc.Node) => {
    for (const child of node.children ?? []) visit(child);
    const parent = node.parent;
    if (!parent) return;
    const siblings = parent.children!;
    const next = siblings[siblings.indexOf(node) + 1];
    // The cursor goes after what was typed, inside the closing quote if there is one. An unclosed string runs to
    // the next quote on its line (any parser's reading), so one is typed only where no quote follows on the line.
    const cut = (from: number, to: number, typed: string, what: string) => {
      const closedQuote = /^".*"$/.test(typed);
      const restOfLine = /^[^\r\n]*/.exec(text.slice(to))![0];
      const rest = !closedQuote && typed.startsWith('"') && restOfLine.includes('"') ? '\n' + text.slice(to) : text.slice(to);
      out.push({ text: text.slice(0, from) + typed + rest, offset: from + typed.length - (closedQuote ? 1 : 0), what });
    };
    if (parent.type === 'object' && node.type === 'property') {
      const key = String(node.children![0].value);
      const to = next ? next.offset : node.offset + node.length;
      cut(node.offset, to, '', `property ${key} taken out`);
      cut(node.offset, to, `"${key.slice(0, 2)}"`, `"${key.slice(0, 2)}" typed for ${key}`);
      cut(node.offset, to, `"${key.slice(0, 2)}`, `"${key.slice(0, 2)} typed (no closing quote) for ${key}`);
    } else if (parent.type === 'property' && node === parent.children![1]) {
      cut(node.offset, node.offset + node.length, '', `value of ${parent.children![0].value} taken out`);
      if (node.type === 'string') {
        const v = String(node.value);
        cut(node.offset, node.offset + node.length, `"${v.slice(0, 1)}"`, `"${v.slice(0, 1)}" typed for the value of ${parent.children![0].value}`);
        cut(node.offset, node.offset + node.length, `"${v.slice(0, 1)}`, `"${v.slice(0, 1)} typed (no closing quote) for the value of ${parent.children![0].value}`);
      }
    } else if (parent.type === 'array') {
      cut(node.offset, next ? next.offset : node.offset + node.length, '', `array item ${siblings.indexOf(node)} taken out`);
    }
  };
  const root = jsonc.parseTree(text);
  if (root) visit(root);
  return out;
}

test('every completion accepted where a property, value or item was taken out leaves strict JSON', () => {
  fc.assert(
    fc.property(fc.nat(), fc.nat(), fc.constantFrom(...Object.keys(layouts)), (i, j, layout) => {
      const text = layouts[layout](sources[i % sources.length]);
      const all = slots(text);
      if (all.length === 0) return;
      const slot = all[j % all.length];
      const doc = createDocument('file:///w/app.json', 1, slot.text);
      for (const item of complete(doc, slot.offset, ctx).items) {
        const after = accept(slot.text, slot.offset, item);
        try {
          JSON.parse(after);
        } catch (e) {
          assert.fail(`${layout}, ${slot.what}: accepting ${JSON.stringify(item.label)} leaves ${JSON.stringify(after)} (${(e as Error).message})`);
        }
      }
    }),
    { numRuns: 600, seed: 20261207 },
  );
});

// [case, document with `|` at the cursor]: each accepted item leaves strict JSON that still has what the user typed.
const typed: [string, string][] = [
  ['a key typed without its closing quote before the closing brace', '{"id": "/a", "cmd": "x", "c|}'],
  ['a value typed without its closing quote before the closing braces', '{"id": "/a", "cmd": "x", "container": {"type": "D|}}'],
  ['a first key typed without its closing quote in {}', '{"|}'],
  ['at the opening quote of a key: a new property before it', '{\n  |"cmd": "ls"\n}'],
  ['at the opening quote of the first key after the brace', '{|"id": "/a", "cmd": "x"}'],
  ['inside the only key, which has its value: no skeleton for the key (nothing else knows the kind yet)', '{"cm|": "ls"}'],
  ['on the line after the last value, its comma not typed yet: the comma goes after that value', '{"id": "/a", "cmd": "x"\n  |\n}'],
  ['after the last array item, its comma not typed yet', '{"id": "/a", "cmd": "x", "constraints": [["hostname", "UNIQUE"]\n|]}'],
];

test('accepting a completion keeps strict JSON and what was typed around it', () => {
  const problems: string[] = [];
  for (const [name, marked] of typed) {
    const offset = marked.indexOf('|');
    const text = marked.slice(0, offset) + marked.slice(offset + 1);
    const items = complete(createDocument('file:///w/app.json', 1, text), offset, ctx).items;
    if (items.length === 0 && !name.includes('no skeleton')) problems.push(`${name}: nothing offered`);
    for (const item of items) {
      const after = accept(text, offset, item);
      let value: Record<string, unknown>;
      try {
        value = JSON.parse(after);
      } catch (e) {
        problems.push(`${name}: accepting ${JSON.stringify(item.label)} leaves ${JSON.stringify(after)} (${(e as Error).message})`);
        continue;
      }
      for (const [k, v] of Object.entries({ id: '/a', cmd: /"cmd"/.test(text) ? (text.includes('"ls"') ? 'ls' : 'x') : undefined })) {
        if (v !== undefined && text.includes(`"${k}"`) && value[k] !== v) problems.push(`${name}: accepting ${JSON.stringify(item.label)} loses "${k}": ${JSON.stringify(after)}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});
