import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { idSegmentPatternText, invalidIdSegments, suggestValidId } from '../../model/app/pathId';
import { quoted } from '../../model/quoted';

export const appIdPattern: Rule = {
  id: 'app-id-pattern',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'Each segment of an app id is a lower-case DNS-style label (letters, digits, inner dashes, dots between labels).',
  marathonMessage: `must fully match regular expression '${idSegmentPatternText}'`,
  fixable: true,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const id = ref.app.id;
      if (typeof id !== 'string') continue;
      const bad = invalidIdSegments(id);
      if (bad.length === 0) continue;
      const suggestion = suggestValidId(id);
      ctx.report({
        pointer: joinPointer(ref.pointer, 'id'),
        message:
          `Marathon rejects the id ${quoted(id)}: error.pattern / "must fully match regular expression '${idSegmentPatternText}'". ` +
          `The segment ${bad.map(quoted).join(', ')} is not a DNS-style label: ids may only use lower-case letters, digits, ` +
          `dashes inside a label and dots between labels (no upper case, "_", spaces or leading/trailing "-"). ` +
          (suggestion ? `Rename it, e.g. to ${quoted(suggestion)}.` : 'Rename it.'),
        fix: suggestion ? { title: `Rename the id to ${quoted(suggestion)}`, edits: [{ op: 'replace', pointer: joinPointer(ref.pointer, 'id'), value: suggestion }] } : undefined,
      });
    }
  },
};
