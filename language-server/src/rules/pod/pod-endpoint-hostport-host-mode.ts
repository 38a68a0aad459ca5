import type { Rule } from '../../core/rule';
import { isObject } from '../../model/documentModel';
import { containerEndpoints, podContainers, podOf } from '../../model/pod/podParts';

const text = 'is required when using host-mode networking';

export const podEndpointHostPortHostMode: Rule = {
  id: 'pod-endpoint-hostport-host-mode',
  severity: 'error',
  kinds: ['pod'],
  // PodsValidation 1.4 only; from 1.5 PodNormalization gives such an endpoint hostPort 0 (a dynamic port) instead.
  versions: { min: '1.4', max: '1.4.9999' },
  summary: 'Marathon 1.4: on the host network every pod endpoint gives `hostPort` (0 for a dynamic port).',
  marathonMessage: text,
  fixable: true,
  check(ctx) {
    const pod = podOf(ctx);
    // 1.4 reads enums case-sensitively (another "HOST" is enum-case's finding), and validates the pod as posted.
    if (!pod || !Array.isArray(pod.networks) || !pod.networks.some((n) => isObject(n) && n.mode === 'host')) return;
    for (const e of podContainers(pod).flatMap(containerEndpoints)) {
      if (e.value.hostPort != null) continue;
      ctx.report({
        pointer: e.pointer,
        missing: 'hostPort',
        message: `Marathon 1.4 rejects the endpoint: "${text}" (hostPort). On the host network the endpoint is a port of the agent, and Marathon 1.4 does not pick one for you. Add "hostPort": 0 for a dynamic port, or a fixed port.`,
        fix: { title: 'Add "hostPort": 0', edits: [{ op: 'add', pointer: `${e.pointer}/hostPort`, value: 0 }] },
      });
    }
  },
};
