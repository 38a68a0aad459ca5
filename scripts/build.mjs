// One build for the whole repo: generated schema artefacts first, then one esbuild bundle per entry.
// Type-checking is separate (`tsc -b`), since esbuild does not type-check.
import { build } from 'esbuild';
import { existsSync, mkdirSync, copyFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// Schema step: precompiled (standalone) ajv validators and generated types.
const schemaBuild = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'schema/scripts/build.ts')], { cwd: root, stdio: 'inherit' });
if (schemaBuild.status !== 0) process.exit(schemaBuild.status ?? 1);

/** Each bundle: source entry → output file. Node bundles are CommonJS for the fastest cold start. */
const bundles = [
  // The engine's two bundles without whitespace and with syntax shortened (names kept, source maps as before): a
  // third less to read and hold per start, ~8 MB less peak memory for marathon-lint (docs/performance.md).
  { entry: 'language-server/src/cli/main.ts', out: 'language-server/dist/cli.cjs', compact: true, withoutHttp2: true },
  { entry: 'language-server/src/server/main.ts', out: 'language-server/dist/server.cjs', compact: true },
  { entry: 'agent-bridge/src/main.ts', out: 'agent-bridge/dist/bridge.cjs' },
  // dvdi-bridge's cluster commands (scale, dry-run --app), loaded by bridge.cjs from beside it.
  { entry: 'cluster/src/cli/main.ts', out: 'agent-bridge/dist/cluster-cli.cjs' },
  { entry: 'gate/src/main.ts', out: 'gate/dist/gate.cjs' },
  { entry: 'extension/src/extension.ts', out: 'extension/dist/extension.cjs', external: ['vscode'] },
  // The extension's integration suite, run inside a real VS Code extension host (test/e2e); not packaged.
  { entry: 'extension/test/suite/index.ts', out: 'extension/dist/test/suite.cjs', external: ['vscode', 'mocha'] },
];

// mainFields: prefer ESM entries, since jsonc-parser's UMD build hides its requires from the bundler.
const common = { mainFields: ['module', 'main'], bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'linked', minify: false, logLevel: 'warning', legalComments: 'none' };
/**
 * undici's HTTP/1 client requires its HTTP/2 connector (and with it `node:http2`, ~10–25 ms to load) at startup,
 * though it is used only for an Agent created with `allowH2`. The Marathon client never sets it, so marathon-lint
 * --marathon gets a connector that says so instead (bench/cluster-lint.mjs, --cpu-prof).
 */
const withoutHttp2 = {
  name: 'undici-without-http2',
  setup(b) {
    b.onResolve({ filter: /^\.\/client-h2\.js$/ }, (args) => (/undici[\\/]lib[\\/]dispatcher$/.test(args.resolveDir) ? { path: 'undici-client-h2', namespace: 'without-http2' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'without-http2' }, () => ({
      contents: "module.exports = function connectH2() { throw new Error('HTTP/2 is not built into this bundle (scripts/build.mjs)'); };",
      loader: 'js',
    }));
  },
};
const failed = [];
// In parallel; a failing bundle does not stop the others (esbuild has already printed its errors).
await Promise.all(
  bundles.map(async (b) => {
    mkdirSync(dirname(join(root, b.out)), { recursive: true });
    try {
      const compact = b.compact ? { minifyWhitespace: true, minifySyntax: true } : {};
      await build({ ...common, ...compact, entryPoints: [join(root, b.entry)], outfile: join(root, b.out), external: b.external ?? [], plugins: b.withoutHttp2 ? [withoutHttp2] : [] });
    } catch {
      failed.push(b.entry);
    }
  }),
);

// The extension ships the language server bundle and the config schema inside itself (no node_modules in the .vsix).
const serverBundle = join(root, 'language-server/dist/server.cjs');
if (existsSync(serverBundle)) copyFileSync(serverBundle, join(root, 'extension/dist/server.cjs'));
const { copyAssets } = await import('../extension/scripts/copyAssets.mjs');
copyAssets();
if (failed.length) {
  console.error(`build: failed: ${failed.join(', ')}`);
  process.exit(1);
}
