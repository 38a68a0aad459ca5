// Per-rule timing of the semantic rules on a generated group (warm JIT, then the median of 5 per rule).
// Usage: npx tsx language-server/test/core/benchRules.ts [N] [top]   (default 10000 apps, top 15)
// "marginal" is a rule's own cost once the shared per-document views exist (they are built by whichever rule
// asks first); "alone" is one rule in a run of its own, views included.
import { rules } from '../../src/rules/index';
import { defaultProfile } from '../../src/index';
import { prepareRun, runPrepared, runRules } from '../../src/core/runRules';
import { makeGroupText } from './generateGroup';

const n = Number(process.argv[2] ?? 10000);
const top = Number(process.argv[3] ?? 15);
const value = JSON.parse(makeGroupText(n, 20));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(fn: () => unknown, warm = 3): number {
  for (let i = 0; i < warm; i++) fn();
  const xs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    fn();
    xs.push(performance.now() - s);
  }
  return median(xs);
}

const all = time(() => runRules(value, 'group', defaultProfile, rules));
const prepare = time(() => prepareRun(value, 'group', defaultProfile));
const run = prepareRun(value, 'group', defaultProfile);
runPrepared(run, rules); // builds the shared views for `run`
const perRule = rules.map((r) => ({
  id: r.id,
  marginal: time(() => runPrepared(run, [r]), 2),
  alone: time(() => runRules(value, 'group', defaultProfile, [r]), 1) - prepare,
}));
perRule.sort((a, b) => b.marginal - a.marginal);
const sum = perRule.reduce((s, r) => s + r.marginal, 0);
console.log(
  `N=${n}: all ${rules.length} rules ${all.toFixed(1)} ms = collecting apps ${prepare.toFixed(1)} ms + shared views ` +
    `${(all - prepare - sum).toFixed(1)} ms + sum of marginal per-rule ${sum.toFixed(1)} ms`,
);
console.log('  marginal ms   alone ms  rule');
for (const r of perRule.slice(0, top)) console.log(`  ${r.marginal.toFixed(2).padStart(11)} ${r.alone.toFixed(2).padStart(10)}  ${r.id}`);
