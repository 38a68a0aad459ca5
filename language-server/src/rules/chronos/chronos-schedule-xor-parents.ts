import type { Rule } from '../../core/rule';
import { jobOf } from '../../model/chronos/chronosJob';

export const chronosScheduleXorParents: Rule = {
  id: 'chronos-schedule-xor-parents',
  severity: 'warning',
  kinds: ['chronos-job'],
  summary: 'A Chronos job has either a schedule or parents, not both and not neither.',
  fixable: true,
  check(ctx) {
    const job = jobOf(ctx);
    if (!job) return;
    const hasSchedule = job.schedule !== undefined;
    const hasParents = job.parents !== undefined;
    // "parents": null makes a dependent job without parents, which Chronos refuses: chronos-null-fails says so, and
    // removing "schedule", as this rule would advise, would not help (JobDeserializer.scala:384).
    if (hasSchedule && job.parents === null) return;
    if (hasSchedule && hasParents) {
      ctx.report({
        pointer: '/schedule',
        target: 'key',
        message:
          'This job has both "schedule" and "parents": Chronos silently makes it a dependent job and ignores the schedule. ' +
          'Remove "schedule" (it runs after its parents) or remove "parents" (it runs on the schedule).',
        fix: { title: 'Remove schedule', edits: [{ op: 'remove', pointer: '/schedule' }] },
      });
    } else if (!hasSchedule && !hasParents) {
      ctx.report({
        pointer: '',
        message:
          'This job has neither "schedule" nor "parents": Chronos then invents "R1/<now>/PT24H" and runs it once, right away. ' +
          'Add a "schedule" such as "R/2024-01-01T00:00:00Z/P1D", or "parents" to run after other jobs.',
      });
    }
  },
};
