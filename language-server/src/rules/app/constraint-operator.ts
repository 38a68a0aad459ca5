import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { constraintsOf, operatorsFor } from '../../model/app/constraintList';
import { quoted } from '../../model/quoted';

export const constraintOperator: Rule = {
  id: 'constraint-operator',
  severity: 'error',
  kinds: ['app', 'group'],
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
  },
};
