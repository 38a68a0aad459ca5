import type { Rule } from '../../core/rule';
import { jobOf } from '../../model/chronos/chronosJob';

/** The operators JobDeserializer matches exactly (EqualsConstraint/LikeConstraint/UnlikeConstraint.OPERATOR). */
const understood = ['EQUALS', 'LIKE', 'UNLIKE'];

export const chronosConstraintValue: Rule = {
  id: 'chronos-constraint-value',
  severity: 'error',
  kinds: ['chronos-job'],
  summary: 'A Chronos constraint has an operator, and an EQUALS, LIKE or UNLIKE constraint a value: Chronos reads them without checking.',
  check(ctx) {
    const job = jobOf(ctx);
    if (!job || !Array.isArray(job.constraints)) return;
    job.constraints.forEach((c, i) => {
      if (!Array.isArray(c)) return; // not an array: the schema's finding
      // JobDeserializer: `c.get(1).asText match { case "EQUALS" => EqualsConstraint(c.get(0).asText, c.get(2).asText) … case _ => }`.
      // ArrayNode.get(i) is null past the end, so a missing operator, or a missing value after one of the three
      // operators it understands, is a NullPointerException while the job is read; another operator is dropped
      // before the value is read (chronos-constraint-operator).
      if (c.length < 2) {
        ctx.report({
          pointer: `/constraints/${i}`,
          message:
            'The constraint has no operator: Chronos reads the second item of every constraint without checking and fails with a NullPointerException (HTTP 500). ' +
            'Write it as [attribute, "EQUALS", value] (or "LIKE"/"UNLIKE" with a regular expression).',
        });
        return;
      }
      const op = c[1];
      if (typeof op !== 'string' || !understood.includes(op) || c.length >= 3) return;
      ctx.report({
        pointer: `/constraints/${i}`,
        message: `This ${op} constraint has no value: Chronos reads the value of every ${op} constraint without checking and fails with a NullPointerException (HTTP 500). Add the value: [attribute, "${op}", value].`,
      });
    });
  },
};
