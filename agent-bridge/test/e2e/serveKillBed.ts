/**
 * What the serve-level kill tests (restartMidMount, serveKillstorm) share: the bundled `dvdi-bridge serve`
 * (agent-bridge/dist/bridge.cjs, `npm run build` first) with its embedded local driver on a state dir of the test's
 * own, `dvdi-bridge dry-run` clients as separate processes, and what a killed bridge left (its journal, its mounts).
 * Real processes and real mounts throughout (the tests run as root, like the agent's bridge).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { watch } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startLocalDriver } from '../../src/local-driver/server';
import { PluginClient } from '../../src/plugin/client';
import { BRIDGE_BUNDLE } from '../server/lockTestBed';
import { checksumTree, mountsUnder, seedData } from './harness';

export interface Bridge {
  proc: ChildProcess;
  url: string;
  /** ms from spawn to the `dvdi-bridge listening on` line. */
  listenMs: number;
  /** Parsed JSON log lines so far (stderr). */
  logs: Record<string, any>[];
  exited: Promise<void>;
}

/**
 * Starts `serve` and waits for its listening line; rejects (with its logs) after `boundMs` or if it exits first.
 * `extra`: more serve flags (none: the embedded local driver); `cwd`: where serve runs (a relative --state-dir).
 */
export function startBridge(stateDir: string, tokenFile: string, boundMs: number, extra: string[] = [], cwd?: string): Promise<Bridge> {
  const t0 = Date.now();
  const proc = spawn(process.execPath, [BRIDGE_BUNDLE, 'serve', '--listen', '127.0.0.1:0', '--token-file', tokenFile, '--state-dir', stateDir, ...extra], { stdio: ['ignore', 'pipe', 'pipe'], ...(cwd ? { cwd } : {}) });
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  const logs: Record<string, any>[] = [];
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => {
    const lines = (err + d.toString()).split('\n');
    err = lines.pop()!;
    for (const l of lines) {
      try {
        logs.push(JSON.parse(l));
      } catch {
        logs.push({ text: l });
      }
    }
  });
  return new Promise((res, rej) => {
    let out = '';
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      rej(new Error(`serve did not print "listening" within ${boundMs} ms; its log: ${JSON.stringify(logs)}`));
    }, boundMs);
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^dvdi-bridge listening on (wss?:\/\/\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        res({ proc, url: m[1], listenMs: Date.now() - t0, logs, exited });
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`serve exited with ${code} before listening: ${JSON.stringify(logs)}`));
    });
  });
}

/** A `dvdi-bridge dry-run` client process; resolves with its exit status and output. */
export function dryRun(url: string, tokenFile: string, name: string, driver = 'local'): { proc: ChildProcess; done: Promise<{ code: number | null; out: string }> } {
  const proc = spawn(process.execPath, [BRIDGE_BUNDLE, 'dry-run', '--url', url, '--token-file', tokenFile, '--driver', driver, '--name', name, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return { proc, done: new Promise((r) => proc.once('exit', (code) => r({ code, out }))) };
}

/** The journal entries on disk (what a restarted bridge will recover). */
export async function journalEntries(stateDir: string): Promise<{ id: string; name: string; phase: string }[]> {
  const dir = join(stateDir, 'journal');
  const out = [];
  for (const n of await readdir(dir).catch(() => [] as string[])) {
    if (!n.endsWith('.json')) continue;
    try {
      out.push(JSON.parse(await readFile(join(dir, n), 'utf8')));
    } catch {
      // renamed away while read
    }
  }
  return out;
}

/**
 * SIGKILLs `proc` when its journal shows an entry in phase `mounting` (journalled before the Mount is sent, so
 * `afterMs` later for a Mount that surely reached a slow plugin), at once by default.
 */
export function killWhenMounting(proc: ChildProcess, stateDir: string, afterMs = 0): { stop(): void; killed: Promise<void> } {
  const dir = join(stateDir, 'journal');
  let stopped = false;
  let resolveKilled!: () => void;
  const killed = new Promise<void>((r) => (resolveKilled = r));
  const look = async () => {
    if (stopped) return;
    if ((await journalEntries(stateDir)).some((e) => e.phase === 'mounting')) {
      stopped = true;
      w.close();
      if (afterMs) await new Promise((r) => setTimeout(r, afterMs));
      proc.kill('SIGKILL');
      resolveKilled();
    }
  };
  const w = watch(dir, () => void look());
  return {
    stop: () => {
      stopped = true;
      w.close();
    },
    killed,
  };
}

/** A state dir whose embedded local driver already has the volumes `names`, the first one with data in it. */
export async function stateWithVolumes(stateDir: string, names: string[]): Promise<{ data: string }> {
  await mkdir(stateDir, { recursive: true });
  const local = await startLocalDriver({ stateDir, socketDir: join(stateDir, 'plugins') });
  const client = new PluginClient({ transport: 'unix', socketPath: local.socketPath, address: local.socketPath, source: 'test' });
  for (const n of names) await client.create(n, {}, { timeoutMs: 5000 });
  await local.close();
  const data = join(stateDir, 'local-driver', 'volumes', names[0], 'data');
  await seedData(data);
  return { data };
}

/** A token file the bridge and its clients share. */
export async function tokenFileIn(dir: string): Promise<string> {
  const f = join(dir, 'tokens');
  await writeFile(f, `ops:${'k'.repeat(40)}\n`, { mode: 0o600 });
  return f;
}

/** Waits until `pred` holds, polling; false after `ms`. */
export async function waitFor(pred: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  for (;;) {
    if (await pred()) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** After a test: SIGKILL the bridges still running, unmount what is left under `dir` (deepest first), remove it. */
export async function cleanUpBed(dir: string, live: readonly Bridge[]): Promise<void> {
  for (const b of live) if (b.proc.exitCode === null && b.proc.signalCode === null) b.proc.kill('SIGKILL');
  for (const m of (await mountsUnder(dir)).reverse()) spawnSync('umount', ['-l', m.split(' ')[0]!]);
  await rm(dir, { recursive: true, force: true });
}

/**
 * A restarted bridge's recovery left things as they were: its `recovered` report names only `volume`, released or
 * seen not mounted, and nothing failed; nothing is mounted under `dir`, the journal in `stateDir` is empty, and the
 * volume's data under `data` still has the checksum `sum` taken before the kills.
 */
export async function expectCleanRecovery(b: Bridge, dir: string, stateDir: string, data: string, sum: string, volume: string): Promise<void> {
  assert.ok(await waitFor(() => b.logs.some((l) => l.event === 'recovered'), 10_000), `no "recovered" line: ${JSON.stringify(b.logs)}`);
  const rep = b.logs.find((l) => l.event === 'recovered')!;
  assert.deepEqual([rep.failed, rep.unverified], [[], []], JSON.stringify(rep));
  assert.deepEqual([...rep.released, ...rep.notMounted].map((r: { name: string }) => r.name), [volume], JSON.stringify(rep));
  assert.deepEqual(await mountsUnder(dir), []);
  assert.deepEqual(await journalEntries(stateDir), []);
  assert.equal(await checksumTree(data), sum, "the volume's bytes changed");
}
