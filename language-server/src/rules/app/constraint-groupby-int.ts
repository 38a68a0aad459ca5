import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { constraintsOf, isScalaInt } from '../../model/app/constraintList';
import { quoted } from '../../model/quoted';

export const constraintGroupByInt: Rule = {
  id: 'constraint-groupby-int',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'A GROUP_BY constraint value, when given, is an integer (the number of groups).',
  marathonMessage: 'GROUP BY must define an integer value or else no value at all',
  check(ctx) {
    const text = ctx.atLeast('1.5') ? 'GROUP BY must define an integer value or else no value at all' : 'Value was specified but is not a number';
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const cList = constraintsOf(ref);
      for (let vi = 0; vi < cList.length; vi++) {
        const c = cList[vi];
        if (c.op !== 'GROUP_BY' || c.value == null || isScalaInt(c.value)) continue;
        ctx.report({
          pointer: joinPointer(c.pointer, 2),
          message: `Marathon rejects the constraint: "${text}". ${quoted(c.value)} is not an integer; the value is the number of distinct ${quoted(c.field)} values to spread over, e.g. "3". Use a number or drop the value.`,
        });
      }
    }
  },
};
