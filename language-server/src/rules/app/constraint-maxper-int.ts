import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { constraintsOf, isScalaInt } from '../../model/app/constraintList';
import { quoted } from '../../model/quoted';

export const constraintMaxPerInt: Rule = {
  id: 'constraint-maxper-int',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'A MAX_PER constraint needs an integer value (the maximum number of tasks per field value).',
  marathonMessage: 'MAX_PER requires an integer value',
  check(ctx) {
    const text = ctx.atLeast('1.5') ? 'MAX_PER requires an integer value' : 'Value was not specified or is not a number';
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const cList = constraintsOf(ref);
      for (let vi = 0; vi < cList.length; vi++) {
        const c = cList[vi];
        if (c.op !== 'MAX_PER' || (c.value != null && isScalaInt(c.value))) continue;
        ctx.report({
          pointer: c.value == null ? c.pointer : joinPointer(c.pointer, 2),
          message:
            `Marathon rejects the constraint: "${text}". ` +
            (c.value == null ? 'It has no value' : `${quoted(c.value)} is not an integer`) +
            `; MAX_PER limits the tasks per distinct ${quoted(c.field)} value, e.g. [${quoted(c.field)}, "MAX_PER", "2"].`,
        });
      }
    }
  },
};
