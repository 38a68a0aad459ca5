/**
 * What ships is the esbuild bundle behind bin/dvdi-bridge.cjs, not the TypeScript: build it the way
 * scripts/build.mjs does (into a temporary copy of the package layout) and run it through the real launcher.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('dvdi-bridge bundle and launcher', () => {
  it('starts from bin/dvdi-bridge.cjs, serves /healthz, and stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dvdi-bundle-'));
    mkdirSync(join(dir, 'bin'));
    await build({ entryPoints: [join(ROOT, 'agent-bridge/src/main.ts')], outfile: join(dir, 'dist/bridge.cjs'), mainFields: ['module', 'main'], bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'error' });
    copyFileSync(join(ROOT, 'agent-bridge/bin/dvdi-bridge.cjs'), join(dir, 'bin/dvdi-bridge.cjs'));
    const launcher = join(dir, 'bin/dvdi-bridge.cjs');

    const version = spawnSync(process.execPath, [launcher, '--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0, version.stderr);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);

    writeFileSync(join(dir, 'tokens'), 'dev:0123456789abcdef0123456789abcdef\n');
    const t0 = performance.now();
    const proc = spawn(process.execPath, [launcher, 'serve', '--listen', '127.0.0.1:0', '--token-file', join(dir, 'tokens'), '--state-dir', join(dir, 'state')], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((r) => proc.on('exit', r));
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => (stderr += d));
    const url = await new Promise<string>((res, rej) => {
      let out = '';
      proc.stdout.on('data', (d: Buffer) => {
        out += d;
        const m = /^dvdi-bridge listening on (ws:\/\/\S+)$/m.exec(out);
        if (m) res(m[1]);
      });
      proc.on('exit', (c) => rej(new Error(`exited ${c}: ${stderr}`)));
    });
    const startupMs = performance.now() - t0;
    const health = await fetch(url.replace(/^ws/, 'http').replace(/\/v1$/, '/healthz'));
    assert.equal(health.status, 200);
    assert.equal(((await health.json()) as { ok: boolean }).ok, true);
    proc.kill('SIGTERM');
    assert.equal(await exited, 0, stderr);
    assert.ok(startupMs < 10_000, `startup took ${Math.round(startupMs)} ms`);
  });
});
