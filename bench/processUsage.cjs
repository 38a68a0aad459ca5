// Preloaded (`node -r`) into every process the lint bench times (measure.mjs timeNodeProcesses): at exit, prints
// the process's own CPU time (user + system, µs, all threads) and peak RSS (KB) on stderr, for the bench to strip.
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\n@@usage ${u.userCPUTime + u.systemCPUTime} ${u.maxRSS}\n`);
});
