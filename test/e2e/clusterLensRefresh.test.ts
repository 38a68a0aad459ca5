/**
 * Test mount's cluster features in the real editor (code-server + Chromium), on a cluster reached only through
 * `marathon.cluster.tokenFile` (no token in SecretStorage): the "Test mount on all N candidates" lens appears, and
 * follows a change of `marathon.cluster.acceptedResourceRolesDefaultBehavior` in settings.json without any edit of
 * the document (it stayed stale until the next keystroke); a keybinding that runs `marathon.testMount` without
 * argument tests the volume at the cursor (it answered "use the code lens"). Stand-in Marathon and Mesos master
 * (marathon-api.md §2, mesos-master-api.md §6) asking for a DC/OS token; no bridge needs to answer: the run is
 * stopped at its bridge token prompt.
 */
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MarathonTask } from '@marathon-devtools/cluster/marathon/types';
import { ensureCodeServer, startCodeServer, launchBrowser, repoRoot, type CodeServer, openWithDevExtension } from './codeServer';
import { Workbench } from './workbench';
import { infoFor, startStandinMarathon, type StandinMarathon } from '../standins/marathon/standin';
import { startMesosMaster, type MesosMasterStandIn } from '../standins/mesos-master/server';
import { agent } from '../standins/mesos-master/agents';

const artifacts = join(repoRoot, 'test-artifacts/e2e');
const skip = ensureCodeServer();
const TOKEN = 'e2e-lens-refresh-token-51d2';
let cs: CodeServer | undefined;
let marathon: StandinMarathon | undefined;
let master: MesosMasterStandIn | undefined;
let work = '';

before(async () => {
  if (skip) return;
  mkdirSync(artifacts, { recursive: true });
  // Two agents with unreserved resources, one whose resources are all reserved for "ops": an app of role "ops" without
  // acceptedResourceRoles lands on all three under Marathon's default behaviour "any", on the first two under "unreserved".
  master = await startMesosMaster({
    dcosToken: TOKEN,
    agents: [
      agent({ id: 'lens-S0', hostname: '10.0.0.1', attributes: { dvdi: 'true' } }, 0),
      agent({ id: 'lens-S1', hostname: '10.0.0.2', attributes: { dvdi: 'true' } }, 1),
      agent({ id: 'lens-S2', hostname: '10.0.0.3', attributes: { dvdi: 'true' }, cpus: 2, mem: 0, reserved: { ops: 2 } }, 2),
    ],
  });
  marathon = await startStandinMarathon({ info: infoFor('1.10.26', { mesos_role: '*' }), auth: { kind: 'token', token: TOKEN } });
  const root = marathon.rootGroup();
  root.apps = [{ id: '/dvdi-bridge', instances: 3, role: '*' } as (typeof root.apps)[number]];
  marathon.setRootGroup(root);
  const now = new Date().toISOString();
  marathon.setTasks({ '/dvdi-bridge': [0, 1, 2].map((i) => ({ id: `dvdi-bridge.instance-${i}`, appId: '/dvdi-bridge', host: `10.0.0.${i + 1}`, slaveId: `lens-S${i}`, state: 'TASK_RUNNING', ports: [8474], servicePorts: [], ipAddresses: [], healthCheckResults: [], localVolumes: [], stagedAt: now, startedAt: now, version: now, role: '*' }) as MarathonTask) });
  work = mkdtempSync(join(tmpdir(), 'md-e2e-lens-'));
  mkdirSync(join(work, 'ws'));
  writeFileSync(join(work, 'dcos-token'), `${TOKEN}\n`);
  writeFileSync(
    join(work, 'ws/ops-db.json'),
    JSON.stringify({ id: '/ops/db', role: 'ops', cmd: 'sleep 1000', cpus: 0.5, mem: 256, constraints: [['dvdi', 'IS', 'true']], container: { type: 'MESOS', volumes: [{ containerPath: 'data', mode: 'RW', external: { name: 'data', provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }] } }, null, 2),
  );
  cs = await startCodeServer(
    {
      'workbench.editor.enablePreview': false,
      'marathon.cluster.url': marathon.url,
      'marathon.cluster.mesosUrl': master.url,
      'marathon.cluster.tokenFile': join(work, 'dcos-token'),
      'marathon.cluster.acceptedResourceRolesDefaultBehavior': 'any',
    },
    (dataDir) => writeFileSync(join(dataDir, 'user/User/keybindings.json'), JSON.stringify([{ key: 'ctrl+alt+y', command: 'marathon.testMount' }])),
  );
});

after(async () => {
  await cs?.stop();
  await marathon?.close();
  await master?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('UI: the all-candidates lens through tokenFile, refreshed by a settings change; a keybinding tests the volume at the cursor', { skip, timeout: 240_000 }, async () => {
  const browser = await launchBrowser();
  const wb = new Workbench(browser.page, artifacts);
  const lens = (text: string) => wb.page.locator('.codelens-decoration a', { hasText: text }).first();
  try {
    await openWithDevExtension(wb.page, cs!.url, join(work, 'ws'));
    await wb.openFile('ops-db.json');
    await lens('Test mount on all 3 candidates').waitFor({ timeout: 90_000 });
    await wb.screenshot('lens-refresh-before');

    // Edited as a user edits settings.json, in the editor beside it (code-server does not notice a write from outside);
    // ops-db.json is not touched.
    const settingsFile = join(cs!.dataDir, 'user/User/settings.json');
    const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
    await wb.command('Preferences: Open User Settings (JSON)');
    await wb.page.locator('.tabs-container .tab.active', { hasText: 'settings.json' }).waitFor();
    await wb.page.locator('.monaco-editor .view-lines', { hasText: 'marathon.cluster.url' }).first().click();
    await wb.page.keyboard.press('Control+A');
    await wb.page.keyboard.insertText(JSON.stringify({ ...settings, 'marathon.cluster.acceptedResourceRolesDefaultBehavior': 'unreserved' }, null, 2));
    await wb.page.keyboard.press('Control+S');
    for (let i = 0; !readFileSync(settingsFile, 'utf8').includes('"unreserved"'); i++) {
      assert.ok(i < 100, 'settings.json was saved with the new value');
      await wb.page.waitForTimeout(100);
    }
    await wb.page.locator('.tabs-container .tab', { hasText: 'ops-db.json' }).click();
    await lens('Test mount on all 2 candidates').waitFor({ timeout: 30_000 });
    await lens('Test mount on all 3 candidates').waitFor({ state: 'detached', timeout: 5_000 });
    await wb.screenshot('lens-refresh-after');

    // The keybinding, with the cursor in the app: Test mount runs on the first candidate and asks for the bridge token.
    await wb.goTo(3, 5);
    await wb.page.keyboard.press('Control+Alt+Y');
    await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: 'bridge token' }).waitFor({ timeout: 30_000 });
    await wb.screenshot('test-mount-keybinding');
    await wb.page.keyboard.press('Escape');
  } catch (e) {
    await wb.screenshot('lens-refresh-failure').catch(() => undefined);
    throw e;
  } finally {
    await browser.close();
  }
});
