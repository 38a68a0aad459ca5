import type { Rule } from '../../core/rule';
import { jobOf } from '../../model/chronos/chronosJob';

const marathonMessage = 'Error, parent does not exist';

export const chronosParents: Rule = {
  id: 'chronos-parents',
  severity: 'error',
  kinds: ['chronos-job'],
  summary: 'A dependent Chronos job lists at least one parent job by name.',
  marathonMessage,
  check(ctx) {
    const job = jobOf(ctx);
    // Nulls ("parents": null, a null item) are chronos-null-fails' and chronos-null-value's.
    if (!job || job.parents === undefined || job.parents === null) return;
    const parents = job.parents;
    if (!Array.isArray(parents) || parents.length === 0) {
      ctx.report({
        pointer: '/parents',
        message: `Chronos rejects the job with "${marathonMessage}": a dependent job needs at least one parent, given as an array of job names. List the jobs it runs after, e.g. ["nightly-export"], or use "schedule" instead.`,
      });
      return;
    }
    parents.forEach((p, i) => {
      if (p === null || (typeof p === 'string' && p !== '')) return;
      ctx.report({ pointer: `/parents/${i}`, message: `Chronos rejects the job with "${marathonMessage}": each parent is the name (a non-empty string) of an existing job.` });
    });
  },
};
