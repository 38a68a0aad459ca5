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
