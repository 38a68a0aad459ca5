/**
 * What the state dir lock tests (stateDirRace, lockLeftovers, lockSocketPeers, stateDirNamespaces) share: the bundled
 * `serve` (agent-bridge/dist/bridge.cjs, `npm run build` first) on state dirs and a token file of the test's own, with
 * ports the OS picks, so other bridge tests may run beside them; and how one such process is stopped or ends.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after } from 'node:test';

export const BRIDGE_BUNDLE = resolve(import.meta.dirname, '../../dist/bridge.cjs');
/** The `skip` of a suite that needs the bundle. */
export const needsBundle = existsSync(BRIDGE_BUNDLE) ? undefined : `${BRIDGE_BUNDLE} missing: npm run build`;

/** A temp dir removed after the suite, a token file in it, `serve` argv for a state dir, and fresh state dirs. */
export function lockTestBed(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  after(() => rm(dir, { recursive: true, force: true }));
  const tokenFile = join(dir, 'tokens');
  writeFileSync(tokenFile, `ops:${'p'.repeat(32)}\n`, { mode: 0o600 });
  return {
    dir,
    tokenFile,
    argv: (stateDir: string) => [BRIDGE_BUNDLE, 'serve', '--listen', '127.0.0.1:0', '--token-file', tokenFile, '--state-dir', stateDir],
    fresh: (name: string) => {
      const d = join(dir, name);
      mkdirSync(d);
      return d;
    },
  };
}

/** Sends `signal` unless the process has ended, and waits for its exit. */
export async function stopProcess(p: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!p || p.exitCode !== null || p.signalCode !== null) return;
  const gone = new Promise((r) => p.once('exit', r));
  p.kill(signal);
  await gone;
}

/** How a `serve` ended: exit status and what it printed, or still running (listening or not) after `ms`. */
export function processOutcome(p: ChildProcess, ms: number): Promise<{ status: number | null; stdout: string; stderr: string; running: boolean }> {
  let stdout = '';
  let stderr = '';
  p.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  p.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((res) => {
    const timer = setTimeout(() => res({ status: null, stdout, stderr: `${stderr}\n(still running after ${ms} ms)`, running: true }), ms);
    p.once('exit', (code) => {
      clearTimeout(timer);
      res({ status: code, stdout, stderr, running: false });
    });
  });
}
