import type { Rule } from '../../core/rule';
import { jobName, jobOf } from '../../model/chronos/chronosJob';

export const chronosUrisFetch: Rule = {
  id: 'chronos-uris-fetch',
  severity: 'error',
  kinds: ['chronos-job'],
  summary: 'A scheduled Chronos job does not use both the deprecated "uris" and "fetch".',
  marathonMessage: 'Tried to add both uri (deprecated) and fetch parameters on <name>',
  check(ctx) {
    const job = jobOf(ctx);
    // Only the iso8601 (scheduled job) endpoint checks this; a job with "parents" is a dependent job, which Chronos
    // accepts with both and fetches both (MesosTaskBuilder: job.fetch ++ job.uris).
    if (!job || job.parents !== undefined) return;
    const nonEmpty = (x: unknown) => Array.isArray(x) && x.length > 0;
    if (!nonEmpty(job.uris) || !nonEmpty(job.fetch)) return;
    ctx.report({
      pointer: '/uris',
      target: 'key',
      message:
        `Chronos rejects the job with "Tried to add both uri (deprecated) and fetch parameters on ${jobName(job)}": Chronos accepts one of the two. ` +
        'Move each URI into "fetch" as {"uri": "…"} and remove "uris".',
    });
  },
};
