// A batch of apps (`PUT /v2/apps`, a JSON array: marathon-api.md §4) opened in an editor, over stdio with the real
// server bundle: the diagnostics sit on the element they are about (its line and column, `data.pointer` /<i>/…), the
// quick fix edits inside that element and clears its finding, and the outline and hover read each element as an app.
// With `marathon.cluster.url` (a stand-in Marathon over real HTTP), an element updating a deployed app is judged merged
// into it and one creating an app is judged whole.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, startClient, type TestClient } from './lspClient';
import { infoFor, startStandinMarathon } from '../standins/marathon/standin';
import { deployedUnderDb, dvdiApp } from '../cluster/deployedApps';

let c: TestClient;
before(async () => {
  c = await startClient();
});
after(async () => {
  assert.equal(await c.shutdown(), 0);
});

const batch = [
  '[',
  '  { "id": "/test/sleep60", "cpus": 0.3 },',
  '  {',
  '    "id": "/test/sleep120",',
  '    "cpus": "0.5",',
  '    "instanses": 2',
  '  },',
  '  { "instances": 3 }',
  ']',
  '',
].join('\n');

const summary = (ds: any[]) => ds.map((d) => [d.code, d.data?.pointer, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]);

test('an array of apps gets its findings on its elements; the partial update without "cmd" gets none', async () => {
  const uri = 'file:///tmp/lsp-app-batch/apps.json';
  const published = c.waitDiagnostics(uri);
  await c.open(uri, batch);
  const { diagnostics } = await published;
  assert.deepEqual(summary(diagnostics), [
    ['schema', '/1/cpus', 4, 12, 4, 17],
    ['unknown-property', '/1/instanses', 5, 4, 5, 15],
    ['app-batch', '/2', 7, 2, 7, 20],
  ]);
  // A JSON error in element 1 holds back Marathon's require on element 2: said, not hidden.
  assert.equal(diagnostics[2].severity, 3);
  assert.match(diagnostics[2].message, /App Update must have app id set.*Element 2 has no "id"/);
  await c.close(uri);
});

test('the quick fixes of an element edit only that element and clear their findings', async () => {
  const uri = 'file:///tmp/lsp-app-batch/fixes.json';
  const published = c.waitDiagnostics(uri);
  await c.open(uri, batch);
  const { diagnostics } = await published;
  const whole = { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } };
  const actions: any[] = await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics } });
  assert.deepEqual(actions.map((a) => [a.title, a.diagnostics[0].data?.pointer]), [
    ['Remove the quotes: 0.5', '/1/cpus'],
    ['Rename "instanses" to "instances"', '/1/instanses'],
  ]);
  let text = batch;
  for (const a of actions) {
    const edits = a.edit.changes[uri];
    for (const e of edits) assert.ok(e.range.start.line >= 2 && e.range.end.line <= 6, `${a.title}: edits element 1 only (lines 3-7), not ${JSON.stringify(e.range)}`);
    text = applyEdits(text, edits);
  }
  assert.equal(text, batch.replace('"0.5"', '0.5').replace('"instanses"', '"instances"'));
  const after = c.waitDiagnostics(uri, (p) => p.version === 2);
  await c.change(uri, text, 2);
  // What is left is element 2's missing id, now an error: no JSON error stands before it.
  assert.deepEqual(summary((await after).diagnostics), [['app-batch', '/2', 7, 2, 7, 20]]);
  assert.equal((await after).diagnostics[0].severity, 1);
  await c.close(uri);
});

test('outline and hover read each element as an app', async () => {
  const uri = 'file:///tmp/lsp-app-batch/outline.json';
  const published = c.waitDiagnostics(uri);
  await c.open(uri, batch);
  await published;
  const symbols: any[] = await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(symbols.map((s) => [s.name, s.detail]), [['/test/sleep60', 'app'], ['/test/sleep120', 'app'], ['(no id)', 'app']]);
  const hover: any = await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 30 } });
  assert.match(hover?.contents?.value ?? '', /\*\*cpus\*\*/);
  await c.close(uri);
});

test('with the cluster link: an update of a deployed app is judged merged into it, a new app whole', { timeout: 60_000 }, async () => {
  const m = await startStandinMarathon({ rootGroup: deployedUnderDb([dvdiApp('/db/pg', 'pgdata')]), info: infoFor('1.10.26', { features: ['external_volumes'] }) });
  const linked = await startClient({ settings: () => ({ cluster: { url: m.url, pollSeconds: 60 } }) });
  try {
    await linked.waitClusterStatus((st) => st.state === 'connected');
    const uri = 'untitled:apps.json';
    const text = '[\n  { "id": "/db/pg", "instances": 2 },\n  { "id": "/db/new", "instances": 1 }\n]\n';
    const published = linked.waitDiagnostics(uri, (p) => p.diagnostics.length === 2, 15_000);
    await linked.open(uri, text);
    const { diagnostics } = await published;
    assert.deepEqual(summary(diagnostics), [
      ['dvdi-single-instance', '/0/instances', 1, 33, 1, 34],
      ['app-cmd-args-container', '/1/cmd', 2, 2, 2, 37],
    ]);
  } finally {
    assert.equal(await linked.shutdown(), 0);
    await m.close();
  }
});
