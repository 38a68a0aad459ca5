/**
 * Tonight's two editor-visible changes in a real VS Code (code-server, driven by Chromium; editor-testing.md): a file
 * holding a batch of apps (the array `PUT /v2/apps` takes) gets its findings on the element they are about, and a
 * misspelt driver option is renamed by its quick fix inside that element only, while a misspelling whose meant option
 * would erase the volume (`dvdi/overwrite` → `dvdi/overwritefs`) is reported with no one-click rename.
 */
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCodeServer, installVsix, launchBrowser, repoRoot, startCodeServer, type CodeServer } from './codeServer';
import { Workbench } from './workbench';

const artifacts = join(repoRoot, 'test-artifacts/e2e');
const skip = ensureCodeServer();
let cs: CodeServer | undefined;
let work = '';
let workspace = '';

const app = (id: string, options: Record<string, string>) => ({
  id, cmd: 'sleep 1000', cpus: 0.1, mem: 32, instances: 1,
  container: { type: 'MESOS', volumes: [{ containerPath: 'data', mode: 'RW', external: { name: id.slice(1), provider: 'dvdi', options: { 'dvdi/driver': 'rexray', ...options } } }] },
  upgradeStrategy: { minimumHealthCapacity: 0, maximumOverCapacity: 0 },
});
const batch = JSON.stringify([app('/erase', { 'dvdi/overwrite': 'true' }), app('/fast', { 'dvdi/iop': '3000' })], null, 2) + '\n';
const line = (needle: string) => batch.split('\n').findIndex((l) => l.includes(needle)) + 1;

before(async () => {
  if (skip) return;
  mkdirSync(artifacts, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'md-e2e-batch-'));
  workspace = join(work, 'ws');
  mkdirSync(workspace);
  writeFileSync(join(workspace, 'apps.json'), batch);
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

test('UI: a batch of apps gets each finding on its element; the rename fix edits that element only; no rename to an option that erases the volume', { skip, timeout: 180_000 }, async () => {
  const browser = await launchBrowser();
  const wb = new Workbench(browser.page, artifacts);
  try {
    await wb.open(cs!.url, workspace);
    await wb.openFile('apps.json');
    await wb.page.keyboard.press('Control+Shift+M');
    const rows = wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'dvdi-option-misspelled' });
    await rows.nth(1).waitFor({ timeout: 60_000 });
    const texts = await rows.allInnerTexts();
    assert.ok(texts.some((t) => t.includes(`[Ln ${line('dvdi/overwrite')},`)) && texts.some((t) => t.includes(`[Ln ${line('dvdi/iop')},`)), texts.join('\n'));
    await wb.screenshot('batch-problems');
    // The erasing one: its code actions hold no rename.
    await wb.goTo(line('dvdi/overwrite'), 14);
    await wb.page.keyboard.press('Control+.');
    await wb.page.waitForTimeout(1500);
    assert.equal(await wb.page.locator('.action-widget .monaco-list-row', { hasText: /Rename "dvdi\/overwrite"/ }).count(), 0, 'no one-click rename to dvdi/overwritefs');
    await wb.screenshot('batch-no-erasing-rename');
    await wb.page.keyboard.press('Escape');
    // The harmless one: renamed by its fix, in the second element only.
    await wb.goTo(line('dvdi/iop'), 14);
    await wb.page.keyboard.press('Control+.');
    await wb.page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Rename "dvdi/iop" to "dvdi/iops"' }).waitFor({ timeout: 15_000 });
    await wb.screenshot('batch-rename-menu');
    await wb.page.keyboard.press('Enter');
    await wb.page.keyboard.press('Control+S');
    const expected = batch.replace('"dvdi/iop"', '"dvdi/iops"');
    for (const end = Date.now() + 15_000; Date.now() < end && readFileSync(join(workspace, 'apps.json'), 'utf8') !== expected; ) await wb.page.waitForTimeout(250);
    assert.equal(readFileSync(join(workspace, 'apps.json'), 'utf8'), expected);
    await rows.nth(1).waitFor({ state: 'detached', timeout: 30_000 });
    await wb.screenshot('batch-renamed');
  } catch (e) {
    await wb.screenshot('batch-failure').catch(() => undefined);
    throw e;
  } finally {
    await browser.close();
  }
});
