// The gate's own Marathon app definition passes our linter: the real marathon-lint CLI, as CI runs it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

test('gate/deploy/marathon-gate.json has no findings', () => {
  const r = spawnSync(process.execPath, [join(root, 'language-server/bin/marathon-lint.cjs'), '--format', 'json', 'gate/deploy'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const results = JSON.parse(r.stdout) as { file: string; kind: string; diagnostics: unknown[] }[];
  assert.deepEqual(results.map((x) => [x.file, x.kind, x.diagnostics]), [['gate/deploy/marathon-gate.json', 'app', []]]);
});
