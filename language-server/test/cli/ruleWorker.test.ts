import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeGroupText } from '../core/generateGroup';

// The shipped bundle with its rule worker forced on (threshold 0) prints what it prints without one.
const cli = process.env.MARATHON_LINT_CLI ?? join(import.meta.dirname, '..', '..', 'dist', 'cli.cjs');

test('the bundle reports the same with and without its rule worker, over several files', { skip: !existsSync(cli) && 'run npm run build' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'ml-worker-'));
  for (const [name, text] of [['a.json', makeGroupText(40, 5)], ['b.json', '{"id": "/x", "cmd": "y", "cpus": "1"}'], ['c.json', '{'], ['d.json', makeGroupText(10, 2)]]) {
    writeFileSync(join(dir, name), text);
  }
  const run = (minBytes: string) => spawnSync(process.execPath, [cli, '--format', 'json', '.'], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, MARATHON_LINT_WORKER_MIN_BYTES: minBytes },
  });
  const without = run('1e15');
  const withWorker = run('0');
  assert.equal(withWorker.status, without.status);
  assert.equal(withWorker.stderr, without.stderr);
  assert.equal(withWorker.stdout, without.stdout);
  assert.ok(JSON.parse(without.stdout).length === 4);
});
