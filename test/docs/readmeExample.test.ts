// The README's `marathon-lint examples/` excerpt is what the CLI prints: each finding line shown (up to its "…")
// begins a line of the real output, and the summary line is the real one. Needs the built CLI (npm run build).
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
