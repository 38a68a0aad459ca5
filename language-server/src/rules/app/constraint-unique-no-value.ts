import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { constraintsOf } from '../../model/app/constraintList';
import { quoted } from '../../model/quoted';

export const constraintUniqueNoValue: Rule = {
  id: 'constraint-unique-no-value',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'A UNIQUE constraint takes no value.',
  marathonMessage: 'UNIQUE does not accept a value',
  fixable: true,
  check(ctx) {
    const modern = ctx.atLeast('1.5');
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const cList = constraintsOf(ref);
      for (let vi = 0; vi < cList.length; vi++) {
        const c = cList[vi];
        if (c.op !== 'UNIQUE' || c.value == null || (!modern && c.value === '')) continue;
        const pointer = joinPointer(c.pointer, 2);
        const text = modern ? 'UNIQUE does not accept a value' : 'Value specified but not used';
        ctx.report({
          pointer,
          message: `Marathon rejects the constraint: "${text}". UNIQUE means one task per distinct value of ${quoted(c.field)}, so there is nothing to compare with ${quoted(c.value)}. Remove the value.`,
          fix: { title: 'Remove the value', edits: [{ op: 'remove', pointer }] },
        });
      }
    }
  },
};
