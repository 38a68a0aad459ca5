/**
 * When stylish output is coloured, on a real terminal (util-linux `script` gives the CLI a pseudo-terminal) and
 * through a pipe: NO_COLOR and FORCE_COLOR as Node and chalk read them, --color and --no-color over both.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = process.env.MARATHON_LINT_CLI ?? join(root, 'language-server/dist/cli.cjs');
const hasScript = spawnSync('script', ['--version']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'marathon-lint-color-'));
const file = join(dir, 'app.json');
writeFileSync(file, '{ "id": "/A", "cmd": "sleep 1000" }\n');

/** Whether the run printed ANSI colours; `tty`: stdout is a terminal. */
function coloured(tty: boolean, env: Record<string, string>, ...flags: string[]): boolean {
  assert.ok(existsSync(cli), `${cli} is missing: run \`npm run build\` first`);
  const base = { ...process.env, NO_COLOR: '', FORCE_COLOR: '', TERM: 'xterm', ...env };
  const argv = [process.execPath, cli, ...flags, file];
  const r = tty
    ? spawnSync('script', ['-qec', argv.map((a) => `'${a}'`).join(' '), '/dev/null'], { env: base, encoding: 'utf8', timeout: 60_000 })
    : spawnSync(argv[0], argv.slice(1), { env: base, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 1, `one error expected: ${r.stdout}${r.stderr}`);
  assert.match(r.stdout, /app-id-pattern/);
  return r.stdout.includes('\x1b[');
}

test('a terminal gets colours unless NO_COLOR, FORCE_COLOR=0 or false, TERM=dumb or --no-color says otherwise', { skip: hasScript ? false : 'script (util-linux) not installed' }, () => {
  assert.equal(coloured(true, {}), true);
  assert.equal(coloured(true, { NO_COLOR: '1' }), false);
  assert.equal(coloured(true, { FORCE_COLOR: '0' }), false, 'FORCE_COLOR=0 turns colours off (it left them on)');
  assert.equal(coloured(true, { FORCE_COLOR: 'false' }), false);
  assert.equal(coloured(true, { TERM: 'dumb' }), false);
  assert.equal(coloured(true, {}, '--no-color'), false);
  assert.equal(coloured(true, { FORCE_COLOR: '0' }, '--color'), true);
});

test('a pipe gets no colours unless FORCE_COLOR (not 0) or --color asks for them', () => {
  assert.equal(coloured(false, {}), false);
  assert.equal(coloured(false, { FORCE_COLOR: '1' }), true);
  assert.equal(coloured(false, { FORCE_COLOR: '0' }), false);
  assert.equal(coloured(false, {}, '--color'), true);
  assert.equal(coloured(false, { FORCE_COLOR: '1', NO_COLOR: '1' }), false);
});
