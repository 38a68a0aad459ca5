import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { constraintsOf } from '../../model/app/constraintList';

export const constraintField: Rule = {
  id: 'constraint-field',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'A constraint names the field (hostname or an agent attribute) it applies to.',
  marathonMessage: 'missing field for constraint declaration',
  check(ctx) {
    const text = ctx.atLeast('1.5') ? 'missing field for constraint declaration' : 'Missing field and operator';
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const cList = constraintsOf(ref);
      for (let vi = 0; vi < cList.length; vi++) {
        const c = cList[vi];
        if (c.length < 2 || c.field !== '') continue;
        ctx.report({
          pointer: joinPointer(c.pointer, 0),
          message: `Marathon rejects the constraint: "${text}". The first element must be "hostname" or an agent attribute name such as "rack".`,
        });
      }
    }
  },
};
