import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { groupsOf } from '../../model/group/groupWalk';

export const groupEnforceRoleTopLevel: Rule = {
  id: 'group-enforce-role-toplevel',
  severity: 'error',
  kinds: ['group'],
  versions: { min: '1.9' },
  summary: '`enforceRole: true` is only allowed on top-level groups (direct children of the root group).',
  marathonMessage: 'enforceRole can only be set for top-level groups, and <id> is not top-level',
  fixable: true,
  check(ctx) {
    for (const g of groupsOf(ctx)) {
      if (g.group.enforceRole !== true) continue;
      const depth = g.absoluteId.split('/').filter(Boolean).length;
      if (depth === 1) continue;
      ctx.report({
        pointer: joinPointer(g.pointer, 'enforceRole'),
        message:
          `Marathon rejects the group: "enforceRole can only be set for top-level groups, and ${g.absoluteId} is not top-level". ` +
          `Role enforcement is decided by the top-level group whose name is the role. Set enforceRole on "/${g.absoluteId.split('/').filter(Boolean)[0] ?? ''}" instead, or remove it here.`,
        fix: { title: 'Remove enforceRole', edits: [{ op: 'remove', pointer: joinPointer(g.pointer, 'enforceRole') }] },
      });
    }
  },
};
