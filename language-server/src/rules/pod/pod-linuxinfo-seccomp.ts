import type { Rule } from '../../core/rule';
import { isObject } from '../../model/documentModel';

const text = 'Seccomp configuration on executor level is not supported';

export const podLinuxInfoSeccomp: Rule = {
  id: 'pod-linuxinfo-seccomp',
  severity: 'error',
  kinds: ['pod'],
  versions: { min: '1.8' },
  summary: 'Seccomp is configured per container, not in the pod-level `linuxInfo`.',
  marathonMessage: text,
  check(ctx) {
    const pod = ctx.root;
    if (!isObject(pod) || !isObject(pod.linuxInfo) || pod.linuxInfo.seccomp == null) return;
    ctx.report({
      pointer: '/linuxInfo/seccomp',
      target: 'key',
      message: `Marathon rejects the pod: "${text}". The pod-level linuxInfo applies to the executor, which cannot be confined. Move seccomp into each container's linuxInfo.`,
    });
  },
};
