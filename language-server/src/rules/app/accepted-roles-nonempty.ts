import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';

export const acceptedRolesNonEmpty: Rule = {
  id: 'accepted-roles-nonempty',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: '`acceptedResourceRoles`, when given, must list at least one role.',
  marathonMessage: 'must not be empty',
  fixable: true,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      if (!Array.isArray(ref.app.acceptedResourceRoles) || ref.app.acceptedResourceRoles.length > 0) continue;
      const pointer = joinPointer(ref.pointer, 'acceptedResourceRoles');
      ctx.report({
        pointer,
        message:
          'Marathon rejects the app: "must not be empty" (path /acceptedResourceRoles). An empty list would accept no offer at all. ' +
          'Remove the field to accept the default roles, or list roles such as ["*"].',
        fix: { title: 'Remove acceptedResourceRoles', edits: [{ op: 'remove', pointer }] },
      });
    }
  },
};
