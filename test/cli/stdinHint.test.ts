/**
 * `marathon-lint -` on a terminal says it is waiting for a definition (it used to wait in silence); through a pipe
 * it says nothing. The terminal is a real pseudo-terminal from util-linux `script`, fed the document and Ctrl-D.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = process.env.MARATHON_LINT_CLI ?? join(root, 'language-server/dist/cli.cjs');
const hasScript = spawnSync('script', ['--version']).status === 0;
const app = '{"id": "/web", "cmd": "sleep 1000"}';
const hint = 'marathon-lint: reading a definition from standard input (Ctrl-D to end)';

test('on a terminal, - prints a one-line hint before it waits for the definition', { skip: hasScript ? false : 'script (util-linux) not installed' }, () => {
  assert.ok(existsSync(cli), `${cli} is missing: run \`npm run build\` first`);
  // The terminal's line discipline turns Ctrl-D (\x04) at the start of a line into the end of input.
  const r = spawnSync('script', ['-qec', `'${process.execPath}' '${cli}' -`, '/dev/null'], { input: `${app}\n\x04`, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const out = r.stdout.replace(/\r\n/g, '\n');
  assert.ok(out.includes(`${hint}\n`), `the hint is missing: ${JSON.stringify(out)}`);
  assert.match(out, /No problems found in 1 file\./);
});

test('through a pipe, - prints no hint', () => {
  assert.ok(existsSync(cli), `${cli} is missing: run \`npm run build\` first`);
  const r = spawnSync(process.execPath, [cli, '-'], { input: app, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /No problems found in 1 file\./);
});
