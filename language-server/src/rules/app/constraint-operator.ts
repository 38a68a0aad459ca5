import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { constraintsOf, operatorsFor } from '../../model/app/constraintList';
import { quoted } from '../../model/quoted';
import { podConstraintsOf } from '../../model/pod/podConstraints';

/**
 * A pod's operator is read by the RAML enum ConstraintOperator (constraint.raml), case-insensitively, which before 1.6
 * has no IS: the pod is refused while Marathon reads the JSON, before any validator, with the generator's code
 * (RamlTypeGenerator.scala: 1.4.13 "error.expected.jsstring", HTTP 400; 1.5.15 "error.unknown.enum.literal", HTTP 422,
 * MarathonExceptionMapper). Other unknown operators are the schema's (its enum is 1.10's, which has IS).
 */
const podOperators = 'CLUSTER, GROUP_BY, LIKE, MAX_PER, UNIQUE, UNLIKE';

export const constraintOperator: Rule = {
  id: 'constraint-operator',
  severity: 'error',
  kinds: ['app', 'group', 'pod'],
  summary: 'The constraint operator is one of UNIQUE, CLUSTER, GROUP_BY, LIKE, UNLIKE, MAX_PER (and IS from 1.6).',
  marathonMessage: 'operator must be one of the following UNIQUE, CLUSTER, GROUP_BY, LIKE, MAX_PER, UNLIKE or IS',
  check(ctx) {
    const ops = operatorsFor(ctx.atLeast);
    const text = ctx.atLeast('1.6')
      ? 'operator must be one of the following UNIQUE, CLUSTER, GROUP_BY, LIKE, MAX_PER, UNLIKE or IS'
      : ctx.atLeast('1.5')
        ? 'operator must be one of the following UNIQUE, CLUSTER, GROUP_BY, LIKE, MAX_PER or UNLIKE'
        : 'Constraint operator must be one of the following: [UNIQUE, LIKE, CLUSTER, GROUP_BY, MAX_PER, UNLIKE]';
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const cList = constraintsOf(ref);
      for (let vi = 0; vi < cList.length; vi++) {
        const c = cList[vi];
        if (c.length < 2 || ops.includes(c.op)) continue;
        const isLater = c.op === 'IS' ? ' (IS exists from Marathon 1.6 on)' : '';
        ctx.report({
          pointer: joinPointer(c.pointer, 1),
          message: `Marathon rejects the constraint: "${text}". ${quoted(c.rawOp)} is not an operator${isLater}. Use one of ${ops.join(', ')}.`,
        });
      }
    }
    if (ctx.atLeast('1.6')) return;
    const code = ctx.atLeast('1.5') ? 'error.unknown.enum.literal' : 'error.expected.jsstring';
    const status = ctx.atLeast('1.5') ? 'HTTP 422' : 'HTTP 400';
    for (const c of podConstraintsOf(ctx)) {
      if (c.op !== 'IS') continue;
      ctx.report({
        pointer: joinPointer(c.pointer, 'operator'),
        message:
          `Marathon refuses the pod while reading its JSON ("Invalid JSON", ${status}, ${quoted(code)} at the operator): a pod's constraint operator ` +
          `is one of ${podOperators} before Marathon 1.6, which adds IS. To keep the pod on agents whose ${quoted(c.field)} is exactly the value, ` +
          `use CLUSTER with the same value.`,
      });
    }
  },
};
