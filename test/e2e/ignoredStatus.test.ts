/**
 * The status bar of a real VS Code (code-server, driven by Chromium; editor-testing.md) with a definition left out by
 * marathon-lint.config.json's ignorePatterns open beside a linted one: the bar speaks of the file in the active
 * editor, "not linted (ignorePatterns)" for the ignored one and "linted in N ms" for the other, whichever of them
 * the server answered last (extension/src/statusBar.ts, language-server protocol.ts ignoredBy).
 */
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCodeServer, installVsix, launchBrowser, repoRoot, startCodeServer, type CodeServer } from './codeServer';
import { Workbench } from './workbench';

const artifacts = join(repoRoot, 'test-artifacts/e2e');
const skip = ensureCodeServer();
let cs: CodeServer | undefined;
let work = '';
let workspace = '';

const app = (id: string) => JSON.stringify({ id, cmd: 'sleep 1000', cpus: 0.1, mem: 32, instances: 1 }, null, 2) + '\n';

before(async () => {
  if (skip) return;
  mkdirSync(artifacts, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'md-e2e-ignored-status-'));
  workspace = join(work, 'ws');
  mkdirSync(workspace);
  writeFileSync(join(workspace, 'marathon-lint.config.json'), '{ "ignorePatterns": ["ignored.json"] }\n');
  writeFileSync(join(workspace, 'ignored.json'), app('/ignored'));
  writeFileSync(join(workspace, 'web.json'), app('/web'));
  const vsix = join(work, 'marathon-devtools.vsix');
  const p = spawnSync(process.execPath, [join(repoRoot, 'extension/scripts/package.mjs'), vsix], { env: { ...process.env, MARATHON_SKIP_BUILD: '1' }, encoding: 'utf8', timeout: 120_000 });
  assert.equal(p.status, 0, `packaging failed:\n${p.stdout}${p.stderr}`);
  cs = await startCodeServer({ 'workbench.editor.enablePreview': false }, (dataDir) => {
    const r = installVsix(dataDir, vsix);
    assert.equal(r.status, 0, r.output);
  });
});
after(async () => {
  await cs?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('UI: the status bar says "not linted (ignorePatterns)" for the ignored file in the active editor, and "linted in" for the other, switching tabs back and forth', { skip, timeout: 180_000 }, async () => {
  const browser = await launchBrowser();
  const wb = new Workbench(browser.page, artifacts);
  const marathonItem = wb.page.locator('.statusbar-item', { hasText: 'Marathon:' }).first();
  const says = async (text: RegExp, not: RegExp) => {
    await wb.page.locator('.statusbar-item', { hasText: text }).first().waitFor({ timeout: 30_000 });
    assert.doesNotMatch(await marathonItem.innerText(), not);
  };
  try {
    await wb.open(cs!.url, workspace);
    await wb.openFile('ignored.json');
    await says(/not linted \(ignorePatterns\)/, /linted in/);
    await wb.openFile('web.json');
    await says(/linted in \d+ ms/, /not linted/);
    await wb.screenshot('ignored-status-linted');
    // Back to the ignored file's tab: the server sends nothing more for it (it is left out), the bar still knows.
    await wb.page.locator('.tabs-container .tab', { hasText: 'ignored.json' }).click();
    await says(/not linted \(ignorePatterns\)/, /linted in/);
    await wb.screenshot('ignored-status-ignored');
  } catch (e) {
    await wb.screenshot('ignored-status-failure').catch(() => undefined);
    throw e;
  } finally {
    await browser.close();
  }
});
