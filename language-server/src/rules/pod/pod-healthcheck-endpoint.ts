import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { containerEndpoints, podContainers } from '../../model/pod/podParts';
import { quoted } from '../../model/quoted';

export const podHealthCheckEndpoint: Rule = {
  id: 'pod-healthcheck-endpoint',
  severity: 'error',
  kinds: ['pod'],
  summary: 'An http/tcp pod health check names an endpoint of its own container.',
  marathonMessage: 'contained in the container endpoints',
  check(ctx) {
    if (!isObject(ctx.root)) return;
    for (const c of podContainers(ctx.root)) {
      const hc = c.value.healthCheck;
      if (!isObject(hc)) continue;
      const names = containerEndpoints(c).map((e) => e.value.name).filter((n): n is string => typeof n === 'string');
      for (const kind of ['http', 'tcp'] as const) {
        const probe = hc[kind];
        if (!isObject(probe) || typeof probe.endpoint !== 'string' || names.includes(probe.endpoint)) continue;
        ctx.report({
          pointer: joinPointer(c.pointer, 'healthCheck', kind, 'endpoint'),
          missing: c.value.endpoints == null ? joinPointer(c.pointer, 'endpoints') : containerEndpoints(c).filter((e) => e.value.name == null).map((e) => joinPointer(e.pointer, 'name')),
          message: `Marathon rejects the pod: the endpoint must be "contained in the container endpoints". ${quoted(probe.endpoint)} is not an endpoint of this container${names.length ? ` (it has ${names.map(quoted).join(', ')})` : ' (it has none)'}. Name one of its endpoints, or add the endpoint.`,
        });
      }
    }
  },
};
