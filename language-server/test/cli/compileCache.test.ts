import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeGroupText } from '../core/generateGroup';

// bin/marathon-lint.cjs loads the bundle through a V8 code cache: first run writes it, later runs use it,
// a corrupt cache is replaced, and none of this changes what is printed.
const bin = join(import.meta.dirname, '..', '..', 'bin', 'marathon-lint.cjs');
const bundle = join(import.meta.dirname, '..', '..', 'dist', 'cli.cjs');

test('the code cache is written once, reused, survives corruption, and never changes the output', { skip: !existsSync(bundle) && 'run npm run build' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'ml-cache-'));
  const cacheHome = join(dir, 'cache');
  writeFileSync(join(dir, 'g.json'), makeGroupText(30, 4));
  const run = (extraEnv: Record<string, string> = {}, args = ['--format', 'json', 'g.json']) =>
    spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cacheHome, ...extraEnv } });
  const plain = run({ MARATHON_LINT_NO_COMPILE_CACHE: '1' });
  assert.equal(existsSync(cacheHome), false, 'opt-out writes nothing');
  assert.equal(run({}, ['--version']).status, 0);
  assert.equal(existsSync(cacheHome), false, '--version does not write a cache');

  const first = run();
  const files = readdirSync(join(cacheHome, 'marathon-lint'));
  assert.equal(files.length, 1);
  const second = run();
  writeFileSync(join(cacheHome, 'marathon-lint', files[0]), 'not a V8 cache');
  const third = run();
  for (const r of [first, second, third]) {
    assert.equal(r.status, plain.status);
    assert.equal(r.stdout, plain.stdout);
    assert.equal(r.stderr, plain.stderr);
  }
  assert.deepEqual(readdirSync(join(cacheHome, 'marathon-lint')), files, 'the corrupt cache was replaced in place');
});
