import type { Rule } from '../rule';
import { joinPointer } from '../../core/documentModel';
import { effectiveRole } from './appRole';
import { hasPersistentVolumes } from './residency';

const text = 'Resident apps cannot have the role *';

export const residentRoleNotStar: Rule = {
  id: 'resident-role-not-star',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.9' },
  summary: 'An app with persistent volumes must run under a role other than "*" (its own `role`, its group\'s, or --mesos_role).',
  marathonMessage: text,
  check(ctx) {
    for (const ref of ctx.apps) {
      if (!hasPersistentVolumes(ref.app) || effectiveRole(ctx, ref) !== '*') continue;
      const explicit = typeof ref.app.role === 'string';
      ctx.report({
        pointer: explicit ? joinPointer(ref.pointer, 'role') : joinPointer(ref.pointer, 'container', 'volumes'),
        message:
          `Marathon rejects the app: "${text}". Resources can only be reserved for a named role, and this app ` +
          (explicit ? 'sets `role` to "*".' : 'has no `role` and the cluster runs with --mesos_role "*" (the profile\'s mesosRole).') +
          ' Set `role` to a reservation role of the cluster (e.g. "slave_public" on DC/OS), or set mesosRole in marathon-lint.config.json if the cluster uses another default.',
      });
    }
  },
};
