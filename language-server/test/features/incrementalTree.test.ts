import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDocument, updateDocument, type EditorDocument } from '../../src/features/document';
import type { JsonNode } from '../../src/features/jsonTree';
import type { TextChange } from '../../src/features/incrementalTree';

/** The tree as plain data, checking parent links on the way: what a full parse and an update must agree on. */
function shape(node: JsonNode | undefined, parent?: JsonNode): unknown {
  if (!node) return undefined;
  assert.equal(node.parent, parent, `parent link of the node at ${node.offset}`);
  return [node.type, node.offset, node.length, node.colonOffset, node.value, node.children?.map((c) => shape(c, node))];
}

function assertSameAsFullParse(updated: EditorDocument, text: string): void {
  const full = createDocument(updated.uri, updated.version, text);
  assert.deepEqual(shape(updated.tree), shape(full.tree));
  assert.deepEqual(updated.value, full.value);
  assert.equal(updated.kind, full.kind);
}

const app = (i: number) => ({ id: `app-${i}`, cmd: 'sleep 1', cpus: 0.1, mem: 128 + i, env: { A: 'b' }, container: { type: 'DOCKER', volumes: [{ containerPath: 'd', mode: 'RW', external: { name: `v${i}`, provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }] } });
const group = JSON.stringify({ id: '/g', apps: [0, 1, 2, 3, 4].map(app), groups: [{ id: '/g/sub', apps: [app(9)] }] }, null, 2);

function edit(text: string, c: TextChange): string {
  return text.slice(0, c.offset) + c.text + text.slice(c.offset + c.deleteLength);
}

// [case, the edit]: each must give exactly the tree and value of a full parse of the edited text.
const at = (s: string, nth = 0) => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = group.indexOf(s, i + 1);
  return i;
};
const cases: [string, TextChange][] = [
  ['a digit inside an app', { offset: at('"mem": 130') + 9, deleteLength: 1, text: '7' }],
  ['a longer string value', { offset: at('sleep 1', 2), deleteLength: 7, text: 'sleep 100000' }],
  ['a new property', { offset: at('"cpus"', 3), deleteLength: 0, text: '"instances": 2, ' }],
  ['a property removed', { offset: at('"env"', 1), deleteLength: '"env": {\n        "A": "b"\n      },\n      '.length, text: '' }],
  ['an edit in a nested group', { offset: at('"app-9"') + 5, deleteLength: 1, text: 'x' }],
  ['half-typed: falls back to a full parse', { offset: at('"cpus"', 2), deleteLength: 0, text: '"ins' }],
  ['a bracket removed: falls back', { offset: at('}', 4), deleteLength: 1, text: '' }],
  ['top level: falls back', { offset: 1, deleteLength: 0, text: '"x": 1,' }],
  ['a comment: falls back', { offset: at('"cmd"'), deleteLength: 0, text: '/* c */ ' }],
  ['whole text replaced by an edit', { offset: 0, deleteLength: group.length, text: '{"id": "/a", "cmd": "x"}' }],
];

for (const [name, change] of cases) {
  test(`incremental tree: ${name}`, () => {
    const prev = createDocument('file:///g.json', 1, group);
    const text = edit(group, change);
    assertSameAsFullParse(updateDocument(prev, 2, text, [change]), text);
  });
}

test('incremental tree: several edits in one version, then more versions, agree with full parses', () => {
  let text = group;
  let doc = createDocument('file:///g.json', 1, text);
  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  const pieces = ['1', '"', '{', '}', '[', ']', ',', ':', ' ', '"k": 2, ', 'x', '\n', ''];
  for (let version = 2; version < 300; version++) {
    const changes: TextChange[] = [];
    let next = text;
    for (let k = 0, n = 1 + rnd(3); k < n; k++) {
      const offset = rnd(next.length);
      const c = { offset, deleteLength: Math.min(rnd(4), next.length - offset), text: pieces[rnd(pieces.length)] };
      changes.push(c);
      next = edit(next, c);
    }
    doc = updateDocument(doc, version, next, changes);
    text = next;
    assertSameAsFullParse(doc, text);
    // Keep the document mostly well-formed, so the incremental path (not only the fallback) is exercised.
    if (version % 10 === 0) {
      text = group;
      doc = createDocument('file:///g.json', version, text);
    }
  }
});

test('incremental tree: the previous value is not changed (copied along the edited path)', () => {
  const prev = createDocument('file:///g.json', 1, group);
  const before = JSON.stringify(prev.value);
  const c = { offset: at('"mem": 130') + 9, deleteLength: 1, text: '7' };
  const next = updateDocument(prev, 2, edit(group, c), [c]);
  assert.equal(JSON.stringify(prev.value), before);
  assert.notEqual(next.value, prev.value);
  assert.equal((prev.value as { apps: unknown[] }).apps[3], (next.value as { apps: unknown[] }).apps[3], 'untouched apps are shared');
});

test('incremental tree: in a document whose brackets do not balance, an edit that makes a key outdent agrees with a full parse', () => {
  // The layout decides where a missing `}` went (features/indentation.ts) from the whole text: an edit that is valid
  // JSON on its own can still change that decision outside it.
  const text = '{\n  "container": {\n    "docker": {"image": "a"}\n  },\n  "labels": {"x": "y"\n}';
  const from = '{"image": "a"}';
  const change: TextChange = { offset: text.indexOf(from), deleteLength: from.length, text: '{"image": "a",\n  "b": 1}' };
  const prev = createDocument('file:///open.json', 1, text);
  const after = edit(text, change);
  assertSameAsFullParse(updateDocument(prev, 2, after, [change]), after);
});

test('incremental tree: where a `]` closed an open `{`, an edit that makes a key outdent agrees with a full parse', () => {
  const text = '{\n  "a": [\n    {\n      "x": 1\n  ],\n  "b": {\n    "c": {"d": 1}\n  }\n}';
  const from = '{"d": 1}';
  const change: TextChange = { offset: text.indexOf(from), deleteLength: from.length, text: '{"d": 1,\n  "e": 2}' };
  const prev = createDocument('file:///unbalanced.json', 1, text);
  const after = edit(text, change);
  assertSameAsFullParse(updateDocument(prev, 2, after, [change]), after);
});
