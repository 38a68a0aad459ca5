/**
 * Two bridges on one state dir from two containers: each in a network and a pid namespace of its own, as `docker run`
 * gives them, with one host dir as their state dir. The lock socket (journal/stateDirSocket.ts) is per network
 * namespace, and bridge.lock's pid and start time mean nothing in another pid namespace: the second bridge judged
 * the first one's record stale (no such pid there, or its own pid 1) and took the state dir while the first ran,
 * on one journal and one local driver. Now the holder listens on `<state-dir>/bridge.sock`, which any namespace that
 * sees the dir reaches, and a record whose holder answers there is in use. Real processes: the bundled `serve`
 * (agent-bridge/dist/bridge.cjs, `npm run build` first), one of them under `unshare --pid --net --fork --mount-proc`
 * (root), on a state dir and ports of this test's own.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startServe } from '../serveProcess';
import { lockTestBed, needsBundle, processOutcome, stopProcess } from './lockTestBed';

const UNSHARE = ['--pid', '--net', '--fork', '--mount-proc', '--kill-child'];
const canUnshare = spawnSync('unshare', [...UNSHARE, 'true']).status === 0;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `serve` inside fresh pid and network namespaces, loopback up (a container's view). */
const contained = (argv: string[]) => ['unshare', ...UNSHARE, 'sh', '-c', 'ip link set lo up && exec "$@"', 'sh', process.execPath, ...argv];

describe('two bridges in two containers (pid and network namespaces) on one state dir', { skip: needsBundle ? needsBundle : !canUnshare ? 'unshare --pid --net needs root' : undefined }, () => {
  const { argv, fresh } = lockTestBed('dvdi-lockns-');
  const refusal = (o: { status: number | null; stdout: string; stderr: string }, stateDir: string, pid: number) => {
    assert.equal(o.status, 2, JSON.stringify(o));
    assert.doesNotMatch(o.stdout, /listening/);
    const lines = o.stderr.trim().split('\n').filter((l) => !l.startsWith('{'));
    assert.equal(lines.length, 1, o.stderr);
    assert.match(lines[0]!, new RegExp(`^dvdi-bridge: --state-dir ${esc(stateDir)} is in use by another dvdi-bridge \\(pid ${pid}, running since \\d{4}-`));
  };

  it('one on the host runs: the contained one is refused', async () => {
    const stateDir = fresh('host-first');
    const first = await startServe(argv(stateDir));
    const [cmd, ...args] = contained(argv(stateDir));
    const second = spawn(cmd!, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      refusal(await processOutcome(second, 20_000), stateDir, first.proc.pid!);
    } finally {
      await stopProcess(second, 'SIGKILL');
      await stopProcess(first.proc);
    }
  });

  it('a contained one runs: the one on the host is refused; once it is killed (-9) the next one starts', async () => {
    const stateDir = fresh('contained-first');
    const [cmd, ...args] = contained(argv(stateDir));
    const inside = spawn(cmd!, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      await new Promise<void>((res, rej) => {
        const timer = setTimeout(() => rej(new Error('the contained bridge did not start within 20 s')), 20_000);
        inside.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          if (/^dvdi-bridge listening on /m.test(out)) {
            clearTimeout(timer);
            res();
          }
        });
      });
      const recorded = (JSON.parse(readFileSync(join(stateDir, 'bridge.lock'), 'utf8')) as { pid: number }).pid;
      const outside = spawn(process.execPath, argv(stateDir), { stdio: ['ignore', 'pipe', 'pipe'] });
      const o = await processOutcome(outside, 20_000);
      await stopProcess(outside, 'SIGKILL');
      refusal(o, stateDir, recorded);
      await stopProcess(inside, 'SIGKILL'); // --kill-child: the bridge (pid 1 inside) dies with unshare
      const next = await startServe(argv(stateDir));
      await stopProcess(next.proc);
    } finally {
      await stopProcess(inside, 'SIGKILL');
    }
  });
});
