/**
 * Cluster-aware linting in the real editor (code-server + Chromium, issue 13): "Marathon: Connect to Cluster" asks
 * for the stand-in Marathon's URL and token, the status bar shows its Marathon version, the Problems row under
 * `"name": "pgdata"` names the deployed app that uses it, and when the cluster goes away the status bar says
 * "cluster unreachable since …" and the finding goes with it. The token reaches neither settings nor the log.
 * Every wait is on the page's state with a bound.
 */
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCodeServer, startCodeServer, launchBrowser, repoRoot, type CodeServer, openWithDevExtension } from './codeServer';
import { Workbench } from './workbench';
import { infoFor, startStandinMarathon, type StandinMarathon } from '../standins/marathon/standin';
import { deployedUnderDb, dvdiApp } from '../cluster/deployedApps';

const artifacts = join(repoRoot, 'test-artifacts/e2e');
const skip = ensureCodeServer();
const TOKEN = 'e2e-cluster-token-7c41';
let cs: CodeServer | undefined;
let marathon: StandinMarathon | undefined;
let work = '';

const app = (id: string) => dvdiApp(id, 'pgdata');

before(async () => {
  if (skip) return;
  mkdirSync(artifacts, { recursive: true });
  marathon = await startStandinMarathon({
    rootGroup: deployedUnderDb([app('/db/pg')]),
    info: infoFor('1.10.26', { features: ['external_volumes'] }),
    auth: { kind: 'token', token: TOKEN },
  });
  work = mkdtempSync(join(tmpdir(), 'md-e2e-cluster-lint-'));
  mkdirSync(join(work, 'ws'));
  writeFileSync(join(work, 'ws/web.json'), JSON.stringify(app('/web'), null, 2));
  cs = await startCodeServer({ 'workbench.editor.enablePreview': false });
});

after(async () => {
  await cs?.stop();
  await marathon?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('UI: Connect to Cluster; the deployed app named under "pgdata"; the version, then "cluster unreachable since" in the status bar', { skip, timeout: 240_000 }, async () => {
  const browser = await launchBrowser();
  const wb = new Workbench(browser.page, artifacts);
  const statusItem = (text: string | RegExp) => wb.page.locator('.statusbar-item', { hasText: text }).first();
  const problem = wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'dvdi-name-unique-in-root-group' }).first();
  try {
    await openWithDevExtension(wb.page, cs!.url, join(work, 'ws'));
    await wb.openFile('web.json');
    await statusItem('Marathon: offline').waitFor({ timeout: 60_000 });

    await wb.command('Marathon: Connect to Cluster');
    await wb.answer('Connect to Cluster (1/2)', marathon!.url);
    // A token pasted with a character no HTTP header can carry is refused in the box, where it was typed.
    await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: 'Connect to Cluster (2/2)' }).waitFor();
    await wb.quickInput.fill(`${TOKEN.slice(0, 4)}\u20ac${TOKEN.slice(4)}`);
    await wb.page.locator('.quick-input-widget .quick-input-message', { hasText: /The token holds a character an HTTP header cannot carry .* at position \d+: paste the one line/ }).waitFor({ timeout: 10_000 });
    await wb.page.keyboard.press('Enter');
    await wb.answer('Connect to Cluster (2/2)', TOKEN);
    await statusItem('Marathon 1.10.26').waitFor({ timeout: 60_000 });
    await wb.page.keyboard.press('Control+Shift+M');
    await problem.waitFor({ timeout: 60_000 });
    assert.match((await problem.textContent()) ?? '', /\/db\/pg is already deployed on the cluster/);
    await wb.screenshot('cluster-lint-deployed-conflict');

    const settingsFile = join(cs!.dataDir, 'user/User/settings.json');
    const settings = existsSync(settingsFile) ? readFileSync(settingsFile, 'utf8') : '';
    assert.match(settings, new RegExp(`"marathon\\.cluster\\.url": "${marathon!.url.replace(/[.]/g, '\\.')}"`), 'the URL is the one setting');
    assert.ok(!settings.includes(TOKEN), 'the token is not in settings');

    await marathon!.close();
    marathon = undefined;
    await statusItem(/cluster unreachable since \d/).waitFor({ timeout: 60_000 });
    await problem.waitFor({ state: 'detached', timeout: 30_000 });
    await wb.screenshot('cluster-lint-unreachable');
  } catch (e) {
    await wb.screenshot('cluster-lint-failure').catch(() => undefined);
    throw e;
  } finally {
    await browser.close();
  }
});
