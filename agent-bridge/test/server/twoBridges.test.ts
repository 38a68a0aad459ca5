/**
 * An operator starts `dvdi-bridge serve` a second time on an agent where one already runs (by hand beside the
 * systemd unit, or a restart script that did not wait), on the same state dir. The second must stop at once
 * without touching the first one's state: the embedded local driver's socket, the journal, the local driver's
 * volumes. Real processes: the bundled `serve` (agent-bridge/dist/bridge.cjs, `npm run build` first) and a real
 * websocket client.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { connect } from './harness';
import { startServe, type ServeProcess } from '../serveProcess';

const BUNDLE = resolve(import.meta.dirname, '../../dist/bridge.cjs');
const TOKEN = 'twice-6c0e2b9d4a7f1e3c5b8d0a2f4e6c8b1d';

describe('dvdi-bridge serve started twice on one state dir', { skip: existsSync(BUNDLE) ? undefined : `${BUNDLE} missing: npm run build` }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'dvdi-twice-'));
  const stateDir = join(dir, 'state');
  const tokenFile = join(dir, 'tokens');
  const policy = join(dir, 'policy.json');
  let first: ServeProcess;
  const args = (listen: string, state = stateDir) => [BUNDLE, 'serve', '--listen', listen, '--token-file', tokenFile, '--state-dir', state, '--policy', policy];
  const second = (listen: string, state = stateDir) => spawnSync(process.execPath, args(listen, state), { encoding: 'utf8', timeout: 30_000 });
  const stop = async (p: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') => {
    if (p.exitCode !== null || p.signalCode !== null) return;
    const gone = new Promise((r) => p.once('exit', r));
    p.kill(signal);
    await gone;
  };
  const dryRun = async (url: string, name: string) => {
    const c = await connect(url, { token: TOKEN });
    try {
      return (await c.request('volume/dryRunMount', { driver: 'local', name, allowCreate: true })).result;
    } finally {
      c.ws.close();
    }
  };

  before(async () => {
    writeFileSync(tokenFile, `ops:${TOKEN}\n`);
    writeFileSync(policy, JSON.stringify({ ops: { allowedDrivers: ['local'], allowCreate: true } }));
    first = await startServe(args('127.0.0.1:0'));
  });
  after(async () => {
    if (first) await stop(first.proc);
    await rm(dir, { recursive: true, force: true });
  });

  it('on the same port: exit 2 naming the state dir and the running bridge, and the running one keeps dry-running', async () => {
    assert.equal((await dryRun(first.url, 'before')).verdict, 'mounted-and-released');
    const port = new URL(first.url).port;
    const r = second(`127.0.0.1:${port}`);
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stdout, '');
    const lines = r.stderr.trim().split('\n').filter((l) => !l.startsWith('{'));
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], new RegExp(`--state-dir ${stateDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is in use by another dvdi-bridge \\(pid ${first.proc.pid}\\b`));
    // The first bridge's embedded local driver is still reachable: its socket was not taken away.
    const after = await dryRun(first.url, 'after');
    assert.equal(after.verdict, 'mounted-and-released', JSON.stringify(after.steps));
  });

  it('on another port: refused the same way, before it listens', async () => {
    const r = second('127.0.0.1:0');
    assert.equal(r.status, 2, r.stderr);
    assert.doesNotMatch(r.stdout, /listening/);
    assert.match(r.stderr, /is in use by another dvdi-bridge/);
    assert.equal((await dryRun(first.url, 'again')).verdict, 'mounted-and-released');
  });

  it('another state dir on the same port: only the port is refused, the running bridge is untouched', async () => {
    const r = second(`127.0.0.1:${new URL(first.url).port}`, join(dir, 'other-state'));
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /EADDRINUSE.*pick another port/);
    assert.equal((await dryRun(first.url, 'other')).verdict, 'mounted-and-released');
  });

  it('once the first has stopped (SIGTERM), or was killed (-9, its lock left behind), a new bridge starts on the state dir', async () => {
    await stop(first.proc);
    const next = await startServe(args('127.0.0.1:0'));
    assert.equal((await dryRun(next.url, 'next')).verdict, 'mounted-and-released');
    await stop(next.proc, 'SIGKILL');
    const third = await startServe(args('127.0.0.1:0'));
    try {
      assert.equal((await dryRun(third.url, 'third')).verdict, 'mounted-and-released');
    } finally {
      await stop(third.proc);
    }
  });
});

// A pid reused by an unrelated process must not hold the state dir: a lock names the bridge by pid and start time.
describe('a state dir lock left by a killed bridge whose pid is now another process', { skip: existsSync(BUNDLE) ? undefined : `${BUNDLE} missing: npm run build` }, () => {
  it('is taken over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dvdi-twice-stale-'));
    const tokenFile = join(dir, 'tokens');
    writeFileSync(tokenFile, `ops:${TOKEN}\n`);
    const stateDir = join(dir, 'state');
    const sleeper = spawn('sleep', ['30']);
    try {
      spawnSync('mkdir', ['-p', stateDir]);
      writeFileSync(join(stateDir, 'bridge.lock'), JSON.stringify({ pid: sleeper.pid, start: '1', since: new Date().toISOString() }) + '\n');
      const s = await startServe([BUNDLE, 'serve', '--listen', '127.0.0.1:0', '--token-file', tokenFile, '--state-dir', stateDir]);
      const gone = new Promise((r) => s.proc.once('exit', r));
      s.proc.kill('SIGTERM');
      await gone;
    } finally {
      sleeper.kill();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
