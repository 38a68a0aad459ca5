import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { groupsOf } from '../../model/group/groupWalk';
import { whereIs } from '../../model/group/partWhere';
import { quoted } from '../../model/quoted';

const text = 'Groups and Applications may not have the same identifier.';
const why = 'so /v2/apps and /v2/groups could not tell them apart';

export const groupAppVsGroupId: Rule = {
  id: 'group-app-vs-group-id',
  severity: 'error',
  kinds: ['group'],
  summary: 'No app may have the same absolute id as a group.',
  marathonMessage: text,
  check(ctx) {
    const groups = new Map<string, string>(); // absolute id → the group's pointer
    for (const g of groupsOf(ctx)) if (g.parentId != null || typeof g.group.id === 'string') groups.set(g.absoluteId, g.pointer);
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const id = ref.absoluteId;
      const groupPointer = id == null ? undefined : groups.get(id);
      if (id == null || groupPointer === undefined) continue;
      const app = ctx.sourceOf?.(ref.pointer);
      const group = ctx.sourceOf?.(groupPointer);
      if (app === 'cluster' && group !== undefined && group !== 'cluster') {
        // The app is deployed and a linted document declares the group: the finding belongs to the group. (A group
        // that is only implied by ids below it is left alone: the gate's cut-down root group does not hold it.)
        if (group.implied) continue;
        ctx.report({
          pointer: joinPointer(groupPointer, 'id'),
          saysWhere: true,
          message: `Marathon rejects the group: "${text}" The group ${quoted(id)} has the id of an app deployed on the cluster, ${why}. Rename the group, or remove the app first.`,
        });
        continue;
      }
      ctx.report({
        pointer: joinPointer(ref.pointer, 'id'),
        saysWhere: ctx.sourceOf !== undefined,
        message: `Marathon rejects the group: "${text}" The app ${quoted(id)} has the id of ${whereIs('group', group, app)}, ${why}. Rename the app or the group.`,
      });
    }
  },
};
