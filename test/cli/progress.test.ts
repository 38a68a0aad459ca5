/**
 * The progress line on a terminal stderr (util-linux `script` gives the CLI a pseudo-terminal): one that reports no
 * width (0 columns: `script` without a terminal around it, `docker run -t` before its first resize) is not one
 * character wide. The line was cut to columns - 1, which for 0 dropped the last character of every line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = process.env.MARATHON_LINT_CLI ?? join(root, 'language-server/dist/cli.cjs');
const hasScript = spawnSync('script', ['--version']).status === 0;

test('on a terminal of unknown width the progress line names the file whole', { skip: hasScript ? false : 'script (util-linux) not installed' }, () => {
  assert.ok(existsSync(cli), `${cli} is missing: run \`npm run build\` first`);
  const dir = mkdtempSync(join(tmpdir(), 'marathon-lint-progress-'));
  try {
    // Enough files for a progress line (progress.ts: 20 or more); the first is named at once.
    for (let i = 0; i < 25; i++) writeFileSync(join(dir, `app-${String(i).padStart(2, '0')}.json`), `{ "id": "/a${i}", "cmd": "sleep 1000", "cpus": 0.1, "mem": 64 }\n`);
    const command = `stty cols 0 rows 0; '${process.execPath}' '${cli}' . > /dev/null`;
    const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /linting 0\/25 app-00\.json\r/, JSON.stringify(r.stdout));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
