import type { Rule } from '../../core/rule';
import { jobOf } from '../../model/chronos/chronosJob';
import { scheduleProblem } from '../../model/chronos/iso8601Schedule';

export const chronosSchedule: Rule = {
  id: 'chronos-schedule',
  severity: 'error',
  kinds: ['chronos-job'],
  summary: 'A Chronos schedule is an ISO 8601 repeating interval R[n]/[start]/P<duration>, starting after 1970.',
  marathonMessage: "Cannot parse schedule '<schedule>' (wtf bro) / Scheduled start date '<date>' is before 1970!",
  check(ctx) {
    const job = jobOf(ctx);
    // A job with "parents" is read as a dependent job (JobDeserializer looks for parents first) and posted to
    // /v1/scheduler/dependency: its schedule is never parsed (chronos-schedule-xor-parents says it is ignored).
    // A null schedule is chronos-null-fails' (Chronos parses the text "null").
    if (!job || job.schedule === undefined || job.schedule === null || job.parents !== undefined) return;
    const schedule = job.schedule;
    if (typeof schedule !== 'string') {
      ctx.report({ pointer: '/schedule', message: '"schedule" must be a string such as "R/2014-03-08T20:00:00Z/PT2H".' });
      return;
    }
    const p = scheduleProblem(schedule);
    if (!p) return;
    ctx.report({
      pointer: '/schedule',
      message:
        p.kind === 'before-1970'
          ? `Chronos rejects the job with "Scheduled start date '${p.start}' is before 1970!": Chronos refuses start dates before 1970-01-01T00:00:01Z. Use a later start, or leave it empty ("R//PT1H") to start now.`
          : `Chronos rejects the job with "Cannot parse schedule '${schedule}' (wtf bro)" (sic): ${p.detail}. Write it like "R/2014-03-08T20:00:00.000Z/PT2H" (R alone repeats forever, Rn n times; an empty start means now).`,
    });
  },
};
