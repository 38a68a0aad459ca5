import type { Rule, RuleContext } from '../../core/rule';
import { constraintPart, constraintsOf, type ConstraintRef } from '../../model/app/constraintList';
import { podConstraintsOf } from '../../model/pod/podConstraints';
import { quoted } from '../../model/quoted';

const text = 'IS only supports Mesos text and float values (see http://mesos.apache.org/documentation/latest/attributes-resources/)';

function check(ctx: RuleContext, c: ConstraintRef): void {
  if (c.op !== 'IS' || c.value == null || /^[a-zA-Z0-9_/.-]*$/.test(c.value)) return;
  ctx.report({
    pointer: constraintPart(c, 'value'),
    message: `Marathon rejects the constraint: "${text}". ${quoted(c.value)} contains characters a Mesos attribute value cannot have; IS compares for equality. For patterns use LIKE.`,
  });
}

export const constraintIsValue: Rule = {
  id: 'constraint-is-value',
  severity: 'error',
  kinds: ['app', 'group', 'pod'],
  versions: { min: '1.6' },
  summary: 'An IS constraint value (of an app or a pod) is a Mesos text or scalar value: letters, digits, "_", "/", ".", "-".',
  marathonMessage: text,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const cs = constraintsOf(ctx.apps[ai]);
      for (let i = 0; i < cs.length; i++) check(ctx, cs[i]);
    }
    const pList = podConstraintsOf(ctx);
    for (let i = 0; i < pList.length; i++) check(ctx, pList[i]);
  },
};
