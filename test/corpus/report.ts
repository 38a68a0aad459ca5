// Prints the current corpus disagreements, INDEX verdict and rule/message next to ours, as rows ready
// for test/corpus-disagreements.md (add the reason). Usage: npx tsx test/corpus/report.ts [--all]
import { lintCorpus, listedDisagreements } from './lintCorpus';

const results = lintCorpus();
const listed = listedDisagreements();
const disagreeing = results.filter((r) => !r.agrees);
const agree = results.length - disagreeing.length;
console.log(`agreement: ${agree}/${results.length} = ${((agree / results.length) * 100).toFixed(1)}%`);
for (const r of disagreeing) {
  const ours = r.errors.map((e) => `${e.ruleId} ${e.pointer || '/'}: ${e.message.slice(0, 140)}`).join(' ⏐ ') || '(no error)';
  console.log(`\n| \`${r.file}\` | ${r.verdict} | ${r.ourVerdict} | ${listed.get(r.file) ?? 'TODO: reason'} |`);
  console.log(`    INDEX: ${r.why || '(none)'}\n    ours:  ${ours}`);
}
const stale = [...listed.keys()].filter((f) => !disagreeing.some((r) => r.file === f));
if (stale.length > 0) console.log(`\nlisted but now agreeing (remove from test/corpus-disagreements.md):\n${stale.join('\n')}`);
if (process.argv.includes('--all')) for (const r of results) console.log(`${r.agrees ? 'ok  ' : 'DIFF'} ${r.kind}/${r.ourKind} ${r.file}`);
