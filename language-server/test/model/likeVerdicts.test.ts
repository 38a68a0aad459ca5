// The LIKE/UNLIKE values of one lint run are compiled once per distinct string (model/app/likeVerdicts.ts), however
// many apps repeat them and however many rules ask: constraint-like-regex, constraint-like-regex-java9 and
// persistent-volume-constraint read the same verdict, and the next run (another document) starts afresh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultProfile } from '../../src/core/profile';
import type { Rule } from '../../src/core/rule';
import { runRules } from '../../src/core/runRules';
import type { JavaRegexVerdict } from '../../src/model/app/javaRegexJava9Only';
import { likeVerdict } from '../../src/model/app/likeVerdicts';
import { constraintLikeRegex } from '../../src/rules/app/constraint-like-regex';
import { constraintLikeRegexJava9 } from '../../src/rules/app/constraint-like-regex-java9';

const group = (values: string[]) => ({ id: '/g', apps: values.map((v, i) => ({ id: `/g/a${i}`, cmd: 'sleep 1', constraints: [['rack', 'LIKE', v]] })) });

/** Two rules that only ask for the verdict of `value`, as the real ones do. */
function askers(value: string, seen: JavaRegexVerdict[]): Rule[] {
  return ['ask-a', 'ask-b'].map((id) => ({ id, severity: 'error', kinds: ['group'], summary: id, check: (ctx) => void seen.push(likeVerdict(ctx, value)) }));
}

test('one verdict per distinct value and run, shared by the rules that ask', () => {
  const seen: JavaRegexVerdict[] = [];
  const doc = group(['rack-1']);
  runRules(doc, 'group', defaultProfile, askers('(?<=(rack|row)+)-1', seen));
  assert.equal(seen.length, 2);
  assert.equal(seen[0], seen[1], 'the second rule reads the verdict the first one computed');
  assert.equal(seen[0].error, 'Look-behind group does not have an obvious maximum length at index 14');
  runRules(doc, 'group', defaultProfile, askers('(?<=(rack|row)+)-1', seen));
  assert.notEqual(seen[2], seen[0], 'another run computes its own');
});

test('one verdict answers every rule: Java 9+\'s error, else what Java 8 alone refuses or reads wrapped', () => {
  const seen: JavaRegexVerdict[] = [];
  const values = ['rack-.*', 'node-\\d+(?<!-0+)', 'a{4294967297}', 'rack{1'];
  const rules: Rule[] = [{ id: 'ask', severity: 'warning', kinds: ['group'], summary: 'ask', check: (ctx) => void seen.push(...values.map((v) => likeVerdict(ctx, v))) }];
  runRules(group([]), 'group', defaultProfile, rules);
  assert.deepEqual(seen, [
    { error: undefined },
    { error: undefined, java9: { construct: '(?<!-0+)', java8Says: 'Look-behind group does not have an obvious maximum length near index 14' } },
    { error: undefined, wrapped: { construct: '{4294967297}', java8Reads: '{1}', java9Says: 'Illegal repetition range near index 11' } },
    { error: 'Unclosed counted closure at index 6' },
  ]);
});

test('a value repeated over 2,000 apps is reported at each, by each rule, with the one verdict', () => {
  const doc = group(Array.from({ length: 2000 }, (_, i) => (i % 2 ? 'node-\\d+(?<!-0+)' : 'rack{1')));
  const findings = runRules(doc, 'group', defaultProfile, [constraintLikeRegex, constraintLikeRegexJava9]);
  assert.equal(findings.filter((f) => f.ruleId === 'constraint-like-regex').length, 1000);
  assert.equal(findings.filter((f) => f.ruleId === 'constraint-like-regex-java9').length, 1000);
  assert.equal(new Set(findings.map((f) => f.message)).size, 2);
});
