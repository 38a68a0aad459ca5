import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { constraintsOf } from '../../model/app/constraintList';
import { quoted } from '../../model/quoted';

const text = 'IS only supports Mesos text and float values (see http://mesos.apache.org/documentation/latest/attributes-resources/)';

export const constraintIsValue: Rule = {
  id: 'constraint-is-value',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.6' },
  summary: 'An IS constraint value is a Mesos text or scalar value: letters, digits, "_", "/", ".", "-".',
  marathonMessage: text,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const cs = constraintsOf(ref);
      for (let i = 0; i < cs.length; i++) {
        const c = cs[i];
        if (c.op !== 'IS' || c.value == null || /^[a-zA-Z0-9_/.-]*$/.test(c.value)) continue;
        ctx.report({
          pointer: joinPointer(c.pointer, 2),
          message: `Marathon rejects the constraint: "${text}". ${quoted(c.value)} contains characters a Mesos attribute value cannot have; IS compares for equality. For patterns use LIKE.`,
        });
      }
    }
  },
};
