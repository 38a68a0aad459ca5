// Preloaded (`node -r`) into every process the lint bench times (measure.mjs timeNodeProcesses): at exit, writes
// the process's own CPU time (user + system, µs, all threads) and peak RSS (KB) to the file named by
// BENCH_USAGE_FILE, synchronously, so it survives a tool that ends with process.exit().
const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    require('node:fs').writeFileSync(file, `${u.userCPUTime + u.systemCPUTime} ${u.maxRSS}\n`);
  });
}
