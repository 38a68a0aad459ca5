import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintCorpus, listedDisagreements } from './lintCorpus';
import { needsShared } from '../sharedReference';

// The conformance run needs the corpus (../shared/corpus); without it every test here skips, saying so.
const skip = needsShared('corpus/INDEX.md');
const results = skip ? [] : lintCorpus();
const disagreeing = results.filter((r) => !r.agrees);

test('corpus: verdicts agree with Marathon 1.10 (INDEX.md) on at least 99% of files', { skip }, () => {
  const rate = (results.length - disagreeing.length) / results.length;
  console.log(`corpus agreement: ${results.length - disagreeing.length}/${results.length} = ${(rate * 100).toFixed(1)}%`);
  assert.ok(results.length >= 400, `only ${results.length} corpus files were read`);
  assert.ok(rate >= 0.99, `agreement ${(rate * 100).toFixed(1)}% is below 99%; run npx tsx test/corpus/report.ts`);
});

test('corpus: every disagreement is listed in test/corpus-disagreements.md with a reason, and nothing else is', { skip }, () => {
  const listed = listedDisagreements();
  const unlisted = disagreeing.filter((r) => !listed.get(r.file));
  assert.deepEqual(unlisted.map((r) => r.file), [], 'new disagreements: explain them in test/corpus-disagreements.md (npx tsx test/corpus/report.ts prints them)');
  const stale = [...listed.keys()].filter((f) => !disagreeing.some((r) => r.file === f));
  assert.deepEqual(stale, [], 'these files now agree: remove them from test/corpus-disagreements.md');
});

test('corpus: the detected kind matches the INDEX for every file', { skip }, () => {
  const wrong = results.filter((r) => r.ourKind !== r.kind).map((r) => `${r.file}: INDEX ${r.kind}, detected ${r.ourKind}`);
  assert.deepEqual(wrong, []);
});
