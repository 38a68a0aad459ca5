/**
 * The same mocha suite (extension/test/suite → dist/test/suite.cjs) in a desktop VS Code downloaded by
 * @vscode/test-electron, for machines that can reach update.code.visualstudio.com. Not run here (no desktop
 * VS Code offline; the e2e uses code-server's extension host instead, test/e2e/vscode.test.ts).
 * Usage, after `npm run build`: node --import tsx extension/test/runTestElectron.ts [vscode version]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = resolve(process.cwd());
  const extensionDevelopmentPath = join(root, 'extension');
  const extensionTestsPath = join(extensionDevelopmentPath, 'dist/test/suite.cjs');
  const workspace = join(root, 'test/e2e/fixtures/ws');
  const userData = mkdtempSync(join(tmpdir(), 'md-vscode-user-'));
  await runTests({
    version: process.argv[2] ?? '1.100.3', // the engines.vscode floor, as in the code-server e2e
    extensionDevelopmentPath,
    extensionTestsPath,
    // Note: the suite applies a quick fix in memory and reverts it; it never saves the fixture.
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', userData],
  });
}

main().catch((e) => {
  console.error(`VS Code tests failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
