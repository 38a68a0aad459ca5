/**
 * A broken `marathon-lint.config.json` while documents are open. The user must see it where they look
 * (the Problems list, on the config file itself, with a position; once as a message), not only in the log;
 * and the findings must go away when the config is fixed or deleted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startClient, positionAt } from './lspClient';

const app = '{ "id": "/web", "cmd": "python3 -m http.server 8080", "cpus": 0.1, "mem": 64, "instances": 1 }';

test('config problems are published on the config file, shown once, and cleared when fixed or deleted', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lsp-config-'));
  const c = await startClient();
  try {
    const configPath = join(dir, 'marathon-lint.config.json');
    const configUri = pathToFileURL(configPath).href;
    const changed = (type: number) => c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type }] });

    // Invalid JSON, present before the document is opened.
    const broken = '{\n  "marathonVersion": "1.10",\n  "rules": {\n}';
    writeFileSync(configPath, broken);
    const docUri = pathToFileURL(join(dir, 'app.json')).href;
    const onConfig = c.waitDiagnostics(configUri, (p) => p.diagnostics.length > 0);
    await c.open(docUri, app);
    const first = await onConfig;
    assert.equal(first.diagnostics[0].severity, 1);
    assert.equal(first.diagnostics[0].code, 'config');
    assert.equal(first.diagnostics[0].source, 'marathon');
    assert.match(first.diagnostics[0].message, /valid JSON/);
    // The last '}' stands where the config's own '}' belongs: the indentation says "rules" was never closed. The
    // finding is at its '{'; the end, where the parser gave up, is related (docs/rules/syntax.md).
    assert.deepEqual(first.diagnostics[0].range.start, { line: 2, character: 11 }, 'at the \'{\' of "rules"');
    assert.equal(first.diagnostics[0].relatedInformation?.[0].location.range.start.line, 3, 'where the parser gave up: the end of the truncated text');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(c.messages.length, 1, 'one message for one broken config');
    assert.match(c.messages[0].message, /marathon-lint\.config\.json/);

    // Fixed: the config's findings are cleared.
    let cleared = c.waitDiagnostics(configUri, (p) => p.diagnostics.length === 0);
    writeFileSync(configPath, '{ "marathonVersion": "1.10" }');
    await changed(2);
    await cleared;

    // An unknown rule id: a finding on the key, with its position.
    const unknownRule = '{ "rules": { "no-such-rule": "off" } }';
    // (The server may still be re-reading the previous version and catch the file mid-write: wait for this one.)
    const onKey = c.waitDiagnostics(configUri, (p) => p.diagnostics.some((d) => d.message.includes('no-such-rule')));
    writeFileSync(configPath, unknownRule);
    await changed(2);
    const keyed = await onKey;
    assert.deepEqual(keyed.diagnostics[0].range.start, positionAt(unknownRule, unknownRule.indexOf('"no-such-rule"')));
    assert.match(keyed.diagnostics[0].message, /unknown rule id "no-such-rule": no rule has it, so what is set for it applies to nothing\. /);
    // What the editor does meanwhile is said by the editor (the CLI lints nothing under this config instead).
    assert.match(keyed.diagnostics[0].message, /Until it is fixed, documents under this config are linted with the defaults in place of what is wrong\.$/);

    // Deleted while the document is open: the findings of a file that no longer exists go away.
    cleared = c.waitDiagnostics(configUri, (p) => p.diagnostics.length === 0);
    unlinkSync(configPath);
    await changed(3);
    await cleared;
    await c.waitDiagnostics(docUri, () => true, 2000).catch(() => undefined);
    assert.ok(!c.logs.some((l) => /\n\s+at /.test(l)), 'no stack trace in the log');
  } finally {
    assert.equal(await c.shutdown(), 0);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the message about a broken config says once what happens meanwhile', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lsp-config-'));
  const c = await startClient();
  try {
    const configPath = join(dir, 'marathon-lint.config.json');
    const docUri = pathToFileURL(join(dir, 'app.json')).href;
    const problems: string[] = [];
    for (const [what, config] of [
      ['invalid JSON', '{ "rules": '],
      ['an unknown rule id', '{ "rules": { "no-such-rule": "off" } }'],
      ['two problems', '{ "rules": { "no-such-rule": "off", "app-id-pattern": "loud" } }'],
    ]) {
      writeFileSync(configPath, config);
      const before = c.messages.length;
      await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configPath).href, type: 2 }] });
      if (what === 'invalid JSON') await c.open(docUri, app);
      for (let i = 0; i < 50 && c.messages.length === before; i++) await new Promise((r) => setTimeout(r, 50));
      const message = c.messages[before]?.message ?? '';
      const meanwhile = message.match(/Until it is fixed/g)?.length ?? 0;
      if (meanwhile !== 1) problems.push(`${what}: ${JSON.stringify(message)}`);
    }
    assert.deepEqual(problems, []);
  } finally {
    assert.equal(await c.shutdown(), 0);
    rmSync(dir, { recursive: true, force: true });
  }
});
