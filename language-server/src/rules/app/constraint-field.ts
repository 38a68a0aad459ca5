import type { Rule, RuleContext } from '../../core/rule';
import { constraintPart, constraintsOf, type ConstraintRef } from '../../model/app/constraintList';
import { podConstraintsOf } from '../../model/pod/podConstraints';

function check(ctx: RuleContext, c: ConstraintRef): void {
  if (c.length < 2 || c.field !== '') return;
  // 1.4 pods (PodsValidation.complyWithConstraintRules) used the same words as 1.1–1.4 apps.
  const text = ctx.atLeast('1.5') ? 'missing field for constraint declaration' : 'Missing field and operator';
  ctx.report({
    pointer: constraintPart(c, 'field'),
    message: `Marathon rejects the constraint: "${text}". The ${c.shape === 'array' ? 'first element' : 'fieldName'} must be "hostname" or an agent attribute name such as "rack".`,
  });
}

export const constraintField: Rule = {
  id: 'constraint-field',
  severity: 'error',
  kinds: ['app', 'group', 'pod'],
  summary: 'A constraint (of an app or a pod) names the field (hostname or an agent attribute) it applies to.',
  marathonMessage: 'missing field for constraint declaration',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const cList = constraintsOf(ctx.apps[ai]);
      for (let vi = 0; vi < cList.length; vi++) check(ctx, cList[vi]);
    }
    const pList = podConstraintsOf(ctx);
    for (let vi = 0; vi < pList.length; vi++) check(ctx, pList[vi]);
  },
};
