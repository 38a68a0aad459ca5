import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { parentOf } from '../../model/group/groupWalk';
import { quoted } from '../../model/quoted';

export const groupAppChild: Rule = {
  id: 'group-app-child',
  severity: 'error',
  kinds: ['group'],
  summary: 'An app listed in a group\'s `apps` must be a direct child of that group once its id is resolved.',
  marathonMessage: "Identifier is not child of '<group>'",
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      if (ref.absoluteId == null || ref.absoluteId === '/' || parentOf(ref.absoluteId) === ref.groupId) continue;
      ctx.report({
        pointer: joinPointer(ref.pointer, 'id'),
        message:
          `Marathon rejects the group: "Identifier is not child of '${ref.groupId}'". The app id ${quoted(String(ref.app.id))} resolves to ` +
          `${quoted(ref.absoluteId)}, which is not directly inside the group ${quoted(ref.groupId)} whose \`apps\` lists it. ` +
          `Use a relative id without "/" (e.g. ${quoted(ref.absoluteId.split('/').at(-1) ?? '')}) or move the app into the group it belongs to.`,
      });
    }
  },
};
