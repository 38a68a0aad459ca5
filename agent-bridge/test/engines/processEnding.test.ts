// How a run that failed ended, as recover()'s own umount of a disowned mount reports it (dryrun/disowned.ts): real
// processes killed by a signal, timed out, exiting non-zero, never started. A umount killed by a signal was
// reported as "exit null", and one killed under sh as the shell's "exit 137".
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { endingSignal, processEnding, runProcess } from '../../src/engines/runProcess';

describe('processEnding', () => {
  test('a process killed by a signal names the signal, not "exit null"', async () => {
    const r = await runProcess('sh', ['-c', 'kill -TERM $$'], { timeoutMs: 30_000 });
    assert.equal(r.signal, 'SIGTERM');
    const said = processEnding(r, 30_000);
    assert.match(said, /killed by signal SIGTERM/);
    assert.doesNotMatch(said, /null/);
  });

  test('a signal after some stderr: both are said', async () => {
    const r = await runProcess('sh', ['-c', 'echo "umount: /mnt/v: target is busy." >&2; kill -KILL $$'], { timeoutMs: 30_000 });
    assert.equal(processEnding(r, 30_000), 'killed by signal SIGKILL: umount: /mnt/v: target is busy.');
  });

  test('a command killed under sh (as mesos-module-dvdi runs dvdcli): sh\'s exit 128+N is named as the signal', async () => {
    const r = await runProcess('sh', ['-c', 'sleep 30 & kill -KILL $!; wait $!'], { timeoutMs: 30_000 });
    assert.deepEqual([r.code, r.signal, endingSignal(r)], [137, null, 'SIGKILL']);
    assert.equal(processEnding(r, 30_000), "killed by signal SIGKILL (sh's exit 137): Killed"); // sh's own word on stderr
    assert.equal(endingSignal(await runProcess('sh', ['-c', 'exit 2'], { timeoutMs: 30_000 })), undefined);
    // A real-time signal (37, SIGRTMIN+3 on Linux), which node's table does not name; above 128 + 64 no signal.
    const rt = await runProcess('sh', ['-c', 'sleep 30 & kill -37 $!; wait $!'], { timeoutMs: 30_000 });
    assert.deepEqual([rt.code, endingSignal(rt)], [165, '37']);
    assert.match(processEnding(rt, 30_000), /^killed by signal 37 \(sh's exit 165\)/);
    assert.equal(endingSignal(await runProcess('sh', ['-c', 'exit 200'], { timeoutMs: 30_000 })), undefined);
  });

  test('an exit status, a timeout, a program that never started', async () => {
    assert.equal(processEnding(await runProcess('sh', ['-c', 'echo no >&2; exit 32'], { timeoutMs: 30_000 }), 30_000), 'exit 32: no');
    assert.equal(processEnding(await runProcess('sleep', ['30'], { timeoutMs: 200 }), 200), 'timed out after 200 ms and its process group was killed');
    assert.match(processEnding(await runProcess('/nonexistent/umount', [], { timeoutMs: 30_000 }), 30_000), /^cannot start: ENOENT/);
  });
});
