/**
 * An unclosed '{', '[' or string over stdio (pull diagnostics): the diagnostic is at the opener, and where the parser
 * gave up is its relatedInformation, in the same document (docs/rules/syntax.md). Then a user types a group into an
 * empty file, one character at a time (LF and CRLF): no diagnostic ever points past the text, and none at a wrong
 * line: a "never closed" one stands on the '{', '[' or '"' that is open at that moment (the innermost), any other at
 * the line being typed, and where the parser gave up is always the line being typed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { posInside, posOfOffset } from './editorText';
import { pullModeServer } from './lspClient';

const server = pullModeServer();
const pull = server.pull;

test("a '{' left open in the middle of an app: the diagnostic is on it, the end of the file is related", async () => {
  const uri = 'file:///tmp/unclosed/web.json';
  const text = '{\n  "id": "/web",\n  "cmd": "./web",\n  "labels": {\n    "team": "shop",\n  "cpus": 0.1,\n  "mem": 64\n}\n';
  await server.client.open(uri, text);
  const [d, ...rest] = await pull(uri);
  assert.equal(rest.length, 0);
  assert.equal(d.code, 'syntax');
  assert.deepEqual(d.range, { start: { line: 3, character: 12 }, end: { line: 3, character: 13 } });
  assert.match(d.message, /^Invalid JSON: the '\{' of "labels" opened at line 4, column 13, never closed\. The parser gave up at line 9, column 1: /);
  assert.match(d.message, /Close it with '\}' at line 5, column 19\./);
  assert.deepEqual(d.relatedInformation, [
    { location: { uri, range: { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } } }, message: "The parser gave up here: expected ',' or '}', found the end of the document." },
  ]);
  await server.client.close(uri);
});

test('a finding with nothing related has no relatedInformation', async () => {
  const uri = 'file:///tmp/unclosed/comma.json';
  await server.client.open(uri, '{\n  "id": "/web"\n  "cmd": "./web"\n}\n');
  const [d] = await pull(uri);
  assert.match(d.message, /A ',' is probably missing/);
  assert.equal(d.relatedInformation, undefined);
  await server.client.close(uri);
});

const group = `{
  "id": "/shop",
  "labels": { "team": "shop" },
  "apps": [
    {
      "id": "web",
      "cmd": "python3 -m http.server 8080",
      "cpus": 0.1,
      "mem": 64,
      "env": {
        "MODE": "live"
      },
      "args": [
        "--verbose",
        "--port", "8080"
      ],
      "instances": 1
    }
  ]
}
`;

/** What is open at the end of `text`, a prefix of valid JSON: the string being typed, else the innermost bracket. */
function openAtEnd(text: string): number | undefined {
  const brackets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (i >= text.length) return start;
    } else if (text[i] === '{' || text[i] === '[') brackets.push(i);
    else if (text[i] === '}' || text[i] === ']') brackets.pop();
  }
  return brackets.at(-1);
}

for (const [eol, name] of [['\n', 'LF'], ['\r\n', 'CRLF']] as const) {
  test(`typing a group into an empty file character by character (${name}): every diagnostic points at the right line`, async () => {
    const uri = `file:///tmp/unclosed/typed-${name}.json`;
    const full = group.replace(/\n/g, eol);
    await server.client.open(uri, '');
    let neverClosed = 0;
    for (let k = 1; k <= full.length; k++) {
      const text = full.slice(0, k);
      const end = posOfOffset(text, text.length);
      const at = posOfOffset(full.slice(0, k - 1), k - 1); // the end of the text before this keystroke
      await server.client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: k + 1 }, contentChanges: [{ range: { start: at, end: at }, text: full[k - 1] }] });
      const items = await pull(uri);
      const where = `after typing ${JSON.stringify(text.slice(-30))} (${k} of ${full.length})`;
      if (k === full.length) assert.deepEqual(items.filter((d) => d.code === 'syntax'), [], where);
      for (const d of items) {
        assert.ok(posInside(text, d.range.start) && posInside(text, d.range.end), `${where}: ${JSON.stringify(d.range)} lies past the text`);
        for (const r of d.relatedInformation ?? []) {
          assert.equal(r.location.uri, uri);
          assert.ok(posInside(text, r.location.range.end), `${where}: related ${JSON.stringify(r.location.range)} lies past the text`);
          assert.equal(r.location.range.start.line, end.line, `${where}: the parser gave up on the line being typed`);
        }
        if (d.code !== 'syntax') continue;
        if (d.message.includes('never closed')) {
          neverClosed++;
          const open = openAtEnd(text);
          assert.notEqual(open, undefined, `${where}: nothing is open, but ${d.message}`);
          assert.deepEqual(d.range.start, posOfOffset(text, open!), `${where}: ${d.message}`);
          assert.equal(d.relatedInformation?.length, 1, where);
        } else {
          assert.equal(d.range.start.line, end.line, `${where}: ${d.message}`);
        }
      }
    }
    assert.ok(neverClosed > full.length / 2, `only ${neverClosed} prefixes were reported as never closed`);
    await server.client.close(uri);
  });
}

// A string typed as an element above another says what it says typed as the last one (and, in an object, as a value
// above the next property): never closed, at its opening quote; not "write a line break as \n" at the line's end.
for (const [name, before, typed] of [
  ['on one line', '{"id":"/a","cmd":"x","args":[\n  "--verbose"\n]}', '"a",'],
  ['pretty-printed, on a line of its own (CRLF)', '{\r\n  "id": "/a",\r\n  "cmd": "x",\r\n  "args": [\r\n    "--verbose"\r\n  ]\r\n}\r\n', '\r\n    "a",'],
] as const) {
  test(`typing a string as the middle element of an array, key by key (${name}): never closed, at its opening quote`, async () => {
    const at = before.indexOf('[') + 1; // typed right after the array's '['
    const uri = `file:///tmp/unclosed/middle-element-${at}.json`;
    const last = `file:///tmp/unclosed/last-element-${at}.json`;
    await server.client.open(uri, before);
    await server.client.open(last, before);
    let open = 0;
    for (let k = 1; k <= typed.length; k++) {
      const text = before.slice(0, at) + typed.slice(0, k) + before.slice(at);
      const pos = posOfOffset(before.slice(0, at) + typed.slice(0, k - 1), at + k - 1);
      await server.client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: k + 1 }, contentChanges: [{ range: { start: pos, end: pos }, text: typed[k - 1] }] });
      const items = (await pull(uri)).filter((d) => d.code === 'syntax');
      const where = `after typing ${JSON.stringify(typed.slice(0, k))}`;
      const quote = at + typed.indexOf('"');
      if (!(k > typed.indexOf('"') && k <= typed.lastIndexOf('"'))) continue; // the string is open only in between
      open++;
      assert.equal(items.length, 1, `${where}: ${JSON.stringify(items.map((d) => d.message))}`);
      assert.deepEqual(items[0].range.start, posOfOffset(text, quote), `${where}: ${items[0].message}`);
      assert.match(items[0].message, /^Invalid JSON: the string opened at line \d+, column \d+, never closed\. .*found a line break\..*Add the closing '"' where the string ends\.$/, where);
      // The same string as the array's last element: the same finding, word for word.
      const asLast = text.replace('"--verbose"', '');
      await server.client.conn.sendNotification('textDocument/didChange', { textDocument: { uri: last, version: k + 1 }, contentChanges: [{ text: asLast }] });
      const [l] = (await pull(last)).filter((d) => d.code === 'syntax');
      assert.equal(items[0].message, l?.message, where);
      assert.deepEqual(items[0].relatedInformation.map((r: any) => r.location.range), l?.relatedInformation.map((r: any) => r.location.range), where);
    }
    assert.equal(open, 2, 'the string was open after its quote and after "a"');
    await server.client.close(uri);
    await server.client.close(last);
  });
}
