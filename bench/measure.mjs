// Timing helpers shared by the bench sections: wall time of whole fresh processes, as a user sees it.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
export function timeNodeAsync(args, env) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], ...(env ? { env: { ...process.env, ...env } } : {}) });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('error', reject);
    p.on('exit', (code) => resolve({ ms: performance.now() - t0, code, out, err }));
  });
}

export const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

const usagePreload = fileURLToPath(new URL('./processUsage.cjs', import.meta.url));

/**
 * Whole `node args` processes, interleaved: one round runs every command once, so load on a shared host falls on
 * all of them alike; one untimed round first warms the page cache. Per command: median wall time, median CPU time
 * (user + system, all threads) and peak RSS, as the process reports them itself (processUsage.cjs, preloaded), and
 * the last run's output. Output goes to files, not pipes: a tool that ends with process.exit() (ajv-cli) loses what
 * it had not yet written to a pipe.
 */
export function timeNodeProcesses(commands, { runs = 5 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const files = { out: join(dir, 'out'), err: join(dir, 'err'), usage: join(dir, 'usage') };
  const results = Object.fromEntries(Object.keys(commands).map((k) => [k, { wall: [], cpu: [], rss: 0, last: undefined }]));
  try {
    for (let round = -1; round < runs; round++) {
      for (const [name, args] of Object.entries(commands)) {
        const out = openSync(files.out, 'w');
        const err = openSync(files.err, 'w');
        rmSync(files.usage, { force: true });
        const t0 = process.hrtime.bigint();
        const r = spawnSync(process.execPath, ['-r', usagePreload, ...args], { stdio: ['ignore', out, err], timeout: 600_000, env: { ...process.env, BENCH_USAGE_FILE: files.usage } });
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        closeSync(out);
        closeSync(err);
        if (r.error) throw new Error(`node ${args.join(' ')}: ${r.error.message}`);
        const result = results[name];
        result.last = { status: r.status, stdout: readFileSync(files.out, 'utf8'), stderr: readFileSync(files.err, 'utf8') };
        if (round < 0) continue;
        result.wall.push(ms);
        const usage = existsSync(files.usage) ? readFileSync(files.usage, 'utf8').trim().split(' ').map(Number) : [];
        if (usage.length === 2) {
          result.cpu.push(usage[0] / 1000);
          result.rss = Math.max(result.rss, usage[1]);
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return Object.fromEntries(
    Object.entries(results).map(([k, r]) => [k, { medianMs: median(r.wall), cpuMs: r.cpu.length ? median(r.cpu) : undefined, peakRssKb: r.rss || undefined, ...r.last }]),
  );
}
