/**
 * A user types a command with quotes into an empty file, one character at a time, over stdio (pull diagnostics, as
 * syntaxUnclosed.test.ts does): from the first character after the '"' that ends the string early, the one syntax
 * diagnostic stands on that quote and says to escape it (core/strayQuote.ts, docs/rules/syntax.md), also before the
 * string's own closing '"' is typed; it never says a ',' is missing, which before a bare word repairs nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { posOfOffset } from './editorText';
import { pullModeServer } from './lspClient';

const server = pullModeServer();
const pull = server.pull;

// `‸` marks the quote that ends the string early; the rest is typed after it, up to the end of the line.
const typed = [
  { name: 'a shell command', text: '{\n  "id": "/a",\n  "cmd": "sh -c ‸"echo hi""' },
  { name: 'JSON inside an environment variable, minified', text: '{"id":"/a","env":{"J":"{‸"k": "v"}"' },
  { name: 'a quoted Windows path', text: '{\n  "id": "/a",\n  "cmd": "type ‸"C:\\tmp\\a.txt"",' },
];

for (const t of typed) {
  test(`typing ${t.name}: each keystroke after the quote is diagnosed at the quote, never as a ',' missing`, async () => {
    const uri = `file:///tmp/stray-quote/${t.name.replace(/\W+/g, '-')}.json`;
    const quote = t.text.indexOf('‸');
    const text = t.text.replace('‸', '');
    await server.client.open(uri, '', 1);
    let version = 1;
    for (let end = quote + 2; end <= text.length; end++) {
      const now = text.slice(0, end);
      await server.client.change(uri, now, ++version);
      const items = await pull(uri);
      const at = JSON.stringify(now);
      assert.equal(items.length, 1, `${at}: ${JSON.stringify(items)}`);
      assert.deepEqual(items[0].range.start, posOfOffset(now, quote), `${at}: ${items[0].message}`);
      assert.match(items[0].message, /ends the string early/, at);
      assert.doesNotMatch(items[0].message, /A ',' is probably missing/, at);
    }
    await server.client.close(uri);
  });
}
