import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { givenRole } from '../../model/app/givenRole';
import { acceptedRolesFor } from '../../model/app/acceptedRolesForRole';
import { quoted } from '../../model/quoted';

export const acceptedRolesForRole: Rule = {
  id: 'accepted-roles-for-role',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.10' },
  summary: '`acceptedResourceRoles` may only contain "*" and the role the app runs under.',
  marathonMessage: 'acceptedResourceRoles can only contain * and <role>',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const accepted = ref.app.acceptedResourceRoles;
      if (!Array.isArray(accepted)) continue;
      const given = givenRole(ctx, ref);
      // Not known (e.g. the top-level group left to a --new_group_enforce_role the profile does not know): not judged.
      if (given === undefined) continue;
      const role = given.role;
      // From 1.10 (this rule's versions) Marathon refuses what 1.9 dropped (model/app/acceptedRolesForRole.ts).
      const verdict = acceptedRolesFor(role, accepted, ctx.atLeast);
      if (verdict.kind === 'fine') continue;
      const foreign = verdict.dropped;
      const allowed = verdict.allowed.join(' and ');
      ctx.report({
        pointer: joinPointer(ref.pointer, 'acceptedResourceRoles'),
        message:
          `Marathon rejects the app: "acceptedResourceRoles can only contain ${allowed}". ${foreign.map(quoted).join(', ')} ` +
          `is not the app's role (${quoted(role)}, ${given.why}), and Mesos ` +
          `only offers an app resources of its own role or "*". (1.9 silently dropped such entries; 1.10 rejects them.) Remove them, or set \`role\`.`,
      });
    }
  },
};
