import type { Rule } from '../../core/rule';
import { jobOf } from '../../model/chronos/chronosJob';
import { quoted } from '../../model/quoted';

const marathonMessage = "the job's name is invalid. Allowed names: '([\\w\\.-]+)'";
// Java's \w: ASCII letters, digits and underscore.
const namePattern = /^[A-Za-z0-9_.-]+$/;

export const chronosJobName: Rule = {
  id: 'chronos-job-name',
  severity: 'error',
  kinds: ['chronos-job'],
  summary: 'A Chronos job has a name made of letters, digits, "_", "." and "-".',
  marathonMessage,
  fixable: true,
  check(ctx) {
    const job = jobOf(ctx);
    if (!job) return;
    const name = job.name;
    if (name === undefined) {
      ctx.report({ pointer: '', missing: 'name', message: 'The job has no "name": Chronos fails while reading it (HTTP 500) because the name is its identity in the job graph. Add "name".' });
      return;
    }
    // null: Chronos names the job "null" (asText), chronos-null-value's warning.
    if (name === null || (typeof name === 'string' && namePattern.test(name))) return;
    const suggestion = typeof name === 'string' ? name.trim().replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '') : '';
    ctx.report({
      pointer: '/name',
      message:
        `Chronos rejects the job with "${marathonMessage}": Chronos uses the name in URLs and in other jobs' "parents", so it allows only letters, digits, "_", "." and "-" (no spaces or "/"). ` +
        (suggestion ? `Rename the job, e.g. ${quoted(suggestion)}.` : 'Give the job such a name.'),
      fix: suggestion && suggestion !== name ? { title: `Rename to ${suggestion}`, edits: [{ op: 'replace', pointer: '/name', value: suggestion }] } : undefined,
    });
  },
};
