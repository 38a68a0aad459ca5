// Where marathon-lint's time goes on one document, in-process (no startup): JSON.parse as the floor,
// the whole lint(), and each semantic rule alone through runRules. Bundles the engine from source with
// esbuild first, so it measures the current tree. Usage: node bench/lint-stages.mjs <document.json> [runs] [rule-id,…]
// (the rules named last are printed besides the eight slowest, wherever they rank).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeGroup } from './gen.mjs';
import { median } from './measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [docPath, runsArg, namedArg] = process.argv.slice(2);
const named = new Set((namedArg ?? '').split(',').filter(Boolean));
const runs = Number(runsArg ?? 5);
const out = join(root, 'bench/data/engine-stages.cjs');
await build({
  stdin: {
    contents: `export { lint, lintValue, defaultProfile, detectKind } from './index'; export { runRules } from './core/runRules'; export { rules } from './rules/index';`,
    resolveDir: join(root, 'language-server/src'),
    loader: 'ts',
  },
  outfile: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error', mainFields: ['module', 'main'],
});
const engine = createRequire(import.meta.url)(out);
const text = readFileSync(docPath, 'utf8');

const time = (fn) => {
  fn(); // warm-up
  const xs = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    xs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(xs);
};

const value = JSON.parse(text);
const kind = engine.detectKind(value);
const rows = [
  ['JSON.parse (floor)', time(() => JSON.parse(text))],
  ['lint() total', time(() => engine.lint(text))],
  ['lintValue() of the parsed value: no parse, no positions', time(() => engine.lintValue(value))],
  ['all semantic rules (runRules)', time(() => engine.runRules(value, kind, engine.defaultProfile, engine.rules))],
];
const perRule = engine.rules.map((r) => [r.id, time(() => engine.runRules(value, kind, engine.defaultProfile, [r]))]);
perRule.sort((a, b) => b[1] - a[1]);
console.log(`| stage (${kind}, ${(text.length / 2 ** 20).toFixed(1)} MB, median of ${runs}) | ms |\n|---|---:|`);
const shown = perRule.filter(([id], k) => k < 8 || named.has(id));
for (const [name, ms] of [...rows, ...shown.map(([id, ms]) => [`rule ${id}`, ms])]) console.log(`| ${name} | ${ms.toFixed(1)} |`);

// Per call on a 1,000-app group, warm (the gate lints a group PUT of that size per request, docs/gate.md).
const group = makeGroup(1000);
const groupText = JSON.stringify(group);
const perCall = (fn) => {
  for (let i = 0; i < 20; i++) fn();
  const xs = [];
  for (let i = 0; i < 30; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    xs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  xs.sort((a, b) => a - b);
  return `${median(xs).toFixed(1)} / ${xs[xs.length - 1].toFixed(1)}`;
};
console.log(`\n| per call, 1,000 apps (${(groupText.length / 2 ** 20).toFixed(1)} MB), warm, 30 calls | median / max ms |\n|---|---:|`);
console.log(`| lint(text) | ${perCall(() => engine.lint(groupText))} |`);
console.log(`| lintValue(JSON.parse(text)) | ${perCall(() => engine.lintValue(JSON.parse(groupText)))} |`);
console.log(`| lintValue(value), already parsed | ${perCall(() => engine.lintValue(group))} |`);

// The rules by V8 tier, in fresh processes (interleaved rounds): how much of a cold run is code V8 has not optimised
// yet. The CLI's own flags (--no-use-osr) in every arm; "baseline only" stops at Sparkplug, "interpreter only" at
// Ignition. Call 1 is what a CLI run pays; call 4 is near the warm engine.
const tiers = [
  ['as the CLI runs (TurboFan as V8 decides)', []],
  ['baseline only (--max-opt=1)', ['--max-opt=1']],
  ['interpreter only (--no-opt --no-sparkplug)', ['--no-opt', '--no-sparkplug']],
];
const tierTimes = tiers.map(() => [[], []]);
for (let round = 0; round < Math.max(3, runs); round++) {
  tiers.forEach(([, flags], k) => {
    const r = spawnSync(process.execPath, [join(root, 'bench/rule-tiers.cjs'), out, docPath, '--no-use-osr', ...flags], { encoding: 'utf8', timeout: 600_000 });
    const t = JSON.parse(r.stdout);
    tierTimes[k][0].push(t[0]);
    tierTimes[k][1].push(t[3]);
  });
}
console.log(`\n| semantic rules by V8 tier (fresh processes, median of ${Math.max(3, runs)}) | call 1 ms | call 4 ms |\n|---|---:|---:|`);
tiers.forEach(([name], k) => console.log(`| ${name} | ${median(tierTimes[k][0]).toFixed(0)} | ${median(tierTimes[k][1]).toFixed(0)} |`));
