// The repo's benchmark driver: runs each section module in bench/ that exists, in order, and prints
// its table. A section is `bench/<name>.mjs` exporting `title` and `run(ctx)` → lines of text.
// Usage: node scripts/bench.mjs [section ...] [--runs N] [--sizes 1000,10000]
//   e.g. node scripts/bench.mjs lint --runs 3 --sizes 1000
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { median, timeProcess } from '../bench/measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Every known section; others add theirs here (bench/lsp.mjs, bench/bridge.mjs, bench/extension.mjs). Missing files are skipped. */
const sections = ['lint', 'lsp', 'bridge', 'extension', 'cluster', 'cluster-lint', 'gate'];

const usage = `usage: node scripts/bench.mjs [section ...] [--runs N] [--sizes 1000,10000]; sections: ${sections.join(', ')}`;
let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { runs: { type: 'string', default: '5' }, sizes: { type: 'string', default: '1000,10000' }, help: { type: 'boolean', short: 'h' } },
  });
} catch (e) {
  // parseArgs throws on an unknown flag: one line naming it, not a stack trace.
  console.error(`bench: ${e.message.split('.')[0]}\n${usage}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const runs = Number(values.runs);
const sizes = values.sizes.split(',').map(Number);
if (!Number.isInteger(runs) || runs < 1 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error('bench: --runs and --sizes take positive whole numbers, e.g. --runs 5 --sizes 1000,10000');
  process.exit(2);
}
const unknown = positionals.filter((p) => !sections.includes(p));
if (unknown.length > 0) {
  console.error(`bench: unknown section ${unknown.join(', ')}; known: ${sections.join(', ')}`);
  process.exit(2);
}

const nodeStartup = median(Array.from({ length: runs }, () => timeProcess(process.execPath, ['-e', '0'], { runs: 1 }).medianMs));
console.log(`# marathon-devtools benchmarks`);
console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load ${loadavg()[0].toFixed(2)}, ` +
  `median of ${runs} fresh process${runs === 1 ? "" : "es"}${runs > 1 ? " after 1 warm-up" : ""}; \`node -e 0\` = ${(nodeStartup / 1000).toFixed(2)} s\n`);

const ctx = { root, runs, sizes, log: (line) => console.error(line) };
for (const name of positionals.length > 0 ? positionals : sections) {
  const file = join(root, 'bench', `${name}.mjs`);
  if (!existsSync(file)) continue;
  const section = await import(pathToFileURL(file).href);
  console.log(`## ${section.title ?? name}\n`);
  for (const line of await section.run(ctx)) console.log(line);
  console.log('');
}
