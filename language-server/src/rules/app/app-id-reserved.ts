import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { lastIdSegment, reservedIdSegments } from '../../model/app/pathId';
import { quoted } from '../../model/quoted';

const text = 'must not end with any of the following reserved keywords: restart, tasks, versions, ., ..';

export const appIdReserved: Rule = {
  id: 'app-id-reserved',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.5' },
  summary: 'An app id must not end with a segment Marathon uses for its own REST paths (restart, tasks, versions, ., ..).',
  marathonMessage: text,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      if (typeof ref.app.id !== 'string') continue;
      const last = lastIdSegment(ref.app.id);
      if (last == null || !(reservedIdSegments as readonly string[]).includes(last)) continue;
      ctx.report({
        pointer: joinPointer(ref.pointer, 'id'),
        message:
          `Marathon rejects the id ${quoted(ref.app.id)}: "${text}". URLs such as /v2/apps/<id>/${last} would be ambiguous with Marathon's own ` +
          `endpoints. Choose another last segment, e.g. "${last.replace(/\./g, '') || 'app'}-app".`,
      });
    }
  },
};
