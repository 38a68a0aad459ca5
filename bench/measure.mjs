// Timing helpers shared by the bench sections: wall time of whole fresh processes, as a user sees it.
import { spawn, spawnSync } from 'node:child_process';
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
const usageLine = /\n@@usage (\d+) (\d+)\n/;

/**
 * Whole `node args` processes, interleaved: one round runs every command once, so load on a shared host falls on
 * all of them alike; one untimed round first warms the page cache. Per command: median wall time, median CPU time
 * (user + system, all threads) and peak RSS, from the process itself (processUsage.cjs, preloaded; its line is stripped from stderr),
 * and the last run's output.
 */
export function timeNodeProcesses(commands, { runs = 5 } = {}) {
  const preload = ['-r', usagePreload];
  const results = Object.fromEntries(Object.keys(commands).map((k) => [k, { wall: [], cpu: [], rss: 0, last: undefined }]));
  for (let round = -1; round < runs; round++) {
    for (const [name, args] of Object.entries(commands)) {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [...preload, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, timeout: 600_000 });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (r.error) throw new Error(`node ${args.join(' ')}: ${r.error.message}`);
      const m = usageLine.exec(r.stderr ?? '');
      const out = results[name];
      out.last = { status: r.status, stdout: r.stdout, stderr: (r.stderr ?? '').replace(usageLine, '') };
      if (round < 0) continue;
      out.wall.push(ms);
      if (m) {
        out.cpu.push(Number(m[1]) / 1000);
        out.rss = Math.max(out.rss, Number(m[2]));
      }
    }
  }
  return Object.fromEntries(
    Object.entries(results).map(([k, r]) => [k, { medianMs: median(r.wall), cpuMs: r.cpu.length ? median(r.cpu) : undefined, peakRssKb: r.rss || undefined, ...r.last }]),
  );
}
