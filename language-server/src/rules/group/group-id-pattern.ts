import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { idSegmentPatternText, invalidIdSegments, suggestValidId } from '../../model/app/pathId';
import { groupsOf } from '../../model/group/groupWalk';
import { quoted } from '../../model/quoted';

export const groupIdPattern: Rule = {
  id: 'group-id-pattern',
  severity: 'error',
  kinds: ['group'],
  summary: 'Group ids follow the same path-id grammar as app ids.',
  marathonMessage: `must fully match regular expression '${idSegmentPatternText}'`,
  fixable: true,
  check(ctx) {
    for (const g of groupsOf(ctx)) {
      const id = g.group.id;
      if (typeof id !== 'string') continue;
      const bad = invalidIdSegments(id);
      if (bad.length === 0) continue;
      const pointer = joinPointer(g.pointer, 'id');
      const suggestion = suggestValidId(id);
      ctx.report({
        pointer,
        message:
          `Marathon rejects the group id ${quoted(id)}: "must fully match regular expression '${idSegmentPatternText}'". ` +
          `${bad.map(quoted).join(', ')} is not a lower-case DNS-style label. ` +
          (suggestion ? `Rename it, e.g. to ${quoted(suggestion)}.` : 'Use lower-case letters, digits, inner dashes and dots only.'),
        fix: suggestion ? { title: `Rename the group to ${quoted(suggestion)}`, edits: [{ op: 'replace', pointer, value: suggestion }] } : undefined,
      });
    }
  },
};
