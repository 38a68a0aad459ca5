import type { Rule } from '../rule';
import { joinPointer } from '../../core/documentModel';
import { hasPersistentVolumes } from './residency';

const text = 'A resident app must have `acceptedResourceRoles = ["*"]`.';

export const residentAcceptedRoles: Rule = {
  id: 'resident-accepted-roles',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.4' },
  summary: 'An app with persistent volumes may only give `acceptedResourceRoles` as exactly ["*"].',
  marathonMessage: text,
  fixable: true,
  check(ctx) {
    for (const ref of ctx.apps) {
      const accepted = ref.app.acceptedResourceRoles;
      if (!Array.isArray(accepted) || !hasPersistentVolumes(ref.app)) continue;
      if (accepted.length === 1 && accepted[0] === '*') continue;
      const pointer = joinPointer(ref.pointer, 'acceptedResourceRoles');
      ctx.report({
        pointer,
        message:
          `Marathon rejects the app: "${text}" Persistent volumes are created from reserved resources, and Marathon only ` +
          'matches such reservations with `["*"]`. Set it to ["*"] or remove it.',
        fix: { title: 'Set acceptedResourceRoles to ["*"]', edits: [{ op: 'replace', pointer, value: ['*'] }] },
      });
    }
  },
};
