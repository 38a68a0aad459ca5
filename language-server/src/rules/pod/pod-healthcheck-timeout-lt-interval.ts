import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { podContainers } from '../../model/pod/podParts';

export const podHealthCheckTimeoutLtInterval: Rule = {
  id: 'pod-healthcheck-timeout-lt-interval',
  severity: 'error',
  kinds: ['pod'],
  summary: 'A pod health check\'s `timeoutSeconds` (default 20) is less than its `intervalSeconds` (default 60).',
  marathonMessage: 'got <timeout>, expected less than <interval>',
  check(ctx) {
    if (!isObject(ctx.root)) return;
    for (const c of podContainers(ctx.root)) {
      const hc = c.value.healthCheck;
      if (!isObject(hc)) continue;
      const timeout = hc.timeoutSeconds ?? 20;
      const interval = hc.intervalSeconds ?? 60;
      if (typeof timeout !== 'number' || typeof interval !== 'number' || timeout < interval) continue;
      ctx.report({
        pointer: joinPointer(c.pointer, 'healthCheck', 'timeoutSeconds'),
        missing: [joinPointer(c.pointer, 'healthCheck', 'timeoutSeconds'), joinPointer(c.pointer, 'healthCheck', 'intervalSeconds')],
        message:
          `Marathon rejects the pod: "got ${timeout}, expected less than ${interval}" (path ${c.pointer}/healthCheck/timeoutSeconds). ` +
          (hc.timeoutSeconds == null ? `timeoutSeconds defaults to 20. ` : '') +
          'A probe that may take longer than the interval would overlap with the next. Make timeoutSeconds smaller than intervalSeconds.',
      });
    }
  },
};
