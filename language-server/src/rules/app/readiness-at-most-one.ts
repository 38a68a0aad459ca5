import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';

export const readinessAtMostOne: Rule = {
  id: 'readiness-at-most-one',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'An app has at most one readiness check.',
  marathonMessage: 'got <n>, expected 1 or less',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const list = ref.app.readinessChecks;
      if (!Array.isArray(list) || list.length <= 1) continue;
      ctx.report({
        pointer: joinPointer(ref.pointer, 'readinessChecks'),
        message: `Marathon rejects the app: "got ${list.length}, expected 1 or less" (path /readinessChecks). Marathon supports a single readiness check per app. Merge them into one endpoint that reports overall readiness.`,
      });
    }
  },
};
