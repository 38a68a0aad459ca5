import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { constraintsOf } from '../../model/app/constraintList';
import { javaRegexError } from '../../model/app/javaRegex';
import { quoted } from '../../model/quoted';

export const constraintLikeRegex: Rule = {
  id: 'constraint-like-regex',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'LIKE and UNLIKE constraints need a value that is a valid regular expression.',
  marathonMessage: 'LIKE and UNLIKE require a non-empty, regular expression value',
  check(ctx) {
    const modern = ctx.atLeast('1.5');
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const cList = constraintsOf(ref);
      for (let vi = 0; vi < cList.length; vi++) {
        const c = cList[vi];
        if (c.op !== 'LIKE' && c.op !== 'UNLIKE') continue;
        // A value of "" is a value: Marathon compiles it (Pattern.compile("") succeeds) and accepts the constraint,
        // in 1.1–1.4 (protobuf hasValue) as in 1.5+ (c.lift(2) is Some("")). Only a missing value is rejected.
        if (c.value == null) {
          const text = modern ? 'LIKE and UNLIKE require a non-empty, regular expression value' : 'A regular expression value must be provided';
          ctx.report({
            pointer: c.pointer,
            message: `Marathon rejects the constraint: "${text}". ${c.op} matches ${quoted(c.field)} against a regular expression, e.g. [${quoted(c.field)}, "${c.op}", "rack-[1-3]"]. Add one.`,
          });
          continue;
        }
        const error = javaRegexError(c.value);
        if (!error) continue;
        const text = modern ? 'is not a valid regular expression' : `'${c.value}' is not a valid regular expression`;
        ctx.report({
          pointer: joinPointer(c.pointer, 2),
          message: `Marathon rejects the constraint value ${quoted(c.value)}: "${text}" (${error}). Fix the expression; escape literal characters such as "." or "(" with "\\\\".`,
        });
      }
    }
  },
};
