/**
 * A new file that starts with a `$schema` (which completion offers first): the skeletons then offered are of the
 * kind that `$schema` names, and each, accepted as an editor inserts it, lints clean over stdio. A pod or a Chronos
 * job skeleton under an app's `$schema` is judged as an app (core/kind.ts: the `$schema` wins) and is all findings.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, cursor, positionAt, startClient, type TestClient } from './lspClient';
import { expandSnippet } from '../../language-server/test/features/snippetExpansion';

let c: TestClient;
before(async () => {
  c = await startClient({ pull: true });
});
after(async () => {
  assert.equal(await c.shutdown(), 0);
});

const schemas = ['marathon-app', 'marathon-pod', 'marathon-group', 'chronos-job'].map((k) => `https://marathon-devtools.github.io/schema/${k}.schema.json`);
let n = 0;

test('under a $schema, completion offers only skeletons of its kind, and each lints clean', async () => {
  const problems: string[] = [];
  for (const schema of schemas) {
    for (const layout of [`{\n  "$schema": "${schema}",\n  |\n}\n`, `{ "$schema": "${schema}", | }`]) {
      const { text, offset } = cursor(layout);
      const uri = `file:///tmp/lsp-skeletons/${n++}.json`;
      await c.open(uri, text);
      const list: any = await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: positionAt(text, offset) });
      await c.close(uri);
      const skeletons = list.items.filter((i: any) => i.kind === 15);
      if (skeletons.length === 0) problems.push(`${schema}: no skeleton offered`);
      for (const item of skeletons) {
        const body = expandSnippet(item.textEdit?.newText ?? item.insertText);
        const accepted = item.textEdit ? applyEdits(text, [{ range: item.textEdit.range, newText: body }]) : text.slice(0, offset) + body + text.slice(offset);
        const after = `file:///tmp/lsp-skeletons/${n++}.json`;
        await c.open(after, accepted);
        const items = ((await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: after } })) as any).items as any[];
        await c.close(after);
        const findings = items.filter((d) => d.severity <= 2).map((d) => `${d.code} ${d.data?.pointer}`);
        if (findings.length > 0) problems.push(`${schema.split('/').pop()}: "${item.label}" accepted gets ${findings.join(', ')}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});
