import type { Rule } from '../../core/rule';
import { constraintsOf } from '../../model/app/constraintList';

export const constraintArity: Rule = {
  id: 'constraint-arity',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'Each constraint is [field, OPERATOR] or [field, OPERATOR, value].',
  marathonMessage: 'Each constraint must have either 2 or 3 fields',
  check(ctx) {
    const text = ctx.atLeast('1.5')
      ? 'Each constraint must have either 2 or 3 fields'
      : 'Constraint definition must be an array of strings in format: <key>, <operator>[, value]';
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const cList = constraintsOf(ref);
      for (let vi = 0; vi < cList.length; vi++) {
        const c = cList[vi];
        if (c.length === 2 || c.length === 3) continue;
        ctx.report({
          pointer: c.pointer,
          message: `Marathon rejects the constraint: "${text}". This one has ${c.length}. Write it as ["hostname", "UNIQUE"] or ["rack", "GROUP_BY", "3"].`,
        });
      }
    }
  },
};
