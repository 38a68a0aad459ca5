/**
 * A real VS Code (code-server 4.100.3 = VS Code 1.100.3, from npm) on loopback with fresh data dirs,
 * plus a headless Debian Chromium driven by playwright-core. Used by the extension's e2e tests.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const repoRoot = resolve(import.meta.dirname, '../..');
const codeServerBin = join(repoRoot, '.e2e-cache/code-server/node_modules/.bin/code-server');
export const chromiumPath = '/usr/bin/chromium';

/** Installs code-server into .e2e-cache when missing (idempotent; ~60–80 s the first time). */
export function ensureCodeServer(): string | undefined {
  if (!existsSync(chromiumPath)) return 'Debian chromium is not installed (scripts/install-test-deps.sh)';
  const r = spawnSync('bash', [join(repoRoot, 'test/e2e/install-code-server.sh')], { stdio: 'inherit' });
  return r.status === 0 ? undefined : 'code-server could not be installed (see test/e2e/install-code-server.sh output)';
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

export interface CodeServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

const settings = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'json.schemaDownload.enable': false,
};

/** `code-server --install-extension x.vsix` into a data dir's extensions folder (what a user does with a .vsix). */
export function installVsix(dataDir: string, vsix: string): { status: number | null; output: string } {
  const env = { ...process.env, XDG_CONFIG_HOME: join(dataDir, 'xdg'), XDG_DATA_HOME: join(dataDir, 'xdg') };
  const r = spawnSync(codeServerBin, ['--config', join(dataDir, 'config.yaml'), '--user-data-dir', join(dataDir, 'user'), '--extensions-dir', join(dataDir, 'extensions'), '--install-extension', vsix], { env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

export async function startCodeServer(extraSettings: Record<string, unknown> = {}, beforeStart?: (dataDir: string) => void): Promise<CodeServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'md-code-server-'));
  mkdirSync(join(dataDir, 'user/User'), { recursive: true });
  mkdirSync(join(dataDir, 'extensions'), { recursive: true });
  writeFileSync(join(dataDir, 'user/User/settings.json'), JSON.stringify({ ...settings, ...extraSettings }, null, 2));
  beforeStart?.(dataDir);
  const port = await freePort();
  const env = { ...process.env, XDG_CONFIG_HOME: join(dataDir, 'xdg'), XDG_DATA_HOME: join(dataDir, 'xdg') };
  const child: ChildProcess = spawn(
    codeServerBin,
    ['--config', join(dataDir, 'config.yaml'), '--user-data-dir', join(dataDir, 'user'), '--extensions-dir', join(dataDir, 'extensions'),
      '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
      '--disable-workspace-trust', '--disable-getting-started-override'],
    { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`code-server did not start on ${url}:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    dataDir,
    async stop() {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await new Promise((r) => setTimeout(r, 300));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'md-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    // Without the background-networking flags Chromium keeps dialling out on this closed network.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens `folder` in code-server with this repo's extension loaded as under development (`code
 * --extensionDevelopmentPath`), and waits for the explorer to list the folder.
 */
export async function openWithDevExtension(page: Page, csUrl: string, folder: string): Promise<void> {
  const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://${new URL(csUrl).host}${join(repoRoot, 'extension')}`]]);
  await page.goto(`${csUrl}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`);
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 90_000 });
}

/** Opens code-server with a development extension and an extension-tests module; resolves with the suite's exit code. */
export async function runExtensionTests(cs: CodeServer, extensionDir: string, testsModule: string, workspace: string, timeoutMs = 180_000): Promise<{ code: number; log: string[] }> {
  const host = new URL(cs.url).host;
  const remote = (p: string) => `vscode-remote://${host}${p}`;
  const payload = [['extensionDevelopmentPath', remote(extensionDir)], ['extensionTestsPath', remote(testsModule)]];
  const url = `${cs.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const browser = await launchBrowser();
  const log: string[] = [];
  try {
    return await new Promise(async (resolveRun) => {
      const timer = setTimeout(() => resolveRun({ code: 124, log: [...log, `timeout after ${timeoutMs} ms waiting for the suite`] }), timeoutMs);
      await browser.page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => log.push(format(...(args as [unknown, ...unknown[]]))));
      await browser.page.exposeFunction('codeAutomationExit', (code: number) => {
        clearTimeout(timer);
        resolveRun({ code, log });
      });
      await browser.page.goto(url);
    });
  } finally {
    await browser.close();
  }
}
