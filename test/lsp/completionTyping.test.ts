/**
 * Completion as a user types over stdio: the cursor goes where a user asks for completion (after a value whose comma
 * is not typed yet, on a blank line above a `$schema`, in arrays and nested objects, with CRLF, tabs and non-ASCII
 * text), every item offered is accepted as an editor applies it (its textEdit, or its insertText over the word before
 * the cursor, and its additionalTextEdits), and the result must be strict JSON that keeps every key it had.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as jsonc from 'jsonc-parser';
import { applyEdits, cursor, positionAt, startClient, type TestClient } from './lspClient';
import { expandSnippet } from '../../language-server/test/features/snippetExpansion';

let c: TestClient;
before(async () => {
  c = await startClient();
});
after(async () => {
  assert.equal(await c.shutdown(), 0);
});

const pod = 'https://marathon-devtools.github.io/schema/marathon-pod.schema.json';
const app = 'https://marathon-devtools.github.io/schema/marathon-app.schema.json';
const volume = '"container": {"type": "MESOS", "volumes": [{"containerPath": "d", "mode": "RW", "external": {"name": "n", "provider": "dvdi", "options": {"dvdi/driver": "rexray"';

// [what the user does, the document with `|` at the cursor]
const cases: [string, string][] = [
  ['a key after the last value, its comma not typed yet', '{"id": "/a", "cmd": "x" |}'],
  ['a key on a new line after the last value (LF)', '{\n  "id": "/a",\n  "cmd": "x"\n  |\n}'],
  ['a key on a new line after the last value (CRLF)', '{\r\n  "id": "/a",\r\n  "cmd": "x"\r\n  |\r\n}'],
  ['a key on a new line after the last value (tabs, non-ASCII)', '{\n\t"id": "/a",\n\t"cmd": "echo äé😀"\n\t|\n}'],
  ['a key after a nested object', '{"id": "/a", "cmd": "x", "upgradeStrategy": {"minimumHealthCapacity": 1}\n|\n}'],
  ['a key inside a nested object after its last value', '{"id": "/a", "cmd": "x", "upgradeStrategy": {"minimumHealthCapacity": 1 |}}'],
  ['an option key after dvdi/driver', `{"id": "/a", "cmd": "x", ${volume}\n|}}}]}}`],
  ['an array item after the last item', '{"id": "/a", "cmd": "x", "constraints": [["hostname", "UNIQUE"] |]}'],
  ['an array item on a new line after the last item (CRLF)', '{"id": "/a", "cmd": "x", "constraints": [\r\n  ["hostname", "UNIQUE"]\r\n  |\r\n]}'],
  ['a dependency after the last one', '{"id": "/a", "cmd": "x", "dependencies": ["/b" |]}'],
  ['a skeleton on a blank line above $schema', `{\n  |\n  "$schema": "${pod}"\n}`],
  ['a skeleton at the opening quote of $schema', `{|"$schema": "${pod}"}`],
  ['a skeleton above $schema (CRLF, tabs)', `{\r\n\t|\r\n\t"$schema": "${app}"\r\n}`],
  ['a skeleton after $schema, its comma not typed yet', `{"$schema": "${pod}" |}`],
  // These held before: kept so that a fix for the ones above does not break them.
  ['a key after a comma', '{"id": "/a", "cmd": "x", |}'],
  ['a key before a property', '{"id": "/a",| "cmd": "x"}'],
  ['a key at the opening quote of a property', '{"id": "/a", |"cmd": "x"}'],
  ['a key typed without its closing quote (CRLF)', '{\r\n  "id": "/a",\r\n  "cmd": "x",\r\n  "c|\r\n}'],
  ['a value typed without its closing quote after non-ASCII', '{"id": "/a", "cmd": "😀😀", "container": {"type": "D|}}'],
  ['an array item after a comma', '{"id": "/a", "cmd": "x", "constraints": [["hostname", "UNIQUE"], |]}'],
  ['an array item before an item', '{"id": "/a", "cmd": "x", "constraints": [|["hostname", "UNIQUE"]]}'],
  ['a value after the colon', '{"id": "/a", "cmd": "x", "requirePorts": |}'],
  ['a skeleton in an empty object', '{\n\t|\n}'],
  ['a skeleton after $schema and its comma', `{"$schema": "${pod}", |}`],
];

function keys(text: string): string[] {
  const out: string[] = [];
  const visit = (n: jsonc.Node | undefined) => {
    if (!n) return;
    if (n.type === 'property') out.push(String(n.children![0].value));
    for (const child of n.children ?? []) visit(child);
  };
  visit(jsonc.parseTree(text));
  return out.sort();
}

function accept(text: string, offset: number, item: any): string {
  const body = (t: string) => (item.insertTextFormat === 2 ? expandSnippet(t) : t);
  const edits: { range: any; newText: string }[] = [...(item.additionalTextEdits ?? [])];
  if (item.textEdit) edits.push({ range: item.textEdit.range, newText: body(item.textEdit.newText) });
  else {
    // VS Code's JSON word pattern: the word before the cursor is replaced.
    let start = offset;
    while (start > 0 && /[^[{\]}:",\s]/.test(text[start - 1])) start--;
    edits.push({ range: { start: positionAt(text, start), end: positionAt(text, offset) }, newText: body(item.insertText ?? item.label) });
  }
  return applyEdits(text, edits);
}

test('every item accepted where a user asks for completion leaves strict JSON with every key it had', async () => {
  const problems: string[] = [];
  let n = 0;
  for (const [what, marked] of cases) {
    const { text, offset } = cursor(marked);
    const uri = `file:///tmp/lsp-typing/${n++}.json`;
    await c.open(uri, text);
    const list: any = await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: positionAt(text, offset) });
    await c.close(uri);
    const items: any[] = Array.isArray(list) ? list : list.items;
    if (items.length === 0) problems.push(`${what}: nothing offered`);
    // The keys the document had (a key being typed, which its item replaces, aside).
    const had = keys(text).filter((k) => !/^c$/.test(k));
    for (const item of items) {
      const after = accept(text, offset, item);
      try {
        JSON.parse(after);
      } catch (e) {
        problems.push(`${what}: accepting ${JSON.stringify(item.label)} leaves ${JSON.stringify(after)} (${(e as Error).message})`);
        continue;
      }
      const now = keys(after);
      const lost = had.filter((k) => !now.includes(k));
      if (lost.length > 0) problems.push(`${what}: accepting ${JSON.stringify(item.label)} loses ${lost.join(', ')}: ${JSON.stringify(after)}`);
    }
  }
  assert.equal(problems.length, 0, `${problems.length} problems:\n${problems.join('\n')}`);
});
