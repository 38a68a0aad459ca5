#!/usr/bin/env node
// No on-stack replacement: a lint run passes once over each document, so V8 would spend more time compiling an
// optimised copy of each of ~130 rule loops than those copies save (docs/performance.md). Set before the code
// cache is read, since V8 accepts a cache only under the flags it was written with.
require("node:v8").setFlagsFromString("--no-use-osr");
// WebAssembly stays on V8's baseline compiler: with --marathon, undici's HTTP parser (llhttp, wasm) would otherwise
// be tiered up in the background, and Node waits for that compile at exit: ~100 ms after the findings were
// printed (strace: last write(1) → exit_group), for code the one-shot run never calls again.
require("node:v8").setFlagsFromString("--liftoff-only");
// The young generation keeps its first size instead of doubling up to 16 MB semi-spaces: a lint run keeps what it
// parses and what its rules build to the end, so a bigger nursery only copies more before promoting the same
// objects, and its pages stay in the peak RSS (10,000 apps: 137 → ~105 MB, CPU unchanged; docs/performance.md).
require("node:v8").setFlagsFromString("--semi-space-growth-factor=1");
// Through a V8 code cache (compileCache.cjs); --help and --version compile too little to be worth caching.
const lintsFiles = !process.argv.slice(2).some((a) => a === "--version" || a === "-v" || a === "--help" || a === "-h");
require("./compileCache.cjs").loadWithCompileCache(require("node:path").join(__dirname, "../dist/cli.cjs"), lintsFiles);
