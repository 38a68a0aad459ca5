import type { Rule, RuleContext } from '../../core/rule';
import { constraintExample, constraintPart, constraintsOf, type ConstraintRef } from '../../model/app/constraintList';
import { podConstraintsOf } from '../../model/pod/podConstraints';
import { quoted } from '../../model/quoted';

/** Fields every offer has a value for (mesos/Constraints.scala readerForField: hostnameReader is `Some(offer.getHostname)`). */
const alwaysPresent = new Set(['hostname', '@hostname']);

function check(ctx: RuleContext, c: ConstraintRef, what: 'app' | 'pod'): void {
  // Exactly spelt only for an app: its lower-case operator is rejected outright (constraint-operator-uppercase). A pod's
  // operator is a RAML enum, read case-insensitively (marathon-rules.md §1.1), so "like" is LIKE there.
  const op = what === 'pod' ? c.op : c.rawOp;
  if ((op !== 'LIKE' && op !== 'UNLIKE') || c.value !== '') return;
  // Validation only rejects a missing value (constraint-like-regex); Pattern.compile("") succeeds. At placement,
  // ConstraintsChecker.checkLike/checkUnlike answer false for any agent that has the field when the value is
  // empty ("Error, value is required for LIKE operation" in Marathon's log); an agent without the field
  // passes UNLIKE only. A pod's constraint becomes the same Protos.Constraint (raml/ConstraintConversion.scala).
  const field = quoted(c.field);
  const outcome =
    op === 'LIKE'
      ? `no agent matches, so the ${what}'s instances are never launched`
      : alwaysPresent.has(c.field)
        ? `no agent matches (every agent has a hostname), so the ${what}'s instances are never launched`
        : `only agents without ${field} match; every agent that has it is refused, whatever its value`;
  ctx.report({
    pointer: constraintPart(c, 'value'),
    message:
      `Marathon accepts ${op} with an empty value, but when it places the ${what} it treats "" as no value ` +
      `("Error, value is required for ${op} operation" in its log) and the constraint fails on every agent that has ${field}: ${outcome}. ` +
      (op === 'LIKE'
        ? `Give the regular expression the value must match, e.g. ${constraintExample(c, 'LIKE', 'rack-[1-3]')}, or remove the constraint.`
        : `Give the regular expression to keep away from, e.g. ${constraintExample(c, 'UNLIKE', alwaysPresent.has(c.field) ? 'agent-9' : 'rack-9')}, or remove the constraint.`),
  });
}

export const constraintLikeEmpty: Rule = {
  id: 'constraint-like-empty',
  severity: 'warning',
  kinds: ['app', 'group', 'pod'],
  summary: 'A LIKE or UNLIKE constraint (of an app or a pod) with an empty value is accepted, but Marathon places no instance on an agent that has the field.',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const cList = constraintsOf(ctx.apps[ai]);
      for (let vi = 0; vi < cList.length; vi++) check(ctx, cList[vi], 'app');
    }
    const pList = podConstraintsOf(ctx);
    for (let vi = 0; vi < pList.length; vi++) check(ctx, pList[vi], 'pod');
  },
};
