/**
 * Loads a CommonJS bundle with a V8 code cache, so that a CLI run does not re-parse and re-compile the
 * functions the previous run already compiled. marathon-lint runs as a short process whose time is mostly
 * cold code: the cache saved ~40 ms of ~520 ms on a 10,000-app group and ~28 ms of ~160 ms on 1,000 apps.
 * Node 22 offers this as module.enableCompileCache(); Node 20 does not, hence this loader (the same idea
 * as v8-compile-cache).
 *
 * The cache is written once, after a run, by the first process that found none (or found it rejected by V8,
 * e.g. after a Node upgrade or a rebuild: V8 checks the source hash and its flags). It lives in the user's
 * cache directory, keyed by bundle path, size, mtime and Node version. Every cache failure falls back to a
 * plain require: the cache can make a run faster, never different. MARATHON_LINT_NO_COMPILE_CACHE=1 turns it off.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

function cacheFileFor(bundle, stat) {
  const base = process.env.XDG_CACHE_HOME || (process.platform === 'win32' ? process.env.LOCALAPPDATA : null) || path.join(os.homedir(), '.cache');
  // FNV-1a of the path: loading node:crypto for a hash would cost more than it is worth here.
  let h = 0x811c9dc5;
  for (let i = 0; i < bundle.length; i++) h = Math.imul(h ^ bundle.charCodeAt(i), 0x01000193) >>> 0;
  const key = `${h.toString(16)}-${stat.size}-${Math.trunc(stat.mtimeMs)}-${process.version}-${process.arch}`;
  return path.join(base || os.tmpdir(), 'marathon-lint', `${key}.v8cache`);
}

/**
 * `bundle` is loaded and run as a CommonJS module. `writeCache` false: use a cache but do not create one
 * (for runs such as --version that compile too little of the bundle to be worth caching).
 */
function loadWithCompileCache(bundle, writeCache = true) {
  if (process.env.MARATHON_LINT_NO_COMPILE_CACHE === '1' || typeof vm.Script !== 'function') return require(bundle);
  let source, cacheFile, cached;
  try {
    source = fs.readFileSync(bundle, 'utf8');
    cacheFile = cacheFileFor(bundle, fs.statSync(bundle));
    try {
      cached = fs.readFileSync(cacheFile);
    } catch {
      cached = undefined; // first run: compile normally, write the cache at exit
    }
  } catch {
    return require(bundle);
  }
  let script;
  try {
    script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData: cached });
  } catch {
    return require(bundle);
  }
  if (writeCache && (cached === undefined || script.cachedDataRejected)) {
    // After the run, so that the functions this run compiled lazily are in the cache too.
    process.once('exit', () => {
      try {
        fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, cacheFile); // atomic: a concurrent run reads the old file or the new one
        // Caches of earlier builds of this same bundle (same path hash, other size/mtime) are dead weight.
        const dir = path.dirname(cacheFile);
        const prefix = path.basename(cacheFile).split('-')[0] + '-';
        for (const f of fs.readdirSync(dir)) {
          if (f.startsWith(prefix) && f !== path.basename(cacheFile) && f.endsWith('.v8cache')) fs.rmSync(path.join(dir, f), { force: true });
        }
      } catch {
        // unwritable cache directory: run without a cache
      }
    });
  }
  // Run the bundle as Node would run it as a CommonJS module: the same module object, require and paths.
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = Module._nodeModulePaths(path.dirname(bundle));
  require.cache[bundle] = mod;
  const wrapper = script.runInThisContext();
  wrapper.call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
  mod.loaded = true;
  return mod.exports;
}

module.exports = { loadWithCompileCache };
