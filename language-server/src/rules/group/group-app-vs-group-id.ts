import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { groupsOf } from '../../model/group/groupWalk';

const text = 'Groups and Applications may not have the same identifier.';

export const groupAppVsGroupId: Rule = {
  id: 'group-app-vs-group-id',
  severity: 'error',
  kinds: ['group'],
  summary: 'No app may have the same absolute id as a group.',
  marathonMessage: text,
  check(ctx) {
    const groupIds = new Set(groupsOf(ctx).filter((g) => g.parentId != null || typeof g.group.id === 'string').map((g) => g.absoluteId));
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      if (ref.absoluteId == null || !groupIds.has(ref.absoluteId)) continue;
      ctx.report({
        pointer: joinPointer(ref.pointer, 'id'),
        message:
          `Marathon rejects the group: "${text}" The app "${ref.absoluteId}" has the id of a group in this document, ` +
          `so /v2/apps and /v2/groups could not tell them apart. Rename the app or the group.`,
      });
    }
  },
};
