import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { groupsOf } from '../../model/group/groupWalk';
import { quoted } from '../../model/quoted';

const text = 'not allowed in conjunction with other properties.';

/**
 * Group.validNestedGroupUpdateWithBase (state/Group.scala 1.5 to 1.10; api/v2/json/GroupUpdate.scala 1.1 to 1.4):
 * `group.version is theOnlyDefinedOptionIn(group)`, `group.scaleBy` alike, for the body and every nested group. The
 * validator counts every field of the GroupUpdate that is set: `id` too, so only `{"scaleBy": 2}` or `{"version": …}`
 * sent to /v2/groups/<id> passes, and a nested group, which needs its `id`, never does. A field set to null is unset
 * (the reader's readNullable); a field Marathon does not know is not read at all (`enforceRole` before 1.9).
 */
const fields = ['id', 'apps', 'groups', 'dependencies', 'scaleBy', 'version'];

export const groupVersionScaleByAlone: Rule = {
  id: 'group-version-scaleby-alone',
  severity: 'error',
  kinds: ['group'],
  summary: 'A group body with `scaleBy` or `version` (a scale or a rollback) sets no other field, not even `id`.',
  marathonMessage: text,
  check(ctx) {
    const known = ctx.atLeast('1.9') ? [...fields, 'enforceRole'] : fields;
    for (const g of groupsOf(ctx)) {
      const set = known.filter((f) => g.group[f] != null);
      if (set.length < 2) continue;
      for (const mode of ['scaleBy', 'version'] as const) {
        if (g.group[mode] == null) continue;
        const others = set.filter((f) => f !== mode);
        const what = mode === 'scaleBy' ? 'scales every app of the group by this factor' : 'rolls the group back to that version';
        ctx.report({
          pointer: joinPointer(g.pointer, mode),
          target: 'key',
          message:
            `Marathon rejects the group: ${quoted(mode)}: "${text}" A body with ${quoted(mode)} ${what} and must set nothing else, but this one also sets ` +
            `${others.map(quoted).join(', ')}. ` +
            (mode === 'version'
              ? 'A group exported with GET /v2/groups carries "version": remove it to create or update the group, or send only {"version": …} to /v2/groups/<id> to roll back.'
              : g.parentId === undefined
                ? 'Send only {"scaleBy": …} to /v2/groups/<id> (the id goes in the path), and change the definition in a separate request.'
                : 'A nested group cannot be scaled inside an update: send {"scaleBy": …} to /v2/groups/<its id> on its own.'),
        });
      }
    }
  },
};
