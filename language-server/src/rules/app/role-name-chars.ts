import type { Rule } from '../rule';
import { joinPointer } from '../../core/documentModel';
import { roleNameProblem } from './roleName';

export const roleNameChars: Rule = {
  id: 'role-name-chars',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'Role names (`role`, `acceptedResourceRoles`) follow the Mesos role-name rules.',
  marathonMessage: 'A role name must not include a slash (\\x2f) character.',
  check(ctx) {
    for (const ref of ctx.apps) {
      const names: [string, unknown][] = [];
      if (ctx.atLeast('1.9')) names.push([joinPointer(ref.pointer, 'role'), ref.app.role]);
      if (Array.isArray(ref.app.acceptedResourceRoles)) ref.app.acceptedResourceRoles.forEach((r, i) => names.push([joinPointer(ref.pointer, 'acceptedResourceRoles', i), r]));
      for (const [pointer, role] of names) {
        if (typeof role !== 'string' || role === '*') continue;
        const problem = roleNameProblem(role);
        if (!problem) continue;
        ctx.report({
          pointer,
          message: `Marathon rejects the role "${role}": "${problem}" Mesos would refuse to offer resources for it. Use a plain name such as "slave_public".`,
        });
      }
    }
  },
};
