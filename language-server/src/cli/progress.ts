/**
 * A single self-overwriting progress line on stderr, only when a person is watching (stderr is a
 * terminal) and the run is long enough to need one. Never written to pipes, so CI logs and golden
 * tests stay clean.
 */
import { printable } from './printable';

export interface Progress {
  tick(done: number, file: string): void;
  done(): void;
}

const minFiles = 20;
const intervalMs = 100;

export function createProgress(stderr: NodeJS.WriteStream | NodeJS.WritableStream, total: number): Progress {
  const tty = (stderr as NodeJS.WriteStream).isTTY === true;
  if (!tty || total < minFiles) return { tick() {}, done() {} };
  let last = 0;
  let shown = false;
  return {
    tick(done, file) {
      const now = Date.now();
      if (now - last < intervalMs) return;
      last = now;
      shown = true;
      // A terminal that reports no width (0 columns: `script` with no terminal around it) is not one character wide.
      const columns = (stderr as NodeJS.WriteStream).columns || 80;
      stderr.write(`\r\x1b[K${`linting ${done}/${total} ${printable(file)}`.slice(0, columns - 1)}`);
    },
    done() {
      if (shown) stderr.write('\r\x1b[K');
    },
  };
}
