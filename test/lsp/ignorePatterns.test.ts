/**
 * A definition that the governing marathon-lint.config.json's `ignorePatterns` leaves out gets no findings in the
 * editor, as marathon-lint lints nothing of it (project/ignorePatterns.ts); dropping the pattern from the config on
 * disk brings its findings back, and a file beside it that no pattern names is linted throughout.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startClient } from './lspClient';

const app = (id: string) => `{ "id": "${id}", "cmd": "python3 -m http.server 8080", "cpus": "0.1", "mem": 64, "instances": 1 }`;

test('push: a definition under an ignorePatterns directory gets no findings until the pattern is dropped; its neighbour does throughout', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lsp-ignore-'));
  const configPath = join(dir, 'marathon-lint.config.json');
  writeFileSync(configPath, '{ "ignorePatterns": ["fixtures/", "!never-matters.json"] }');
  mkdirSync(join(dir, 'fixtures'));
  const ignoredUri = pathToFileURL(join(dir, 'fixtures', 'broken.json')).href;
  const lintedUri = pathToFileURL(join(dir, 'web.json')).href;
  const c = await startClient();
  try {
    const onLinted = c.waitDiagnostics(lintedUri, (p) => p.diagnostics.length > 0);
    await c.open(ignoredUri, app('/broken'));
    await c.open(lintedUri, app('/web'));
    assert.deepEqual((await onLinted).diagnostics.map((d) => d.code), ['schema'], 'the file no pattern names is linted');
    await new Promise((r) => setTimeout(r, 400)); // past the server's debounce: the ignored file has had its chance
    assert.deepEqual(c.published.filter((p) => p.uri === ignoredUri && p.diagnostics.length > 0), [], 'nothing on the ignored file');
    const pulled = (await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: ignoredUri } }).catch(() => ({ items: [] }))) as { items?: unknown[] };
    assert.deepEqual(pulled.items ?? [], [], 'nothing pulled either');

    const back = c.waitDiagnostics(ignoredUri, (p) => p.diagnostics.length > 0);
    writeFileSync(configPath, '{ "ignorePatterns": [] }');
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configPath).href, type: 2 }] });
    assert.deepEqual((await back).diagnostics.map((d) => d.code), ['schema'], 'linted once the pattern is gone');
  } finally {
    assert.equal(await c.shutdown(), 0);
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The first marathon/status from the `from`th on (already received or next) that satisfies pred. */
async function waitStatus(statuses: any[], from: number, pred: (s: any) => boolean, timeoutMs = 10_000): Promise<any> {
  for (const until = Date.now() + timeoutMs; Date.now() < until; await new Promise((r) => setTimeout(r, 20))) {
    const s = statuses.slice(from).find(pred);
    if (s) return s;
  }
  throw new Error(`no matching marathon/status within ${timeoutMs} ms; got ${JSON.stringify(statuses)}`);
}

for (const mode of ['push', 'pull'] as const) {
  test(`${mode}: an open definition the config's ignorePatterns comes to cover gets a marathon/status saying so, not the stale one; dropping the pattern brings a validation status back`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lsp-ignore-status-'));
    const configPath = join(dir, 'marathon-lint.config.json');
    const configUri = pathToFileURL(configPath).href;
    writeFileSync(configPath, '{ "ignorePatterns": [] }');
    const uri = pathToFileURL(join(dir, 'web.json')).href;
    const c = await startClient({ pull: mode === 'pull' });
    const pull = () => c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as Promise<{ items: any[] }>;
    try {
      const linted = mode === 'push' ? c.waitDiagnostics(uri, (p) => p.diagnostics.length > 0) : undefined;
      await c.open(uri, app('/web'));
      if (linted) await linted;
      else assert.deepEqual((await pull()).items.map((d) => d.code), ['schema']);
      const first = await waitStatus(c.statuses, 0, (s) => s.uri === uri);
      assert.equal(first.diagnostics, 1);
      assert.equal(first.ignoredBy, undefined);

      const seen = c.statuses.length;
      const cleared = mode === 'push' ? c.waitDiagnostics(uri, (p) => p.diagnostics.length === 0) : undefined;
      writeFileSync(configPath, '{ "ignorePatterns": ["web.json"] }');
      await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
      if (cleared) await cleared;
      else assert.deepEqual((await pull()).items, []);
      const ignored = await waitStatus(c.statuses, seen, (s) => s.uri === uri);
      assert.equal(ignored.ignoredBy, 'web.json', JSON.stringify(ignored));
      assert.equal(ignored.diagnostics, 0);
      assert.ok(!Number.isNaN(Date.parse(ignored.lastValidated)));

      // Typing in the ignored document says nothing more: the status already says it is left out.
      const after = c.statuses.length;
      await c.change(uri, app('/web2'), 2);
      if (mode === 'pull') assert.deepEqual((await pull()).items, []);
      else await new Promise((r) => setTimeout(r, 400)); // past the push debounce
      assert.deepEqual(c.statuses.slice(after).filter((s) => s.uri === uri), []);

      const again = c.statuses.length;
      writeFileSync(configPath, '{ "ignorePatterns": [] }');
      await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
      if (mode === 'pull') assert.deepEqual((await pull()).items.map((d) => d.code), ['schema']);
      const back = await waitStatus(c.statuses, again, (s) => s.uri === uri);
      assert.equal(back.ignoredBy, undefined);
      assert.equal(back.diagnostics, 1);
    } finally {
      assert.equal(await c.shutdown(), 0);
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
