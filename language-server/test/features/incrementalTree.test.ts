import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
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
  // Whether the next edit may be followed depends on it (incrementalTree.ts).
  assert.equal(updated.tree?.unbalanced, full.tree?.unbalanced, 'unbalanced flag');
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
  ['half-typed key, its quote left open', { offset: at('"cpus"', 2), deleteLength: 0, text: '"ins' }],
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

/** The first app's object node: an edit elsewhere that is followed, not re-parsed in full, leaves it the same object. */
const firstApp = (doc: EditorDocument) => doc.tree!.children![1].children![1].children![0];

// What completion sees while a key is typed (the text is not JSON then): only the app being typed in is re-parsed.
const typing: [string, TextChange][] = [
  ['a key on a line of its own, quotes closed by the editor', { offset: at('"cpus"', 2), deleteLength: 0, text: '"ins"\n      ' }],
  ['a key with its colon, no value yet', { offset: at('"cpus"', 2), deleteLength: 0, text: '"instances": \n      ' }],
  ['a key with its quote left open', { offset: at('"cpus"', 2), deleteLength: 0, text: '"ins\n      ' }],
  ['a comma after the last property', { offset: at('"cmd"', 3) + '"cmd": "sleep 1"'.length, deleteLength: 0, text: ',' }],
  ['a key in an object nested in the app', { offset: at('"A": "b"', 2), deleteLength: 0, text: '"B" ' }],
  ['a key in an app of a nested group', { offset: at('"cpus"', 5), deleteLength: 0, text: '"c"\n      ' }],
];

for (const [name, change] of typing) {
  test(`incremental tree: typing, ${name}: only the enclosing object is re-parsed`, () => {
    const prev = createDocument('file:///g.json', 1, group);
    const untouched = firstApp(prev);
    const text = edit(group, change);
    const next = updateDocument(prev, 2, text, [change]);
    assertSameAsFullParse(next, text);
    assert.equal(firstApp(next), untouched, 'the first app was parsed again');
  });
}

// Texts the tolerant parser reads with a recovery whose result depends on more than one object: an edit must agree
// with a full parse there too (the full parse is what they get).
const recovered: [string, string, TextChange][] = [
  // `"x":` in the array closes it early (keyInArray, jsonTree.ts) and the `]` that was its own closes nothing.
  ['a key in an array, its closer left over', '{"o": {"a": ["x": 1}, "b": 2], "p": {"q": 1}}', { offset: '{"o": {"a": '.length, deleteLength: 1, text: '' }],
  ['the same, edited elsewhere', '{"o": {"a": ["x": 1}, "b": 2], "p": {"q": 1}}', { offset: '{"o": {"a": ["x": 1}, "b": 2], "p": {"q": 1'.length, deleteLength: 0, text: ', "r' }],
  ['a quote that swallows the closer', '{"a": {"b": 1}, "c": {"d": 2}}', { offset: '{"a": {"b": 1'.length, deleteLength: 0, text: ', "' }],
  ['a bracket typed without its pair', '{"a": {"b": 1}, "c": {"d": 2}}', { offset: '{"a": {"b": 1'.length, deleteLength: 0, text: ', "e": [' }],
  ['a closer typed twice', '{"a": {"b": 1}, "c": {"d": 2}}', { offset: '{"a": {"b": 1'.length, deleteLength: 0, text: '}' }],
  ['a comment left open', '{"a": {"b": 1}, "c": {"d": 2}}', { offset: '{"a": {"b": 1'.length, deleteLength: 0, text: ' /* ' }],
  ['a key typed in an array of objects', '{"a": [{"b": 1}, {"c": 2}]}', { offset: '{"a": [{"b": 1}, '.length, deleteLength: 0, text: '"k": ' }],
];

for (const [name, text, change] of recovered) {
  test(`incremental tree: after a recovery, ${name}: agrees with a full parse`, () => {
    const prev = createDocument('file:///r.json', 1, text);
    const after = edit(text, change);
    assertSameAsFullParse(updateDocument(prev, 2, after, [change]), after);
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

test('incremental tree: random typing (keys, quotes, brackets, comments), version after version, agrees with full parses', () => {
  // What a user types into a group: the tolerant re-parse of one object must give what a full parse gives, and so
  // must every later edit that starts from its result (no reset between versions).
  const pieces = ['"', '""', '"k"', '"k": ', '"k": 1', ':', ',', ' ', '\n', '1', 'x', '{', '}', '[', ']', '{}', '[]', '/*', '*/', '//', '\\', '"a": {"b": [1, {"c": 2}]}, '];
  fc.assert(
    fc.property(fc.array(fc.record({ at: fc.nat(), del: fc.nat({ max: 3 }), ins: fc.constantFrom(...pieces) }), { minLength: 1, maxLength: 30 }), (edits) => {
      let text = group;
      let doc = createDocument('file:///g.json', 1, text);
      let version = 1;
      for (const e of edits) {
        const offset = e.at % (text.length + 1);
        const c = { offset, deleteLength: Math.min(e.del, text.length - offset), text: e.ins };
        text = edit(text, c);
        doc = updateDocument(doc, ++version, text, [c]);
        assertSameAsFullParse(doc, text);
      }
    }),
    { numRuns: 150 },
  );
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
