import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { idSegmentPatternText, invalidIdSegments, suggestValidId } from '../../model/app/pathId';
import { quoted } from '../../model/quoted';

export const appDependencyPathId: Rule = {
  id: 'app-dependency-pathid',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'Each entry of `dependencies` is a valid Marathon path id.',
  marathonMessage: `must fully match regular expression '${idSegmentPatternText}'`,
  fixable: true,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      if (!Array.isArray(ref.app.dependencies)) continue;
      ref.app.dependencies.forEach((dep, i) => {
        if (typeof dep !== 'string') return;
        const bad = invalidIdSegments(dep);
        if (bad.length === 0) return;
        const pointer = joinPointer(ref.pointer, 'dependencies', i);
        const suggestion = suggestValidId(dep);
        ctx.report({
          pointer,
          message:
            `Marathon rejects the dependency ${quoted(dep)}: "must fully match regular expression '${idSegmentPatternText}'". ` +
            `Dependencies are app or group ids, so ${bad.map(quoted).join(', ')} can never name a deployed app. ` +
            (suggestion ? `Did you mean ${quoted(suggestion)}?` : 'Use the id of the app or group this app depends on.'),
          fix: suggestion ? { title: `Change the dependency to ${quoted(suggestion)}`, edits: [{ op: 'replace', pointer, value: suggestion }] } : undefined,
        });
      });
    }
  },
};
