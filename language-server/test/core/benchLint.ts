// In-process timing of lint() on generated groups (perf-anchors.md method: warm up, then the median of 5).
// Usage: npx tsx language-server/test/core/benchLint.ts [N ...]   (default 1000 10000)
import { allRules, defaultProfile, lint } from '../../src/index';
import { mayHaveDuplicateKeys } from '../../src/core/duplicateKeys';
import { parseDocument } from '../../src/core/parse';
import { makeGroupText } from './generateGroup';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(fn: () => unknown): number {
  for (let i = 0, t0 = performance.now(); i < 3 || performance.now() - t0 < 1000; i++) fn();
  const xs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    fn();
    xs.push(performance.now() - s);
  }
  return median(xs);
}

const sizes = process.argv.slice(2).map(Number);
for (const n of sizes.length ? sizes : [1000, 10000]) {
  for (const errorEvery of [0, 20]) {
    const text = makeGroupText(n, errorEvery);
    const diags = lint(text).diagnostics.length;
    const parse = time(() => JSON.parse(text));
    const parseDoc = time(() => parseDocument(text));
    const full = time(() => lint(text));
    // The engine alone: every semantic rule off (schema, parse and positions still run).
    const engineOnly = { ...defaultProfile, rules: Object.fromEntries(allRules.filter((r) => !['schema', 'syntax', 'no-duplicate-keys'].includes(r.id)).map((r) => [r.id, 'off' as const])) };
    const core = time(() => lint(text, { profile: engineOnly }));
    const value = JSON.parse(text);
    const dup = time(() => mayHaveDuplicateKeys(text, value));
    console.log(
      `N=${n} ${(text.length / 2 ** 20).toFixed(1)} MB ${errorEvery ? '5% apps with an error' : 'valid'}: lint ${full.toFixed(1)} ms ` +
        `= engine ${core.toFixed(1)} ms + semantic rules; JSON.parse ${parse.toFixed(1)} ms, parse step ${parseDoc.toFixed(1)} ms ` +
        `(duplicate-key count ${dup.toFixed(1)} ms); ${diags} diagnostics`,
    );
  }
}
