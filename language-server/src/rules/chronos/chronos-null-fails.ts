import type { Rule } from '../../core/rule';
import { jobOf } from '../../model/chronos/chronosJob';
import { chronosNullSubject, chronosNullsOf } from '../../model/chronos/chronosNulls';

/**
 * A null Chronos cannot read: JobDeserializer.scala@c1348ddfd8 takes a JSON null for a present value (has() and
 * get() != null are true for it) and then fails on it, or the job it makes is refused
 * (model/chronos/chronosNullReadings.ts has the table with the source lines). Other Chronos rules leave such nulls to this one.
 */
export const chronosNullFails: Rule = {
  id: 'chronos-null-fails',
  severity: 'error',
  kinds: ['chronos-job'],
  summary: 'A null in a Chronos job where Chronos fails: an enum, "external", "schedule", "parents" or a list item it reads without checking.',
  check(ctx) {
    const job = jobOf(ctx);
    if (!job) return;
    for (const { pointer, reading } of chronosNullsOf(job)) {
      if (reading.verdict !== 'fails') continue;
      const subject = chronosNullSubject(pointer);
      ctx.report({
        pointer,
        message: `${subject[0].toUpperCase()}${subject.slice(1)} makes Chronos fail: ${reading.as} (JobDeserializer.scala:${reading.line}; ${reading.effect}). ${reading.instead}`,
      });
    }
  },
};
