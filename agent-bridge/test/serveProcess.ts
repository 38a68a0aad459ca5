/** A real `dvdi-bridge serve` process for tests: its URL from the "listening" line, its JSON log lines from stderr. */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export interface ServeProcess {
  proc: ChildProcess;
  url: string;
  /** Every structured log line so far (one JSON object per stderr line). */
  logs: Record<string, any>[];
  exited: Promise<number | null>;
}

/** `argv` follows `node`: e.g. [bundle, 'serve', '--listen', '127.0.0.1:0', …]. Rejects if serve exits first. */
export async function startServe(argv: string[], options: SpawnOptions = {}): Promise<ServeProcess> {
  const proc = spawn(process.execPath, argv, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  const logs: Record<string, any>[] = [];
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
    const lines = err.split('\n');
    err = lines.pop()!;
    for (const l of lines) {
      try {
        logs.push(JSON.parse(l));
      } catch {
        logs.push({ text: l }); // not a log line (e.g. a Node warning): keep it for failure messages
      }
    }
  });
  const url = await new Promise<string>((res, rej) => {
    let out = '';
    const timer = setTimeout(() => rej(new Error(`serve did not start within 20 s: ${JSON.stringify(logs)}`)), 20_000);
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^dvdi-bridge listening on (wss?:\/\/\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        res(m[1]);
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`serve exited with ${code}: ${JSON.stringify(logs)}`));
    });
  });
  return { proc, url, logs, exited };
}
