/**
 * The extension in a real VS Code (code-server 4.100.3 = VS Code 1.100.3, from npm) driven by a real browser
 * (Debian Chromium + playwright-core): the .vsix is packaged and installed with `code-server --install-extension`,
 * the mocha integration suite runs inside the extension host, then UI scenarios click through the workbench
 * against the real language server and a real dvdi-bridge. Screenshots land in test-artifacts/e2e/.
 */
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, cpSync, mkdtempSync, rmSync, statSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCodeServer, startCodeServer, runExtensionTests, launchBrowser, installVsix, repoRoot, type CodeServer } from './codeServer';
import { Workbench } from './workbench';
import { zipEntries } from './zipEntries';
import { startRealBridge, mountsUnder, type RealBridge } from './realBridge';

const artifacts = join(repoRoot, 'test-artifacts/e2e');
const extensionDir = join(repoRoot, 'extension');
const skip = ensureCodeServer();
const manifest = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8'));
const extensionId = `${manifest.publisher}.${manifest.name}`;
let cs: CodeServer | undefined;
let workspace = '';
let work = '';
let vsix = '';
let installed = { status: null as number | null, output: '' };

before(async () => {
  if (skip) return;
  mkdirSync(artifacts, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'md-e2e-'));
  // A copy, so quick fixes applied by the tests never touch the repo's fixtures.
  workspace = join(work, 'ws');
  cpSync(join(repoRoot, 'test/e2e/fixtures/ws'), workspace, { recursive: true });
  // The bundles are built by `npm test` (or `npm run build`) before the tests; packaging reuses them.
  vsix = join(work, 'marathon-devtools.vsix');
  const p = spawnSync(process.execPath, [join(extensionDir, 'scripts/package.mjs'), vsix], { env: { ...process.env, MARATHON_SKIP_BUILD: '1' }, encoding: 'utf8', timeout: 120_000 });
  assert.equal(p.status, 0, `npm run package failed:\n${p.stdout}${p.stderr}`);
  cs = await startCodeServer({ 'workbench.editor.enablePreview': false }, (dataDir) => {
    installed = installVsix(dataDir, vsix);
  });
});

after(async () => {
  await cs?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the .vsix holds the bundles and docs, no node_modules, and installs into code-server', { skip }, () => {
  const entries = zipEntries(vsix).map((e) => e.name);
  const size = statSync(vsix).size;
  console.log(`vsix: ${(size / 1024).toFixed(0)} KiB, ${entries.length} entries`);
  for (const f of ['package.json', 'dist/extension.cjs', 'dist/server.cjs', 'dist/marathon-lint-config.schema.json', 'readme.md', 'changelog.md', 'LICENSE.txt', 'media/icon.png', 'media/walkthrough/open.md', 'media/walkthrough/agent.md', 'media/walkthrough/mount.md']) {
    assert.ok(entries.includes(`extension/${f}`), `extension/${f} in the .vsix: ${entries.join(', ')}`);
  }
  assert.deepEqual(entries.filter((e) => e.includes('node_modules/') || e.endsWith('.map') || e.endsWith('.ts') || e.includes('/test/')), []);
  assert.ok(size < 3 * 1024 * 1024, `the .vsix stays under 3 MiB (${size} bytes)`);
  assert.equal(installed.status, 0, installed.output);
  const dirs = readdirSync(join(cs!.dataDir, 'extensions'));
  assert.ok(dirs.includes(`${extensionId}-${manifest.version}`), `installed as ${extensionId}-${manifest.version}: ${dirs.join(', ')}`);
});

test('integration suite in the real extension host', { skip, timeout: 180_000 }, async () => {
  const { code, log } = await runExtensionTests(cs!, extensionDir, join(extensionDir, 'dist/test/suite.cjs'), workspace);
  const text = log.join('\n');
  for (const m of text.matchAll(/(ACTIVATION_MS|SERVER_READY_MS) ([\d.]+)/g)) console.log(`extension ${m[1] === 'ACTIVATION_MS' ? 'activation' : 'first document → server ready'}: ${m[2]} ms`);
  assert.equal(code, 0, `extension suite failed:\n${text}`);
  assert.match(text, /\d+ passing/);
});

test('UI: squiggle and Problems row with the rule id; the quick fix clears it', { skip, timeout: 120_000 }, async () => {
  const browser = await launchBrowser();
  const wb = new Workbench(browser.page, artifacts);
  try {
    await wb.open(cs!.url, workspace);
    await wb.openFile('postgres.json');
    await wb.page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });
    await wb.page.keyboard.press('Control+Shift+M');
    const row = wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'dvdi-mesos-mode-rw' }).first();
    await row.waitFor({ timeout: 30_000 });
    await wb.screenshot('problems');
    await wb.goTo(12, 18); // inside "RO" of "mode": "RO"
    await wb.page.keyboard.press('Control+.');
    // The server's fix is the preferred one, so it is focused: Enter applies it, as a user would.
    await wb.page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Set mode to RW' }).waitFor({ timeout: 15_000 });
    await wb.screenshot('quick-fix-menu');
    await wb.page.keyboard.press('Enter');
    await row.waitFor({ state: 'detached', timeout: 30_000 });
    assert.match(await wb.page.locator('.monaco-editor .view-lines').first().innerText(), /"mode":\s*"RW"/);
    await wb.screenshot('quick-fix-applied');
  } catch (e) {
    await wb.screenshot('quick-fix-failure').catch(() => undefined);
    throw e;
  } finally {
    await browser.close();
  }
});

test('UI: Test mount through the code lens on a real dvdi-bridge; wrong token and unreachable agent', { skip, timeout: 150_000 }, async () => {
  const bridge: RealBridge = await startRealBridge();
  await bridge.createVolume('e2e-pgdata'); // the volume the fixture app asks for, as `docker volume create` would
  const browser = await launchBrowser();
  const wb = new Workbench(browser.page, artifacts);
  const lens = wb.page.locator('.codelens-decoration a', { hasText: 'Test mount e2e-pgdata' }).first();
  try {
    await wb.open(cs!.url, workspace);
    await wb.openFile('postgres.json');
    await lens.waitFor({ timeout: 60_000 });

    await wb.command('Marathon: Add Agent');
    await wb.answer('1/3', 'loopback');
    await wb.answer('2/3', bridge.url);
    await wb.answer('3/3', bridge.token);
    await wb.page.locator('.statusbar-item', { hasText: 'loopback' }).first().waitFor({ timeout: 15_000 });
    await lens.click();
    const success = wb.toast(/e2e-pgdata on loopback mounted and released at \//);
    await success.waitFor({ timeout: 60_000 });
    const text = await success.innerText();
    const mountpoint = /released at (\S+)/.exec(text)?.[1] ?? '';
    assert.ok(mountpoint.startsWith(bridge.stateDir), `mountpoint ${mountpoint} is the local driver's, under ${bridge.stateDir}`);
    await wb.screenshot('test-mount-success');
    assert.deepEqual(mountsUnder(bridge.stateDir), [], 'nothing is left mounted (/proc/self/mountinfo)');
    assert.ok(!existsSync(join(cs!.dataDir, 'user/User/settings.json')) || !readFileSync(join(cs!.dataDir, 'user/User/settings.json'), 'utf8').includes(bridge.token), 'the token is not in settings');
    await wb.clearNotifications();

    await wb.command('Marathon: Add Agent'); // same name: replaces the token
    await wb.answer('1/3', 'loopback');
    await wb.answer('2/3', bridge.url);
    await wb.answer('3/3', 'wrong-token-0000000000000000');
    await lens.click();
    await wb.toast(/rejected the token \(HTTP 401\)/).waitFor({ timeout: 30_000 });
    await wb.screenshot('test-mount-wrong-token');
    await wb.clearNotifications();

    const closedPort = await new Promise<number>((res) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const port = (s.address() as { port: number }).port;
        s.close(() => res(port));
      });
    });
    await wb.command('Marathon: Add Agent');
    await wb.answer('1/3', 'gone');
    await wb.answer('2/3', `ws://127.0.0.1:${closedPort}`);
    await wb.answer('3/3', bridge.token);
    await wb.page.locator('.statusbar-item', { hasText: 'gone' }).first().waitFor({ timeout: 15_000 });
    await lens.click();
    await wb.toast(/Cannot reach the agent at ws:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/).waitFor({ timeout: 30_000 });
    await wb.screenshot('test-mount-unreachable');
  } catch (e) {
    await wb.screenshot('test-mount-failure').catch(() => undefined);
    throw e;
  } finally {
    await browser.close();
    await bridge.stop();
  }
});
