/**
 * Bad input over the protocol: huge, deeply nested and non-JSON documents, requests for closed
 * documents, and random edit sequences (fast-check). After each, the server must still answer.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startClient, type TestClient } from './lspClient';

let c: TestClient;
before(async () => {
  c = await startClient({ pull: true });
});
after(async () => {
  assert.equal(await c.shutdown(), 0, 'server exits cleanly after all of it');
});

const pullItems = async (uri: string) => ((await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as any).items as any[];
const alive = async () => {
  const uri = 'file:///tmp/bad/alive.json';
  await c.open(uri, '{"id": "/Alive", "cmd": "x"}');
  assert.ok((await pullItems(uri)).length > 0, 'server still validates');
  await c.close(uri);
};

test('a 10 MB group is validated and every feature answers', async () => {
  const apps = [];
  // Size is summed per app: re-stringifying the whole array each time would be quadratic.
  for (let i = 0, size = 0; size < 10_000_000; i++) size += JSON.stringify(apps[apps.push({ id: `app-${i}`, cmd: 'sleep 1000', cpus: 0.1, mem: 64, labels: { team: 'x'.repeat(200) } }) - 1]).length;
  const text = JSON.stringify({ id: '/big', apps: [...apps, { id: 'Bad-Id', cmd: 'x' }] });
  const uri = 'file:///tmp/bad/big.json';
  await c.open(uri, text);
  const items = await pullItems(uri);
  assert.ok(items.length >= 1);
  const syms: any[] = await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  assert.ok(syms.length === 1);
  await c.close(uri);
});

test('10,000-deep nesting and non-JSON text do not take the server down', async () => {
  const deep = '{"id": "/deep", "apps": [' + '['.repeat(10_000) + ']'.repeat(10_000) + ']}';
  const deepObj = '{"id": "/d", "labels": ' + '{"a": '.repeat(10_000) + '1' + '}'.repeat(10_000) + '}';
  for (const [name, text] of [['deep', deep], ['deepObj', deepObj], ['garbage', '\u0000\uffff{{{"id": ]]] not json at all'], ['empty', '']]) {
    const uri = `file:///tmp/bad/${name}.json`;
    await c.open(uri, text);
    await pullItems(uri);
    const pos = { line: 0, character: Math.min(text.length, 5_000) };
    await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: pos });
    await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos });
    await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    await c.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } });
    await c.close(uri);
  }
  await alive();
});

test('requests for documents that were never opened or are closed get empty answers', async () => {
  const uri = 'file:///tmp/bad/never-opened.json';
  assert.deepEqual(await pullItems(uri), []);
  assert.equal(await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
  assert.deepEqual(((await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } })) as any).items, []);
  assert.deepEqual(await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
  assert.deepEqual(await c.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } }), []);
  // Positions past the end of an open document are clamped, not fatal.
  const open = 'file:///tmp/bad/short.json';
  await c.open(open, '{"id": "/a", "cmd": "x"}');
  await c.conn.sendRequest('textDocument/completion', { textDocument: { uri: open }, position: { line: 99, character: 99 } });
  await c.close(open);
  await alive();
});

test('random edit sequences (fast-check): diagnostics always match a fresh open of the final text', async () => {
  const base = '{"id": "/app", "cmd": "sleep 1", "instances": 1, "container": {"type": "MESOS", "volumes": []}}';
  const fragments = ['{', '}', '[', ']', '"', ':', ',', '"id"', '"/X"', '1e9', 'null', '"dvdi/driver"', ' ', '\n', '\\'];
  let n = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.record({ at: fc.nat(), del: fc.nat({ max: 5 }), ins: fc.constantFrom(...fragments) }), { minLength: 1, maxLength: 25 }),
      async (edits) => {
        const uri = `file:///tmp/bad/fuzz-${n++}.json`;
        let text = base;
        await c.open(uri, text);
        let v = 1;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.ins + text.slice(at + e.del);
          await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++v }, contentChanges: [{ text }] });
          // Interleave requests with edits, as an editor does.
          void c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: at } });
        }
        const afterEdits = await pullItems(uri);
        await c.close(uri);
        const fresh = `${uri}.fresh`;
        await c.open(fresh, text);
        // Related information (where a syntax error's parser gave up) is in the document itself, named by its URI.
        const expected = (await pullItems(fresh)).map((d) => (d.relatedInformation ? { ...d, relatedInformation: d.relatedInformation.map((r: any) => ({ ...r, location: { ...r.location, uri } })) } : d));
        await c.close(fresh);
        assert.deepEqual(afterEdits, expected);
      },
    ),
    { numRuns: 40 },
  );
  await alive();
});
