import type { Rule } from '../../core/rule';
import { isObject, resolveId } from '../../model/documentModel';
import { idSegmentPatternText, invalidIdSegments, suggestValidId } from '../../model/app/pathId';
import { quoted } from '../../model/quoted';

export const podId: Rule = {
  id: 'pod-id',
  severity: 'error',
  kinds: ['pod'],
  summary: 'A pod id follows the app id grammar and names something below the root group.',
  marathonMessage: `must fully match regular expression '${idSegmentPatternText}'`,
  fixable: true,
  check(ctx) {
    if (!isObject(ctx.root) || typeof ctx.root.id !== 'string') return;
    const id = ctx.root.id;
    if (resolveId(id, '/') === '/') {
      ctx.report({
        pointer: '/id',
        message: `Marathon rejects the pod id ${quoted(id)}: "Path must contain at least one path element". It resolves to the root group. Give the pod a name, e.g. "/my-pod".`,
      });
      return;
    }
    const bad = invalidIdSegments(id);
    if (bad.length === 0) return;
    const suggestion = suggestValidId(id);
    ctx.report({
      pointer: '/id',
      message:
        `Marathon rejects the pod id ${quoted(id)}: "must fully match regular expression '${idSegmentPatternText}'". ` +
        `${bad.map(quoted).join(', ')} is not a lower-case DNS-style label. ` +
        (suggestion ? `Rename it, e.g. to ${quoted(suggestion)}.` : 'Use lower-case letters, digits, inner dashes and dots only.'),
      fix: suggestion ? { title: `Rename the pod to ${quoted(suggestion)}`, edits: [{ op: 'replace', pointer: '/id', value: suggestion }] } : undefined,
    });
  },
};
