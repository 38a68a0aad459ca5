import type { Rule, RuleContext } from '../../core/rule';
import { constraintExample, constraintPart, constraintsOf, type ConstraintRef } from '../../model/app/constraintList';
import { scalaToInt, scalaToIntProblem } from '../../model/scalaToInt';
import { podConstraintsOf } from '../../model/pod/podConstraints';
import { quoted } from '../../model/quoted';

function check(ctx: RuleContext, c: ConstraintRef): void {
  if (c.op !== 'MAX_PER' || (c.value != null && scalaToInt(c.value) !== undefined)) return;
  const text = ctx.atLeast('1.5') ? 'MAX_PER requires an integer value' : 'Value was not specified or is not a number';
  ctx.report({
    pointer: c.value == null ? c.pointer : constraintPart(c, 'value'),
    // A pod constraint without "value" lacks a key: a misspelt "vaalue" beside it explains it (core/overlap.ts).
    ...(c.value == null && c.shape === 'object' ? { missing: 'value' } : {}),
    message:
      `Marathon rejects the constraint: "${text}". ` +
      (c.value == null ? 'It has no value' : `${quoted(c.value)} ${scalaToIntProblem(c.value) ?? 'is not an integer'}`) +
      `; MAX_PER limits the tasks per distinct ${quoted(c.field)} value, e.g. ${constraintExample(c, 'MAX_PER', '2')}.`,
  });
}

export const constraintMaxPerInt: Rule = {
  id: 'constraint-maxper-int',
  severity: 'error',
  kinds: ['app', 'group', 'pod'],
  summary: 'A MAX_PER constraint (of an app or a pod) needs an integer value (the maximum number of tasks per field value).',
  marathonMessage: 'MAX_PER requires an integer value',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const cList = constraintsOf(ctx.apps[ai]);
      for (let vi = 0; vi < cList.length; vi++) check(ctx, cList[vi]);
    }
    const pList = podConstraintsOf(ctx);
    for (let vi = 0; vi < pList.length; vi++) check(ctx, pList[vi]);
  },
};
