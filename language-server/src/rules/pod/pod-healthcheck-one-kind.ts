import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { podContainers } from '../../model/pod/podParts';

const text = 'Only one of http, tcp, or command may be specified';

export const podHealthCheckOneKind: Rule = {
  id: 'pod-healthcheck-one-kind',
  severity: 'error',
  kinds: ['pod'],
  summary: 'A pod container health check has exactly one of `http`, `tcp`, `exec`.',
  marathonMessage: text,
  check(ctx) {
    if (!isObject(ctx.root)) return;
    for (const c of podContainers(ctx.root)) {
      const hc = c.value.healthCheck;
      if (!isObject(hc)) continue;
      const kinds = ['http', 'tcp', 'exec'].filter((k) => hc[k] != null);
      if (kinds.length === 1) continue;
      ctx.report({
        pointer: joinPointer(c.pointer, 'healthCheck'),
        ...(kinds.length === 0 ? { missing: ['http', 'tcp', 'exec'] } : {}),
        message: `Marathon rejects the pod: "${text}". This health check has ${kinds.length ? kinds.join(' and ') : 'none of them'}; it must say how to probe the container in exactly one way. Keep one of http, tcp, exec.`,
      });
    }
  },
};
