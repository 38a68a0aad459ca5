import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { containerEndpoints, podContainers, podOf } from '../../model/pod/podParts';
import { quoted } from '../../model/quoted';

const text = 'Duplicate protocols within the same endpoint are not allowed';

export const podEndpointProtocolsUnique: Rule = {
  id: 'pod-endpoint-protocols-unique',
  severity: 'error',
  kinds: ['pod'],
  versions: { min: '1.4' },
  summary: 'A pod endpoint lists each protocol once.',
  marathonMessage: text,
  fixable: true,
  check(ctx) {
    const pod = podOf(ctx);
    if (!pod) return;
    for (const e of podContainers(pod).flatMap(containerEndpoints)) {
      const protocols = e.value.protocol;
      if (!Array.isArray(protocols)) continue;
      // PodsValidation endpointValidator: `proto == proto.distinct`, an exact (case-sensitive) string comparison.
      const seen = new Set<unknown>();
      protocols.forEach((p, i) => {
        if (typeof p !== 'string') return;
        if (seen.has(p)) {
          const pointer = joinPointer(e.pointer, 'protocol', i);
          ctx.report({
            pointer,
            message:
              `Marathon rejects the pod: "${text}". ${quoted(p)} is listed twice in this endpoint's "protocol"; ` +
              'each protocol becomes one port entry in the task\'s Mesos DiscoveryInfo, so a repeat says nothing new. Remove the repeat.',
            fix: { title: `Remove the repeated ${quoted(p)}`, edits: [{ op: 'remove', pointer }] },
          });
        }
        seen.add(p);
      });
    }
  },
};
