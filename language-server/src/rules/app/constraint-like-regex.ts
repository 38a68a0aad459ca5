import type { Rule, RuleContext } from '../../core/rule';
import { constraintExample, constraintPart, constraintsOf, type ConstraintRef } from '../../model/app/constraintList';
import { likeVerdict } from '../../model/app/likeVerdicts';
import { podConstraintsOf } from '../../model/pod/podConstraints';
import { quoted } from '../../model/quoted';

function check(ctx: RuleContext, c: ConstraintRef): void {
  if (c.op !== 'LIKE' && c.op !== 'UNLIKE') return;
  const modern = ctx.atLeast('1.5');
  // A value of "" is a value: Marathon compiles it (Pattern.compile("") succeeds) and accepts the constraint,
  // in 1.1–1.4 (protobuf hasValue; a 1.4 pod's Option value) as in 1.5+ (c.lift(2) is Some("")). Only a missing value is rejected.
  if (c.value == null) {
    const text = modern ? 'LIKE and UNLIKE require a non-empty, regular expression value' : 'A regular expression value must be provided';
    ctx.report({
      pointer: c.pointer,
      ...(c.shape === 'object' ? { missing: 'value' } : {}),
      message: `Marathon rejects the constraint: "${text}". ${c.op} matches ${quoted(c.field)} against a regular expression, e.g. ${constraintExample(c, c.op, 'rack-[1-3]')}. Add one.`,
    });
    return;
  }
  const error = likeVerdict(ctx, c.value).error;
  if (!error) return;
  const text = modern ? 'is not a valid regular expression' : `'${c.value}' is not a valid regular expression`;
  // Pattern.group0 measures a look-behind before it compiles it (javaLookbehind.ts): what defeats it is the fix.
  const fix = error.startsWith('Look-behind')
    ? `Give the look-behind a length Java can bound: no back reference in it, no repeated group that holds an alternation, "?" or a count range (write "[ab]{1,64}" for "(?:a|b)+"), and a small maximum for each repetition`
    : `Fix the expression; escape literal characters such as "." or "(" with "\\\\"`;
  ctx.report({
    pointer: constraintPart(c, 'value'),
    message: `Marathon rejects the constraint value ${quoted(c.value)}: "${text}" (${error}). ${fix}.`,
  });
}

export const constraintLikeRegex: Rule = {
  id: 'constraint-like-regex',
  severity: 'error',
  kinds: ['app', 'group', 'pod'],
  summary: 'LIKE and UNLIKE constraints (of an app or a pod) need a value that is a valid regular expression.',
  marathonMessage: 'LIKE and UNLIKE require a non-empty, regular expression value',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const cList = constraintsOf(ctx.apps[ai]);
      for (let vi = 0; vi < cList.length; vi++) check(ctx, cList[vi]);
    }
    const pList = podConstraintsOf(ctx);
    for (let vi = 0; vi < pList.length; vi++) check(ctx, pList[vi]);
  },
};
