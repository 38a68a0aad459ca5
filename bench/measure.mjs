// Timing helpers shared by the bench sections: wall time of whole fresh processes, as a user sees it.
import { spawn, spawnSync } from 'node:child_process';

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * Runs `cmd args` once to warm the page cache, then `runs` times timed; returns the median wall
 * time and the last run's output, so the caller can check that the tool really did the work.
 */
export function timeProcess(cmd, args, { runs = 5, cwd, warmup = runs > 1 } = {}) {
  const spawn = () => spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, timeout: 600_000 });
  if (warmup) spawn();
  const samples = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    last = spawn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (last.error) throw new Error(`${cmd} ${args.join(' ')}: ${last.error.message}`);
  }
  return { medianMs: median(samples), samples, status: last.status, stdout: last.stdout, stderr: last.stderr };
}

/**
 * Wall time of one fresh `node args` process without blocking this event loop, for sections whose stand-ins serve
 * from this process; `out` is its stdout, `err` its stderr.
 */
export function timeNodeAsync(args) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('error', reject);
    p.on('exit', (code) => resolve({ ms: performance.now() - t0, code, out, err }));
  });
}

export const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
