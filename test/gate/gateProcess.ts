// marathon-gate as a user starts it: the bundled bin in a real process, its log on stderr, ready once it logs
// "listening". For the tests that need the process itself (flags, files it re-reads, timeouts), not an in-process gate.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const gateBin = join(import.meta.dirname, '..', '..', 'gate/bin/marathon-gate.cjs');

export interface GateProcess {
  proc: ChildProcess;
  /** The URL it logged as listening on. */
  url: string;
  /** Everything it has logged so far. */
  log(): string;
}

/** Starts `marathon-gate --listen 127.0.0.1:0 ARGS` and waits until it listens; rejects with its log if it exits first. */
export function startGateProcess(args: readonly string[]): Promise<GateProcess> {
  const proc = spawn(process.execPath, [gateBin, '--listen', '127.0.0.1:0', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  return new Promise<GateProcess>((resolve, reject) => {
    createInterface({ input: proc.stderr! }).on('line', (line) => {
      stderr += line + '\n';
      const m = /"msg":"listening","url":"([^"]+)"/.exec(line);
      if (m) resolve({ proc, url: m[1], log: () => stderr });
    });
    proc.once('exit', (code) => reject(new Error(`marathon-gate exited ${code}: ${stderr}`)));
  });
}
