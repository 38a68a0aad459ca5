#!/usr/bin/env node
// Through a V8 code cache (compileCache.cjs); --help and --version compile too little to be worth caching.
const lintsFiles = !process.argv.slice(2).some((a) => a === "--version" || a === "-v" || a === "--help" || a === "-h");
require("./compileCache.cjs").loadWithCompileCache(require("node:path").join(__dirname, "../dist/cli.cjs"), lintsFiles);
