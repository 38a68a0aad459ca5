import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { constraintsOf } from '../../model/app/constraintList';
import { quoted } from '../../model/quoted';

/** Fields every offer has a value for (mesos/Constraints.scala readerForField: hostnameReader is `Some(offer.getHostname)`). */
const alwaysPresent = new Set(['hostname', '@hostname']);

export const constraintLikeEmpty: Rule = {
  id: 'constraint-like-empty',
  severity: 'warning',
  kinds: ['app', 'group'],
  summary: 'A LIKE or UNLIKE constraint with an empty value is accepted, but Marathon places no instance on an agent that has the field.',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const cList = constraintsOf(ctx.apps[ai]);
      for (let vi = 0; vi < cList.length; vi++) {
        const c = cList[vi];
        // Exactly spelt only: a lower-case operator is rejected outright (constraint-operator-uppercase).
        if ((c.rawOp !== 'LIKE' && c.rawOp !== 'UNLIKE') || c.value !== '') continue;
        // Validation only rejects a missing value (constraint-like-regex); Pattern.compile("") succeeds. At placement,
        // ConstraintsChecker.checkLike/checkUnlike answer false for any agent that has the field when the value is
        // empty ("Error, value is required for LIKE operation" in Marathon's log); an agent without the field
        // passes UNLIKE only.
        const field = quoted(c.field);
        const outcome =
          c.rawOp === 'LIKE'
            ? 'no agent matches, so the app\'s instances are never launched'
            : alwaysPresent.has(c.field)
              ? 'no agent matches (every agent has a hostname), so the app\'s instances are never launched'
              : `only agents without ${field} match; every agent that has it is refused, whatever its value`;
        ctx.report({
          pointer: joinPointer(c.pointer, 2),
          message:
            `Marathon accepts ${c.rawOp} with an empty value, but when it places the app it treats "" as no value ` +
            `("Error, value is required for ${c.rawOp} operation" in its log) and the constraint fails on every agent that has ${field}: ${outcome}. ` +
            (c.rawOp === 'LIKE'
              ? `Give the regular expression the value must match, e.g. [${field}, "LIKE", "rack-[1-3]"], or remove the constraint.`
              : `Give the regular expression to keep away from, e.g. [${field}, "UNLIKE", ${alwaysPresent.has(c.field) ? '"agent-9"' : '"rack-9"'}], or remove the constraint.`),
        });
      }
    }
  },
};
