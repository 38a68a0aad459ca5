/**
 * A dvdcli (or the module's `sh -c`) that never starts: the kernel refuses the exec (E2BIG: one argument over Linux's
 * 128 KiB, which mesos-module-dvdi's single command string reaches with many long dvdi/* options), or the binary is
 * missing. Nothing was started, so nothing can be mounted: the dry run answers `failed` saying why, the journal keeps
 * no entry claiming a mount, and no bridge after it (startup recovery) sends an Unmount for a mount that never was.
 * Real processes; the REX-Ray (vfs) stand-in logs every call it gets.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createDryRunner } from '../../src/dryrun/runner';
import { DvdiModuleEngine } from '../../src/engines/dvdiModule';
import { runProcess } from '../../src/engines/runProcess';
import { runKillable } from '../../src/plugin/killableChild';
import { ctx, DVDCLI_STANDIN, makeLab, mountsUnder, runnerConfig, startRexrayVfs, type Lab, type Proc } from './harness';

let lab: Lab;
const procs: Proc[] = [];
beforeEach(async () => {
  lab = await makeLab('spawnfail');
});
afterEach(async () => {
  for (const p of procs.splice(0)) await p.stop();
  await lab.cleanup();
});

/** Linux's MAX_ARG_STRLEN (32 pages): one argv string longer than this makes execve fail with E2BIG. */
const MAX_ARG_STRLEN = 128 * 1024;
/** 40 options of 4 KiB (the protocol allows 64): the module's one command string is ~160 KiB. */
const longOptions = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`label${i}`, 'x'.repeat(4000)]));
const fast = { mount: 1500, unmount: 3000, pluginCall: 800, lateMountGrace: 1000 };
const journal = () => readdir(join(lab.stateDir, 'journal')).catch(() => []);

describe('a dvdcli that never starts', () => {
  test('runProcess answers a refused exec (E2BIG, ENOENT) as a spawn error, never by throwing', async () => {
    const big = await runProcess('/bin/sh', ['-c', `: ${'x'.repeat(MAX_ARG_STRLEN + 1)}`], { timeoutMs: 5000 });
    assert.match(big.spawnError ?? '', /E2BIG/);
    assert.equal(big.stdout, '');
    const missing = await runProcess(join(lab.root, 'no-dvdcli'), ['mount'], { timeoutMs: 5000 });
    assert.match(missing.spawnError ?? '', /ENOENT/);
  });

  test('at the open-file limit (EMFILE) a child that cannot start is an answer, not a crash of the bridge', async () => {
    // This test process's own soft limit, lowered for the test (util-linux prlimit) and restored after: real EMFILE.
    const hard = spawnSync('prlimit', ['--pid', String(process.pid), '--nofile', '--raw', '--noheadings', '--output=HARD'], { encoding: 'utf8' }).stdout.trim();
    const soft = spawnSync('prlimit', ['--pid', String(process.pid), '--nofile', '--raw', '--noheadings', '--output=SOFT'], { encoding: 'utf8' }).stdout.trim();
    assert.match(hard, /^\d+$/, 'prlimit (util-linux) reads this process\'s limits');
    assert.equal(spawnSync('prlimit', ['--pid', String(process.pid), `--nofile=${readdirSync('/proc/self/fd').length + 32}:${hard}`]).status, 0);
    const fds: number[] = [];
    let outcomes: unknown[];
    try {
      try {
        for (;;) fds.push(openSync('/dev/null', 'r'));
      } catch (e) {
        assert.equal((e as NodeJS.ErrnoException).code, 'EMFILE');
      }
      outcomes = await Promise.all([runProcess('/bin/true', [], { timeoutMs: 5000 }), runKillable(['/bin/true'], 5000)].map((p) => p.catch((e: Error) => `rejected: ${e.message}`)));
    } finally {
      for (const fd of fds) closeSync(fd);
      spawnSync('prlimit', ['--pid', String(process.pid), `--nofile=${soft}:${hard}`]);
    }
    const [dvdcli, look] = outcomes as [{ spawnError?: string }, { kind: string; why?: string }];
    assert.match(dvdcli.spawnError ?? JSON.stringify(dvdcli), /EMFILE/);
    assert.deepEqual([look.kind, /EMFILE/.test(look.why ?? '')], ['failed', true], JSON.stringify(look));
  });

  test('the module engine: a command over the kernel\'s limit is a definite failure that says why', async () => {
    const r = await new DvdiModuleEngine(DVDCLI_STANDIN).mount({ driver: 'rexray', name: 'v', options: longOptions, create: false, plugin: { transport: 'unix', socketPath: '/nonexistent', address: '/nonexistent', source: 'test' }, timeoutMs: 5000 });
    assert.equal(r.ok, false);
    assert.notEqual(r.indeterminate, true, 'nothing was started, so nothing can still be mounting');
    assert.match(r.detail, /E2BIG.*128 KiB.*dvdi\/\*/);
  });

  test('a dry run whose dvdcli cannot start: failed, no journal entry, and no Unmount from the next bridge', async () => {
    const rr = await startRexrayVfs(lab, 'rexray');
    procs.push(rr);
    assert.equal(spawnSync(DVDCLI_STANDIN, ['create', '--volumedriver=rexray', '--volumename=pg', '--volumeopts=size=1']).status, 0);
    const cfg = runnerConfig(lab, { timeouts: fast, proofs: { dockerSocket: '', trustCheckpointsFor: ['rexray'], allowHazards: ['rexray-vfs-wipe-on-mount'] } });
    const runner = await createDryRunner(cfg);
    const r = await runner.dryRunMount({ driver: 'rexray', name: 'pg', engine: 'dvdi-module', options: longOptions }, ctx());
    assert.equal(r.verdict, 'failed', JSON.stringify(r).slice(0, 2000));
    assert.match(r.steps.find((s) => s.step === 'mount')?.detail ?? '', /E2BIG/);
    assert.deepEqual(await journal(), [], 'the journal claims a mount that was never attempted');
    await runner.close();
    // A restarted bridge (startup recovery) finds nothing to release, so it sends nothing.
    const next = await createDryRunner(cfg);
    const report = await next.recover();
    await next.close();
    assert.deepEqual(report, { released: [], notMounted: [], unverified: [], failed: [] });
    const calls = await rr.calls();
    assert.deepEqual(calls.filter((c) => /^VolumeDriver\.(Mount|Unmount) /.test(c)), [], calls.join('\n'));
    assert.deepEqual(await mountsUnder(lab.root), []);
  });
});
