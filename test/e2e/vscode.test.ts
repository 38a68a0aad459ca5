/**
 * The extension in a real VS Code (code-server 4.100.3) driven by a real browser (Debian Chromium +
 * playwright-core): the mocha integration suite inside the extension host, then UI scenarios.
 * Screenshots land in test-artifacts/e2e/.
 */
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdirSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCodeServer, startCodeServer, runExtensionTests, repoRoot, type CodeServer } from './codeServer';

const artifacts = join(repoRoot, 'test-artifacts/e2e');
const extensionDir = join(repoRoot, 'extension');
const skip = ensureCodeServer();
let cs: CodeServer | undefined;
let workspace = '';

before(async () => {
  if (skip) return;
  mkdirSync(artifacts, { recursive: true });
  // A copy, so quick fixes applied by the tests never touch the repo's fixtures.
  workspace = mkdtempSync(join(tmpdir(), 'md-ws-'));
  cpSync(join(repoRoot, 'test/e2e/fixtures/ws'), workspace, { recursive: true });
  cs = await startCodeServer();
});

after(async () => {
  await cs?.stop();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

test('integration suite in the real extension host', { skip, timeout: 240_000 }, async () => {
  const { code, log } = await runExtensionTests(cs!, extensionDir, join(extensionDir, 'dist/test/suite.cjs'), workspace);
  const text = log.join('\n');
  const activation = /ACTIVATION_MS ([\d.]+)/.exec(text);
  if (activation) console.log(`extension activation: ${activation[1]} ms`);
  assert.equal(code, 0, `extension suite failed:\n${text}`);
  assert.match(text, /passing/);
});
