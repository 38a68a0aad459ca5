import type { Rule } from '../../core/rule';
import { isObject } from '../../model/documentModel';
import { containerEndpoints, podContainers } from '../../model/pod/podParts';
import { duplicateNames } from '../../model/pod/uniqueNames';
import { quoted } from '../../model/quoted';

export const podEndpointNamesUnique: Rule = {
  id: 'pod-endpoint-names-unique',
  severity: 'error',
  kinds: ['pod'],
  summary: 'Endpoint names are unique across all containers of a pod.',
  marathonMessage: 'endpoint names nust be unique across all containers',
  check(ctx) {
    if (!isObject(ctx.root)) return;
    for (const d of duplicateNames(podContainers(ctx.root).flatMap(containerEndpoints))) {
      ctx.report({
        pointer: d.pointer,
        message: `Marathon rejects the pod: "endpoint names nust be unique across all containers" (sic). ${quoted(d.name)} is used twice; health checks and service discovery find endpoints by name across the whole pod. Rename one.`,
      });
    }
  },
};
