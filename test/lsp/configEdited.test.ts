/**
 * `marathon-lint.config.json` open in the editor gets its own findings from the text being edited (unsaved, not the
 * file on disk), as marathon-lint gives them for that file (rule id `config`, docs/rules/config.md), whether or not a
 * definition under it is open; they follow each keystroke and clear when fixed. Saving still re-reads the config
 * for the definitions under it (didSave), and does not replace the edited text's findings with the disk's.
 * Closing the config hands its findings back to the disk read (configProblems.test.ts). test/parity holds the
 * messages and ranges to the CLI's byte for byte.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startClient, positionAt } from './lspClient';

const app = '{ "id": "/web", "cmd": "python3 -m http.server 8080", "cpus": 0.1, "mem": 64, "instances": 1, "frobnicate": true }';
const onDisk = '{ "marathonVersion": "1.10" }';
const misspelt = '{ "marathonVersion": "1.10", "rules": { "unknown-propety": "off" } }';
const loud = '{ "marathonVersion": "1.10", "rules": { "unknown-property": "loud" } }';
const fixed = '{ "marathonVersion": "1.10", "rules": { "unknown-property": "off" } }';
const unknownMessage = 'unknown rule id "unknown-propety": no rule has it, so what is set for it applies to nothing. Did you mean "unknown-property"?';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'lsp-config-edit-'));
  const configPath = join(dir, 'marathon-lint.config.json');
  writeFileSync(configPath, onDisk);
  return { dir, configPath, configUri: pathToFileURL(configPath).href, appUri: pathToFileURL(join(dir, 'app.json')).href };
}

test('push: the config being edited shows its own findings as typed (not the disk), clears when fixed, and again on close', async () => {
  const { dir, configUri } = setup();
  const c = await startClient();
  try {
    let next = c.waitDiagnostics(configUri, (p) => p.diagnostics.length > 0);
    await c.open(configUri, misspelt);
    let shown = (await next).diagnostics;
    assert.deepEqual(shown.map((d) => [d.code, d.severity, d.message]), [['config', 1, unknownMessage]]);
    assert.deepEqual(shown[0].range.start, positionAt(misspelt, misspelt.indexOf('"unknown-propety"')));

    next = c.waitDiagnostics(configUri, (p) => p.version === 2);
    await c.change(configUri, loud, 2);
    shown = (await next).diagnostics;
    assert.deepEqual(shown.map((d) => d.message), ['the setting of rule "unknown-property" is "loud", but must be "off", "warning" or "error".']);
    assert.deepEqual(shown[0].range.start, positionAt(loud, loud.indexOf('"loud"')));

    next = c.waitDiagnostics(configUri, (p) => p.version === 3);
    await c.change(configUri, fixed, 3);
    assert.deepEqual((await next).diagnostics, [], 'cleared when fixed');

    await c.change(configUri, misspelt, 4);
    await c.waitDiagnostics(configUri, (p) => p.version === 4 && p.diagnostics.length === 1);
    next = c.waitDiagnostics(configUri, (p) => p.diagnostics.length === 0);
    await c.close(configUri);
    await next;
  } finally {
    assert.equal(await c.shutdown(), 0);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('pull: the config being edited answers its own findings from the unsaved text', async () => {
  const { dir, configPath, configUri, appUri } = setup();
  const c = await startClient({ pull: true });
  try {
    const ask = async () => ((await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: configUri } })) as any).items as any[];
    await c.open(configUri, misspelt);
    const items = await ask();
    assert.deepEqual(items.map((d) => [d.code, d.message]), [['config', unknownMessage]]);
    assert.deepEqual(items[0].range.start, positionAt(misspelt, misspelt.indexOf('"unknown-propety"')));
    await c.change(configUri, fixed, 2);
    assert.deepEqual(await ask(), []);
    await c.change(configUri, '{ "rules": ', 3);
    assert.deepEqual((await ask()).map((d) => d.code), ['config'], 'invalid JSON while typing');

    // Broken on disk too, with a definition under it open: the disk read pushes nothing on the open config (a
    // client would show both, the pulled and the pushed), and the definition is still linted.
    writeFileSync(configPath, misspelt);
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    await c.open(appUri, app);
    const onApp = ((await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: appUri } })) as any).items as any[];
    assert.deepEqual(onApp.map((d) => d.code), ['unknown-property']);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(c.published.filter((p) => p.uri === configUri && p.diagnostics.length > 0), [], 'nothing pushed on the open config');
  } finally {
    assert.equal(await c.shutdown(), 0);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('push: saving the edited config re-lints the definition under it and keeps the edited text’s findings on the config', async () => {
  const { dir, configPath, configUri, appUri } = setup();
  const c = await startClient();
  try {
    const onApp = c.waitDiagnostics(appUri, (p) => p.diagnostics.length > 0);
    await c.open(appUri, app);
    assert.deepEqual((await onApp).diagnostics.map((d) => d.code), ['unknown-property']);

    let onConfig = c.waitDiagnostics(configUri, (p) => p.diagnostics.length > 0);
    await c.open(configUri, misspelt);
    assert.deepEqual((await onConfig).diagnostics.map((d) => d.message), [unknownMessage]);

    // Saved as it is: the disk now has the error too. The definition is re-linted (still the finding: the setting
    // names no rule); the config keeps one finding, the edited text's, not the disk read's own wording of it.
    writeFileSync(configPath, misspelt);
    await c.conn.sendNotification('textDocument/didSave', { textDocument: { uri: configUri } });
    await new Promise((r) => setTimeout(r, 600));
    const last = c.published.filter((p) => p.uri === configUri).at(-1)!;
    assert.deepEqual(last.diagnostics.map((d) => d.message), [unknownMessage], 'the edited text’s finding stays, once, in the CLI’s words');

    // Fixed and saved: the definition's finding goes (the rule is off), and so does the config's.
    const appClean = c.waitDiagnostics(appUri, (p) => p.diagnostics.length === 0);
    const configClean = c.waitDiagnostics(configUri, (p) => p.diagnostics.length === 0);
    await c.change(configUri, fixed, 2);
    writeFileSync(configPath, fixed);
    await c.conn.sendNotification('textDocument/didSave', { textDocument: { uri: configUri } });
    await configClean;
    await appClean;

    // Broken on disk behind the editor's back, then closed: the disk read's findings (with what the editor does
    // meanwhile) are on the config again, since a definition under it is open.
    writeFileSync(configPath, loud);
    onConfig = c.waitDiagnostics(configUri, (p) => p.diagnostics.some((d) => /Until it is fixed/.test(d.message)));
    await c.close(configUri);
    assert.match((await onConfig).diagnostics[0].message, /^the setting of rule "unknown-property" is "loud"/);
  } finally {
    assert.equal(await c.shutdown(), 0);
    rmSync(dir, { recursive: true, force: true });
  }
});
