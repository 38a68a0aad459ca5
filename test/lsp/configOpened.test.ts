/**
 * Opening `marathon-lint.config.json` itself in the editor: it configures the linter and is not a definition, so it
 * never gets the unknown-kind info ("an object without the expected fields") that any other object would, neither
 * pushed nor pulled, nor when a `marathon.files` glob such as "**" + "/*.json" matches it. Its own problems are
 * shown on it, as `config` findings with a position (configProblems.test.ts has the broken-config cases read from
 * disk, configEdited.test.ts those of the text being edited).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startClient, positionAt } from './lspClient';

// One finding (app-cmd-length), so the server publishes for it.
const app = '{ "id": "/web", "cmd": "x", "cpus": 0.1, "mem": 64, "instances": 1 }';
const validConfig = '{ "marathonVersion": "1.10", "rules": { "dvdi-single-instance": "warning" } }';
const unknownRule = '{ "marathonVersion": "1.10", "rules": { "no-such-rule": "off" } }';

for (const files of [[], ['**/*.json']]) {
  test(`the config opened alone (push, marathon.files ${JSON.stringify(files)}) gets no unknown-kind finding`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lsp-config-open-'));
    const c = await startClient({ settings: () => ({ files }) });
    try {
      const configPath = join(dir, 'marathon-lint.config.json');
      const configUri = pathToFileURL(configPath).href;
      writeFileSync(configPath, validConfig);
      await c.open(configUri, validConfig);
      // A definition opened after it: once its findings are in, the server has handled the config's didOpen too.
      const appUri = pathToFileURL(join(dir, 'app.json')).href;
      const onApp = c.waitDiagnostics(appUri);
      await c.open(appUri, app);
      assert.deepEqual((await onApp).diagnostics.map((d) => d.code), ['app-cmd-length']);
      const onConfig = c.published.filter((p) => p.uri === configUri).flatMap((p) => p.diagnostics);
      assert.deepEqual(onConfig, [], 'nothing on a valid config');
    } finally {
      assert.equal(await c.shutdown(), 0);
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('the config pulled gets no unknown-kind finding; its own problems are config findings with a position', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lsp-config-open-'));
  const c = await startClient({ pull: true, settings: () => ({ files: ['**/*.json'] }) });
  try {
    const configPath = join(dir, 'marathon-lint.config.json');
    const configUri = pathToFileURL(configPath).href;
    const ask = async (uri: string) => ((await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as any).items as any[];
    writeFileSync(configPath, validConfig);
    await c.open(configUri, validConfig);
    assert.deepEqual(await ask(configUri), []);

    // A config with a problem, and a definition under it: the config's pull answers its own finding, from the
    // edited text (configEdited.test.ts), a config finding with a position and never a definition's.
    writeFileSync(configPath, unknownRule);
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    await c.change(configUri, unknownRule, 2);
    const appUri = pathToFileURL(join(dir, 'app.json')).href;
    await c.open(appUri, app);
    assert.deepEqual((await ask(appUri)).map((d) => d.code), ['app-cmd-length']);
    const pulled = await ask(configUri);
    assert.deepEqual(pulled.map((d) => d.code), ['config']);
    assert.deepEqual(pulled[0].range.start, positionAt(unknownRule, unknownRule.indexOf('"no-such-rule"')));
  } finally {
    assert.equal(await c.shutdown(), 0);
    rmSync(dir, { recursive: true, force: true });
  }
});
