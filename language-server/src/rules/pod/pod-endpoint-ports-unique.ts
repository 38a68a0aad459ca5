import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { containerEndpoints, podContainers } from '../../model/pod/podParts';

export const podEndpointPortsUnique: Rule = {
  id: 'pod-endpoint-ports-unique',
  severity: 'error',
  kinds: ['pod'],
  summary: 'Non-zero container ports and host ports are unique across all containers of a pod.',
  marathonMessage: 'host ports must be unique across all containers',
  check(ctx) {
    if (!isObject(ctx.root)) return;
    const endpoints = podContainers(ctx.root).flatMap(containerEndpoints);
    for (const [key, label] of [['containerPort', 'container ports'], ['hostPort', 'host ports']] as const) {
      const seen = new Set<number>();
      for (const e of endpoints) {
        const port = e.value[key];
        if (typeof port !== 'number' || port === 0) continue;
        if (seen.has(port)) {
          ctx.report({
            pointer: joinPointer(e.pointer, key),
            message: `Marathon rejects the pod: "${label} must be unique across all containers". Port ${port} is used twice; the containers of a pod share one network namespace. Use another port, or 0 to let Marathon pick one.`,
          });
        }
        seen.add(port);
      }
    }
  },
};
