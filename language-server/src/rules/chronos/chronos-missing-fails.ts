import type { Rule } from '../../core/rule';
import { jobOf } from '../../model/chronos/chronosJob';
import { chronosMissingOf } from '../../model/chronos/chronosMissingReadings';
import { quoted } from '../../model/quoted';

/**
 * A key Chronos reads without asking whether it is there: JobDeserializer.scala@c1348ddfd8 calls
 * `node.get("f").asText()` / `.asInt()` on it, which throws a NullPointerException when the key is missing (HTTP 500),
 * unlike an explicit null, which reads as "null" or 0 (model/chronos/chronosMissingReadings.ts has the table).
 */
export const chronosMissingFails: Rule = {
  id: 'chronos-missing-fails',
  severity: 'error',
  kinds: ['chronos-job'],
  summary: 'A key Chronos reads without checking that it is there (a port mapping\'s ports, a network\'s name, the key and value of a label, parameter, option or environment variable): leaving it out makes Chronos fail.',
  check(ctx) {
    const job = jobOf(ctx);
    if (!job) return;
    for (const { pointer, reading } of chronosMissingOf(job)) {
      const r = reading;
      const key = quoted(r.key);
      ctx.report({
        pointer,
        target: 'key',
        missing: r.key,
        message:
          `The ${r.what} has no ${key}: Chronos reads it without checking that it is there (get(${key}) is a Java null) and fails with a ` +
          `NullPointerException (JobDeserializer.scala:${r.line}; HTTP 500), while even ${key}: null would be read, as ${r.nullReads}. ${r.instead}`,
      });
    }
  },
};
