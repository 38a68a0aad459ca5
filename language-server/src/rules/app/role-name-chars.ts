import type { Rule, RuleContext } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { roleNameProblem } from '../../model/app/roleName';
import { quoted } from '../../model/quoted';

export const roleNameChars: Rule = {
  id: 'role-name-chars',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'Role names (`role`, `acceptedResourceRoles`) follow the Mesos role-name rules.',
  marathonMessage: 'A role name must not include a slash (\\x2f) character.',
  check(ctx) {
    // Pointers are built only for a role that is reported: this runs for every app of every group.
    const checkRole = ctx.atLeast('1.9');
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      if (checkRole) reportRole(ctx, ref.app.role, ref.pointer, 'role');
      const accepted = ref.app.acceptedResourceRoles;
      if (Array.isArray(accepted)) for (let i = 0; i < accepted.length; i++) reportRole(ctx, accepted[i], ref.pointer, 'acceptedResourceRoles', i);
    }
  },
};

function reportRole(ctx: RuleContext, role: unknown, appPointer: string, key: string, index?: number): void {
  if (typeof role !== 'string' || role === '*') return;
  const problem = roleNameProblem(role);
  if (!problem) return;
  ctx.report({
    pointer: index === undefined ? joinPointer(appPointer, key) : joinPointer(appPointer, key, index),
    message: `Marathon rejects the role ${quoted(role)}: "${problem}" Mesos would refuse to offer resources for it. Use a plain name such as "slave_public".`,
  });
}
