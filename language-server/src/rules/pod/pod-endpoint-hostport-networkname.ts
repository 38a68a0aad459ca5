import type { Rule } from '../../core/rule';
import { countContainerNetworks } from '../../model/app/networking';
import { containerEndpoints, podContainers, podNetworks, podOf } from '../../model/pod/podParts';

const text = 'networkNames must be a single item list when hostPort is specified and more than 1 container network is defined';

export const podEndpointHostPortNetworkName: Rule = {
  id: 'pod-endpoint-hostport-networkname',
  severity: 'error',
  kinds: ['pod'],
  versions: { min: '1.5' },
  summary: 'With several container networks, a pod endpoint with `hostPort` names exactly one network in `networkNames`.',
  marathonMessage: text,
  check(ctx) {
    const pod = podOf(ctx);
    if (!pod || countContainerNetworks(podNetworks(pod)) <= 1) return;
    for (const e of podContainers(pod).flatMap(containerEndpoints)) {
      const { hostPort, networkNames } = e.value;
      if (hostPort == null) continue;
      if (Array.isArray(networkNames) && networkNames.length === 1) continue;
      ctx.report({
        pointer: e.pointer,
        ...(networkNames == null ? { missing: 'networkNames' } : {}),
        message: `Marathon rejects the endpoint: "${text}". The host port is forwarded into one network only, and Marathon will not guess which. Add \`networkNames\` with exactly one network name, or remove \`hostPort\`.`,
      });
    }
  },
};
