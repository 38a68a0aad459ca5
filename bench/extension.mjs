// Bench section "extension": what a user downloads and what VS Code loads — the extension bundle, the
// bundled language server and the packaged .vsix (made here with vsce from the current bundles).
// Contract of scripts/bench.mjs: `title` and `run(ctx)` → lines of text. Activation time is printed by the
// integration suite in the real extension host (node scripts/test.mjs test/e2e/vscode), not here.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const title = 'VS Code extension: bundle and package sizes';

const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;

export async function run(ctx) {
  const ext = join(ctx.root, 'extension');
  const lines = ['| file | size | gzip |', '| --- | ---: | ---: |'];
  for (const f of ['dist/extension.cjs', 'dist/server.cjs']) {
    const p = join(ext, f);
    if (!existsSync(p)) {
      lines.push(`| ${f} | missing (run npm run build) | |`);
      continue;
    }
    lines.push(`| ${f} | ${kib(statSync(p).size)} | ${kib(gzipSync(readFileSync(p)).length)} |`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'md-bench-vsix-'));
  try {
    const vsix = join(dir, 'marathon-devtools.vsix');
    ctx.log?.('extension: packaging the .vsix with vsce (no rebuild)…');
    const r = spawnSync(process.execPath, [join(ext, 'scripts/package.mjs'), vsix], { env: { ...process.env, MARATHON_SKIP_BUILD: '1' }, encoding: 'utf8' });
    lines.push(r.status === 0 ? `| marathon-devtools.vsix | ${kib(statSync(vsix).size)} | (zip) |` : `| marathon-devtools.vsix | packaging failed: ${(r.stderr || r.stdout).trim().split('\n').pop()} | |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

// `node bench/extension.mjs` prints the table on its own.
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = join(import.meta.dirname, '..');
  for (const l of await run({ root, log: (m) => console.error(m) })) console.log(l);
}
