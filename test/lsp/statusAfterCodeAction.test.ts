/**
 * A definition's first lint, made for a code action or a hover that VS Code asks for as the file opens (before it
 * pulls diagnostics), still gets its marathon/status (protocol.ts) when the diagnostics come from that lint: the
 * status bar showed nothing for the file, or the status of another one (extension/src/statusBar.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startClient } from './lspClient';

for (const first of ['textDocument/codeAction', 'textDocument/hover'] as const) {
  test(`pull: a file linted first for ${first} gets its marathon/status when its diagnostics are pulled`, async () => {
    const c = await startClient({ pull: true });
    try {
      const uri = `file:///tmp/status-after/${first.replace(/\W/g, '-')}.json`;
      await c.open(uri, JSON.stringify({ id: '/web', cmd: 'sleep 1', cpus: 0.1, mem: 32, instances: 1 }, null, 2));
      const range = { start: { line: 1, character: 3 }, end: { line: 1, character: 3 } };
      if (first === 'textDocument/codeAction') await c.conn.sendRequest(first, { textDocument: { uri }, range, context: { diagnostics: [] } });
      else await c.conn.sendRequest(first, { textDocument: { uri }, position: range.start });
      const report = (await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: unknown[] };
      // The notification is sent before the report: a ping round-trip lets it land.
      await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: 'file:///tmp/status-after/none.json' } }).catch(() => undefined);
      const statuses = c.statuses.filter((s) => s.uri === uri);
      assert.equal(statuses.length, 1, JSON.stringify(c.statuses));
      assert.equal(statuses[0].diagnostics, report.items.length);
      assert.equal(statuses[0].ignoredBy, undefined);
    } finally {
      assert.equal(await c.shutdown(), 0);
    }
  });
}
