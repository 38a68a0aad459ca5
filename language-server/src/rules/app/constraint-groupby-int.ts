import type { Rule, RuleContext } from '../../core/rule';
import { constraintPart, constraintsOf, type ConstraintRef } from '../../model/app/constraintList';
import { scalaToInt, scalaToIntProblem } from '../../model/scalaToInt';
import { podConstraintsOf } from '../../model/pod/podConstraints';
import { quoted } from '../../model/quoted';

function check(ctx: RuleContext, c: ConstraintRef): void {
  if (c.op !== 'GROUP_BY' || c.value == null || scalaToInt(c.value) !== undefined) return;
  const text = ctx.atLeast('1.5') ? 'GROUP BY must define an integer value or else no value at all' : 'Value was specified but is not a number';
  ctx.report({
    pointer: constraintPart(c, 'value'),
    message: `Marathon rejects the constraint: "${text}". ${quoted(c.value)} ${scalaToIntProblem(c.value) ?? 'is not an integer'}; the value is the number of distinct ${quoted(c.field)} values to spread over, e.g. "3". Use a number or drop the value.`,
  });
}

export const constraintGroupByInt: Rule = {
  id: 'constraint-groupby-int',
  severity: 'error',
  kinds: ['app', 'group', 'pod'],
  summary: 'A GROUP_BY constraint value (of an app or a pod), when given, is an integer (the number of groups).',
  marathonMessage: 'GROUP BY must define an integer value or else no value at all',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const cList = constraintsOf(ctx.apps[ai]);
      for (let vi = 0; vi < cList.length; vi++) check(ctx, cList[vi]);
    }
    const pList = podConstraintsOf(ctx);
    for (let vi = 0; vi < pList.length; vi++) check(ctx, pList[vi]);
  },
};
