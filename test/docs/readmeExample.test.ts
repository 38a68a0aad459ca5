// The README's `marathon-lint examples/` excerpt is what the CLI prints: each finding line shown (up to its "…")
// begins a line of the real output, and the summary line is the real one; its dvdi-bridge excerpt is the demo's last
// dry run line by line. Needs the built bundles (npm run build) and root (the embedded local driver bind-mounts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

test("README's marathon-lint examples/ excerpt matches the CLI's output", () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = /```\n\$ marathon-lint examples\/\n([\s\S]*?)\n\n\$ /.exec(readme);
  assert.ok(block, 'README.md has a "$ marathon-lint examples/" block');
  const run = spawnSync(process.execPath, [join(root, 'language-server/bin/marathon-lint.cjs'), 'examples/'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(run.status, 1, run.stderr);
  const real = run.stdout.trimEnd().split('\n');
  const shownLines = block[1].split('\n');
  for (const line of shownLines.slice(0, -1)) {
    if (line === '…') continue;
    const shown = line.replace(/ …  (\S+)$/, '');
    assert.ok(real.some((r) => r.startsWith(shown) && r.endsWith(line.slice(line.lastIndexOf('  ') + 2))), `README line not in the output: ${line}`);
  }
  assert.equal(shownLines.at(-1), real.at(-1), 'the summary line');
});

/** What differs between two runs of the demo: timings, the temp dir, the dry run's UUID, the agent's filesystem. */
function comparable(line: string): string {
  return line
    .replace(/\x1b\[[0-9;]*m/g, '')
    .replace(/\s+[\d.]+ ms\b/g, ' N ms')
    .replace(/\/tmp\/dvdi-bridge-demo-\w+/g, '/tmp/dvdi-bridge-demo-X')
    .replace(/dvdi-bridge-[0-9a-f-]{36}/g, 'dvdi-bridge-…')
    .replace(/ entries, \S+ from \S+$/, ' entries, FS from DEV')
    .replace(/ {2,}/g, ' ');
}

test("README's dry-run excerpt is what npm start's last dry run prints (as root: the embedded local driver mounts)", { timeout: 120_000 }, () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = /\n(\$ dvdi-bridge dry-run --driver local --name demo-vol {2,}\(now it exists[^\n]*)\n([\s\S]*?)\n```/.exec(readme);
  assert.ok(block, 'README.md shows the "(now it exists…)" dry run of npm start');
  // npm start is `node scripts/build.mjs && node scripts/demo.mjs`; the bundles are built already.
  const run = spawnSync(process.execPath, [join(root, 'scripts/demo.mjs')], { cwd: root, encoding: 'utf8', timeout: 110_000 });
  assert.equal(run.status, 0, `scripts/demo.mjs exited ${run.status}: ${run.stderr}`);
  const real = run.stdout.split('\n').map(comparable);
  const header = real.indexOf(comparable(block[1]));
  assert.ok(header >= 0, `the demo prints no such header: ${block[1]}\nit prints:\n${real.filter((l) => l.startsWith('$ ')).join('\n')}`);
  const shown = block[2].split('\n').map(comparable);
  shown.forEach((line, i) => {
    const got = real[header + 1 + i] ?? '';
    const pattern = new RegExp(`^${line.split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    assert.match(got, pattern, `README line ${i + 1} after the header is not what the demo prints`);
  });
});
