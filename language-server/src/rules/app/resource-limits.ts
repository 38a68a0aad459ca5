import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';

// Marathon's request defaults (app.raml) when cpus / mem are not given.
const requestDefaults: Record<'cpus' | 'mem', number> = { cpus: 1, mem: 128 };

export const resourceLimits: Rule = {
  id: 'resource-limits',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.10' },
  summary: '`resourceLimits.cpus` / `.mem` are "unlimited" or a number at least the requested amount.',
  marathonMessage: 'resource limit must be greater than or equal to requested resource (<n>)',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const limits = ref.app.resourceLimits;
      if (!isObject(limits)) continue;
      for (const key of ['cpus', 'mem'] as const) {
        const limit = limits[key];
        const pointer = joinPointer(ref.pointer, 'resourceLimits', key);
        const requested = typeof ref.app[key] === 'number' ? (ref.app[key] as number) : requestDefaults[key];
        if (typeof limit === 'string' && limit !== 'unlimited') {
          ctx.report({
            pointer,
            message:
              `Marathon rejects the limit: "'${limit}' is an invalid resource limit. It must be 'unlimited' or a number". ` +
              `Write "unlimited" (lower case) or a number such as ${requested}.`,
          });
        } else if (typeof limit === 'number' && limit < requested) {
          ctx.report({
            pointer,
            message:
              `Marathon rejects the limit: "resource limit must be greater than or equal to requested resource (${requested})". ` +
              `A limit of ${limit} ${key} is below what the app requests, so the task could never use its own reservation. ` +
              `Raise the limit to at least ${requested} or lower \`${key}\`.`,
          });
        }
      }
    }
  },
};
