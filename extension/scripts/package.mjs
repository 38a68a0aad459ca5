// `npm run package -w extension`: builds the bundles, copies the shipped assets and makes one .vsix with
// @vscode/vsce 3.x (4.x needs Node 22) from the bundles only: --no-dependencies, and .vscodeignore keeps
// sources, tests, source maps and node_modules out. Prints the path of the .vsix.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyAssets } from './copyAssets.mjs';

const extensionDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ?? join(extensionDir, 'dist/marathon-devtools.vsix');
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: extensionDir, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (!process.env.MARATHON_SKIP_BUILD) run(process.execPath, [join(extensionDir, '../scripts/build.mjs')]);
for (const f of ['dist/extension.cjs', 'dist/server.cjs']) {
  if (!existsSync(join(extensionDir, f))) {
    console.error(`package: ${f} is missing, so the .vsix would not work; fix the build errors above and rerun`);
    process.exit(1);
  }
}
copyAssets();
const vsce = join(extensionDir, '../node_modules/@vscode/vsce/vsce');
run(process.execPath, [vsce, 'package', '--no-dependencies', '-o', out]);
console.log(`package: ${out} (${(statSync(out).size / 1024).toFixed(0)} KiB)`);
