/**
 * Test mount where the app will run, in the real editor (code-server + Chromium): with only the cluster's
 * Marathon and Mesos URLs in the settings, the bridges appear by themselves (a "Test mount on all 3 candidates"
 * lens), "Test mount" runs on one candidate, the all-candidates lens on every one with one progress notification,
 * and the Test Mount Results view names the agent in zone b where the attach fails. A bridge token the bridges
 * refuse says how to replace it; a line of the bridge's token file is taken as its token; a cancelled "Set Cluster
 * Bridge Token" keeps the stored one; while a slow cluster is read, a cancellable notification says so. Stand-in Mesos master and
 * Marathon, real bridges on loopback (test/cluster/lab.ts).
 */
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCodeServer, startCodeServer, launchBrowser, repoRoot, type CodeServer, openWithDevExtension } from './codeServer';
import { Workbench } from './workbench';
import { startLab, type Lab } from '../cluster/lab';
import { infoFor, startStandinMarathon, type StandinMarathon } from '../standins/marathon/standin';
import { setBridgeApp, setBridgeTasks } from '../cluster/bridgeApp';

const artifacts = join(repoRoot, 'test-artifacts/e2e');
const skip = ensureCodeServer();
let cs: CodeServer | undefined;
let lab: Lab | undefined;
let marathon: StandinMarathon | undefined;
let work = '';

before(async () => {
  if (skip) return;
  mkdirSync(artifacts, { recursive: true });
  lab = await startLab([
    { zone: 'a', rexray: 'ok', attributes: { dvdi: 'true' } },
    { zone: 'a', rexray: 'ok', attributes: { dvdi: 'true' } },
    { zone: 'b', rexray: 'error500', attributes: { dvdi: 'true' } },
    { zone: 'b', rexray: 'ok', attributes: {}, bridge: false },
  ]);
  // --mesos_role "*" (Marathon's default), not the example info.json's "slave_public" (see test/cluster/defaultRole.test.ts).
  marathon = await startStandinMarathon({ info: infoFor('1.10.26', { mesos_role: '*' }) });
  setBridgeApp(marathon, { id: '/dvdi-bridge', instances: 3, constraints: [['hostname', 'UNIQUE'], ['dvdi', 'IS', 'true']] });
  setBridgeTasks(marathon, lab);
  work = mkdtempSync(join(tmpdir(), 'md-e2e-cluster-'));
  mkdirSync(join(work, 'ws'));
  writeFileSync(
    join(work, 'ws/shop-db.json'),
    JSON.stringify({ id: '/shop/db', cmd: 'sleep 1000', cpus: 0.5, mem: 256, constraints: [['dvdi', 'IS', 'true']], container: { type: 'MESOS', volumes: [{ containerPath: 'data', mode: 'RW', external: { name: 'data', provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }] } }, null, 2),
  );
  cs = await startCodeServer({ 'workbench.editor.enablePreview': false, 'marathon.cluster.url': marathon.url, 'marathon.cluster.mesosUrl': lab.master.url });
});

after(async () => {
  await cs?.stop();
  await marathon?.close();
  await lab?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('UI: bridges found from the cluster settings; Test mount on one and on all candidates; results view', { skip, timeout: 240_000 }, async () => {
  const browser = await launchBrowser();
  const wb = new Workbench(browser.page, artifacts);
  try {
    await openWithDevExtension(wb.page, cs!.url, join(work, 'ws'));
    await wb.openFile('shop-db.json');
    const all = wb.page.locator('.codelens-decoration a', { hasText: 'Test mount on all 3 candidates' }).first();
    await all.waitFor({ timeout: 90_000 });
    await wb.screenshot('cluster-lenses');
    await wb.command('Marathon: Show Cluster Bridges');
    await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: '3 bridges of /dvdi-bridge on 4 agents' }).waitFor({ timeout: 30_000 });
    for (const h of ['127.0.0.11', '127.0.0.12', '127.0.0.13']) await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: h }).first().waitFor({ timeout: 5_000 });
    await wb.screenshot('cluster-bridges');
    await wb.page.keyboard.press('Escape');

    // A token the bridges refuse: the message says how to give another one (the stored one is used until then).
    const one = wb.page.locator('.codelens-decoration a', { hasText: 'Test mount data (rexray)' }).first();
    await one.click();
    await wb.answer('bridge token', 'not-the-bridge-token');
    await wb.toast(/unauthorized.*"Marathon: Set Cluster Bridge Token"/).waitFor({ timeout: 60_000 });
    await wb.clearNotifications();
    // The bridge's token file holds name:token lines (the package's token secret): a whole line pasted is its token.
    await wb.command('Marathon: Set Cluster Bridge Token');
    await wb.answer('bridge token', `default:${lab!.token}`);
    await one.click();
    await wb.toast(/Test mount: rexray\/data mounts on 127\.0\.0\.11 in zone a/).waitFor({ timeout: 60_000 });
    await wb.clearNotifications();
    // Set Cluster Bridge Token cancelled: the stored token stays (the run below asks for none).
    await wb.command('Marathon: Set Cluster Bridge Token');
    await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: 'bridge token' }).waitFor();
    await wb.page.keyboard.press('Escape');

    await all.click();
    // The summary is in the results view (the toast with the same line may already have gone to the notification centre).
    await wb.page.locator('.monaco-list-row', { hasText: 'rexray/data mounts on 2 of 3 candidates' }).first().waitFor({ timeout: 90_000 });
    const row = wb.page.locator('.monaco-list-row', { hasText: '127.0.0.13 (zone b): failed' }).first();
    await row.waitFor({ timeout: 30_000 });
    await wb.screenshot('cluster-test-mount-all');
    for (const h of ['127.0.0.11 (zone a): mounted-and-released', '127.0.0.12 (zone a): mounted-and-released']) await wb.page.locator('.monaco-list-row', { hasText: h }).first().waitFor({ timeout: 5_000 });
    const settingsFile = join(cs!.dataDir, 'user/User/settings.json');
    assert.ok(!existsSync(settingsFile) || !readFileSync(settingsFile, 'utf8').includes(lab!.token), 'the bridge token is not in settings');

    // A slow cluster (a large root group, a busy master): the click says at once that it reads the cluster, and Cancel
    // ends it there. Connect to Cluster (same URL, token kept) drops the view read above.
    await wb.clearNotifications();
    marathon!.setFault({ kind: 'slow', delayMs: 8000 });
    await wb.command('Marathon: Connect to Cluster');
    await wb.answer('Connect to Cluster (1/2)', marathon!.url);
    await wb.answer('Connect to Cluster (2/2)', '');
    // The restarted server's lenses: "Test mount" shows without waiting for the cluster read its sibling lens needs.
    await wb.page.waitForTimeout(1_500);
    await one.waitFor({ timeout: 2_500 });
    await one.click();
    const reading = wb.toast(/Test mount data: reading the cluster/);
    await reading.waitFor({ timeout: 3_000 });
    await wb.screenshot('cluster-test-mount-reading');
    await reading.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await reading.waitFor({ state: 'detached', timeout: 5_000 });
    marathon!.setFault(undefined);
  } catch (e) {
    await wb.screenshot('cluster-test-mount-failure').catch(() => undefined);
    throw e;
  } finally {
    await browser.close();
  }
});
