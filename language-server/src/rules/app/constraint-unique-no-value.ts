import type { Rule, RuleContext } from '../../core/rule';
import { constraintPart, constraintsOf, type ConstraintRef } from '../../model/app/constraintList';
import { podConstraintsOf } from '../../model/pod/podConstraints';
import { quoted } from '../../model/quoted';

function check(ctx: RuleContext, c: ConstraintRef): void {
  const modern = ctx.atLeast('1.5');
  if (c.op !== 'UNIQUE' || c.value == null) return;
  // Before 1.5 an app's "" was no value (protobuf hasValue on the empty string's conversion); a 1.4 pod's value is an
  // Option that "" fills, and PodsValidation.complyWithConstraintRules rejects any Some (PodsValidation.scala@v1.4.13).
  if (!modern && c.shape === 'array' && c.value === '') return;
  const pointer = constraintPart(c, 'value');
  const text = modern ? 'UNIQUE does not accept a value' : 'Value specified but not used';
  ctx.report({
    pointer,
    message: `Marathon rejects the constraint: "${text}". UNIQUE means one task per distinct value of ${quoted(c.field)}, so there is nothing to compare with ${quoted(c.value)}. Remove the value.`,
    fix: { title: 'Remove the value', edits: [{ op: 'remove', pointer }] },
  });
}

export const constraintUniqueNoValue: Rule = {
  id: 'constraint-unique-no-value',
  severity: 'error',
  kinds: ['app', 'group', 'pod'],
  summary: 'A UNIQUE constraint (of an app or a pod) takes no value.',
  marathonMessage: 'UNIQUE does not accept a value',
  fixable: true,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const cList = constraintsOf(ctx.apps[ai]);
      for (let vi = 0; vi < cList.length; vi++) check(ctx, cList[vi]);
    }
    const pList = podConstraintsOf(ctx);
    for (let vi = 0; vi < pList.length; vi++) check(ctx, pList[vi]);
  },
};
