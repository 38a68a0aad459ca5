import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { podContainers } from '../../model/pod/podParts';

const text = 'resourceLimits cannot be defined if legacySharedCgroups is enabled';

export const podLegacyCgroups: Rule = {
  id: 'pod-legacy-cgroups',
  severity: 'error',
  kinds: ['pod'],
  versions: { min: '1.10' },
  summary: 'Container `resourceLimits` need per-container cgroups, i.e. not `legacySharedCgroups: true`.',
  marathonMessage: text,
  check(ctx) {
    const pod = ctx.root;
    if (!isObject(pod) || pod.legacySharedCgroups !== true) return;
    for (const c of podContainers(pod)) {
      if (c.value.resourceLimits == null) continue;
      ctx.report({
        pointer: joinPointer(c.pointer, 'resourceLimits'),
        target: 'key',
        message: `Marathon rejects the pod: "${text}". With shared cgroups all containers share one limit, so per-container limits cannot be enforced. Remove legacySharedCgroups or the resourceLimits.`,
      });
    }
  },
};
