import type { Rule } from '../../core/rule';
import { jobOf } from '../../model/chronos/chronosJob';
import { chronosNullSubject, chronosNullsOf } from '../../model/chronos/chronosNulls';

/**
 * A null Chronos accepts but reads as a value nobody wrote: JobDeserializer.scala@c1348ddfd8 guards its reads with
 * has()/get() != null, both true for a JSON null, then asText() gives "null", asBoolean() false, asInt() 0
 * (model/chronos/chronosNullReadings.ts has the field-by-field table with the source lines).
 */
export const chronosNullValue: Rule = {
  id: 'chronos-null-value',
  severity: 'warning',
  kinds: ['chronos-job'],
  summary: 'A null in a Chronos job where Chronos reads it as a value nobody wrote: the text "null", false or 0 instead of the field\'s default.',
  check(ctx) {
    const job = jobOf(ctx);
    if (!job) return;
    for (const { pointer, reading } of chronosNullsOf(job)) {
      if (reading.verdict !== 'reads') continue;
      ctx.report({
        pointer,
        message: `Chronos reads ${chronosNullSubject(pointer)} as ${reading.as} (JobDeserializer.scala:${reading.line}), ${reading.effect}. ${reading.instead}`,
      });
    }
  },
};
