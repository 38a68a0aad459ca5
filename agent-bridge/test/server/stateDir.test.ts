// The state dir is where the bridge writes; inside an isolator's checkpoint dir the agent would take those
// files for its own state (dvdi-bridge.md §2.5: a stray entry there unmounts a volume on the next agent restart).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseServeArgs } from '../../src/cli/serveConfig';

let dir: string;
let tokens: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dvdi-statedir-'));
  tokens = join(dir, 'tokens');
  await writeFile(tokens, `ops:${'a'.repeat(32)}\n`, { mode: 0o600 });
});
after(async () => {
  // Never rm -rf through a mount: the read-only bind below must be gone first.
  while (spawnSync('mountpoint', ['-q', join(dir, 'ro')]).status === 0) spawnSync('umount', [join(dir, 'ro')]);
  await rm(dir, { recursive: true, force: true });
});

const serve = (stateDir: string) => parseServeArgs(['--listen', '127.0.0.1:0', '--token-file', tokens, '--state-dir', stateDir]);

describe('serve --state-dir', () => {
  for (const p of ['/var/run/mesos/isolators/docker/volume', '/var/run/mesos/isolators/docker/volume/dvdi-bridge', '/run/mesos/isolators/mesos-module-dvdi/state', '/var/run/mesos/isolators/docker/volume/../volume/x']) {
    test(`refuses ${p} (inside an isolator checkpoint dir)`, () => {
      assert.throws(() => serve(p), /inside the isolator checkpoint dir/);
    });
  }
  test('accepts an ordinary dir, and a sibling whose name only starts like a checkpoint dir', () => {
    assert.equal(serve(join(dir, 'state')).stateDir, join(dir, 'state'));
    assert.doesNotThrow(() => serve('/var/run/mesos/isolators/docker/volume-bridge'));
  });
});

describe('serve with a state dir it cannot write', () => {
  const MAIN = resolve(import.meta.dirname, '../../src/main.ts');
  const serveProc = (stateDir: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', MAIN, 'serve', '--listen', '127.0.0.1:0', '--token-file', tokens, '--state-dir', stateDir, '--engine', 'plugin', '--plugin-dirs', join(dir, 'plugins')], { encoding: 'utf8', timeout: 15_000 });

  test('a read-only state dir: exit 2 at startup with one line naming it, not an internal error at the first dry run', async (t) => {
    const ro = join(dir, 'ro');
    await mkdir(join(ro, 'journal'), { recursive: true });
    await mkdir(join(dir, 'plugins'), { recursive: true }); // a plugin dir that does not exist is refused first
    // A real read-only mount (root ignores file modes, so chmod would prove nothing).
    if (spawnSync('mount', ['--bind', ro, ro]).status !== 0) return t.skip('cannot bind-mount here (needs root)');
    assert.equal(spawnSync('mount', ['-o', 'remount,bind,ro', ro]).status, 0);
    const r = serveProc(ro);
    assert.equal(r.status, 2, `serve did not exit 2 (status ${r.status}, signal ${r.signal}); stdout: ${r.stdout}`);
    assert.equal(r.stdout, '', 'serve printed "listening" with an unwritable state dir');
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], new RegExp(`^dvdi-bridge: --state-dir ${ro.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not usable: cannot create .*journal.*\\(EROFS\\)`));
    assert.deepEqual(await readdir(join(ro, 'journal')), []);
  });
});
