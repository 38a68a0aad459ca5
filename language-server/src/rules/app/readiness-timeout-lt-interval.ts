import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';

export const readinessTimeoutLtInterval: Rule = {
  id: 'readiness-timeout-lt-interval',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'A readiness check\'s `timeoutSeconds` (default 10) is less than its `intervalSeconds` (default 30).',
  marathonMessage: 'got <timeout>, expected less than <interval>',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const list = ref.app.readinessChecks;
      if (!Array.isArray(list)) continue;
      list.forEach((rc, i) => {
        if (!isObject(rc)) return;
        const timeout = rc.timeoutSeconds ?? 10;
        const interval = rc.intervalSeconds ?? 30;
        if (typeof timeout !== 'number' || typeof interval !== 'number' || timeout < interval) return;
        ctx.report({
          pointer: joinPointer(ref.pointer, 'readinessChecks', i, rc.timeoutSeconds == null ? 'intervalSeconds' : 'timeoutSeconds'),
          missing: [joinPointer(ref.pointer, 'readinessChecks', i, 'timeoutSeconds'), joinPointer(ref.pointer, 'readinessChecks', i, 'intervalSeconds')],
          message: `Marathon rejects the app: "got ${timeout}, expected less than ${interval}" (timeoutSeconds vs intervalSeconds). A check that may run longer than the interval would overlap with the next one. Make timeoutSeconds smaller than intervalSeconds.`,
        });
      });
    }
  },
};
