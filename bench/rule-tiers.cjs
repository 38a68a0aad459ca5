// One fresh process: the semantic rules (runRules) over a document, called four times, under the V8 flags given
// (set before the engine is loaded, as bin/marathon-lint.cjs sets its own). Prints the four times in ms as JSON.
// lint-stages.mjs runs it under each tier to show how much of a cold run is code that V8 has not optimised yet.
// Usage: node bench/rule-tiers.cjs <engine-stages.cjs> <document.json> [v8 flags...]
const v8 = require('node:v8');
const { readFileSync } = require('node:fs');
const [enginePath, docPath, ...flags] = process.argv.slice(2);
for (const f of flags) v8.setFlagsFromString(f);
const engine = require(enginePath);
const value = JSON.parse(readFileSync(docPath, 'utf8'));
const kind = engine.detectKind(value);
const times = [];
for (let i = 0; i < 4; i++) {
  const t0 = process.hrtime.bigint();
  engine.runRules(value, kind, engine.defaultProfile, engine.rules);
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
console.log(JSON.stringify(times));
