import type { Rule } from '../../core/rule';
import { jobOf } from '../../model/chronos/chronosJob';
import { quoted } from '../../model/quoted';

const understood = ['EQUALS', 'LIKE', 'UNLIKE'];

export const chronosConstraintOperator: Rule = {
  id: 'chronos-constraint-operator',
  severity: 'warning',
  kinds: ['chronos-job'],
  summary: 'Chronos constraints use EQUALS, LIKE or UNLIKE; a constraint with any other operator is silently dropped.',
  check(ctx) {
    const job = jobOf(ctx);
    if (!job || !Array.isArray(job.constraints)) return;
    job.constraints.forEach((c, i) => {
      if (!Array.isArray(c)) return;
      const op = c[1];
      if (typeof op !== 'string') return; // not a string at all: the JSON layer's finding
      // One of the three it reads, with or without a value: a missing value is chronos-constraint-value's error.
      if (understood.includes(op)) return;
      ctx.report({
        pointer: `/constraints/${i}`,
        message:
          `Chronos only understands EQUALS, LIKE and UNLIKE and drops ${quoted(op)} without a word, so the job may run anywhere. ` +
          'Rewrite it with one of those (e.g. ["hostname", "LIKE", "agent-[12]"]) or remove it.',
      });
    });
  },
};
