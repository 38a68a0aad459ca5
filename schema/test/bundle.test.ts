// The validators import generated .cjs files; that must work through tsx (this test runs there) and inside an
// esbuild bundle (how the CLI, server and bridge ship), with no ajv compiler at runtime.
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { validateApp } from '../src/validators';

test('validators work through tsx', () => {
  assert.equal(validateApp({ id: '/web', cmd: 'serve' }), true);
  assert.equal(validateApp({ id: '/Web', cmd: 'serve' }), false);
  assert.equal(validateApp.errors?.[0]?.instancePath, '/id');
});

test('validators work inside an esbuild bundle', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'schema-bundle-'));
  try {
    const entry = join(dir, 'entry.ts');
    writeFileSync(
      entry,
      `import { validateApp, bridgeProtocolValidators } from ${JSON.stringify(join(import.meta.dirname, '../src/index.ts'))};
       const a = validateApp({ id: '/web', container: { type: 'docker', docker: { image: 'nginx' } } });
       const b = validateApp({ id: '/web', instances: -1 });
       const c = bridgeProtocolValidators.dryRunMountParams({ driver: 'rexray', name: 'pgdata', mode: 'rw' });
       console.log(JSON.stringify({ a, b, path: validateApp.errors?.[0]?.instancePath, c }));`,
    );
    const out = join(dir, 'out.cjs');
    const result = await build({ entryPoints: [entry], outfile: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent', metafile: true });
    const compilerInputs = Object.keys(result.metafile.inputs).filter((p) => /ajv\/dist\/(compile|core|ajv)\b/.test(p));
    assert.deepEqual(compilerInputs, [], 'the ajv compiler must not be bundled');
    const r = spawnSync(process.execPath, [out], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { a: true, b: false, path: '/instances', c: false });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
