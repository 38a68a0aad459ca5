import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { containerEndpoints, podContainers, podNetworkModes } from '../../model/pod/podParts';

export const podEndpointContainerPort: Rule = {
  id: 'pod-endpoint-containerport',
  severity: 'error',
  kinds: ['pod'],
  summary: 'Endpoints need `containerPort` on a container network and must not have it on the host network (with a bridge network or no `networks`, it is optional).',
  marathonMessage: 'is required when using container-mode networking',
  fixable: true,
  check(ctx) {
    if (!isObject(ctx.root)) return;
    // PodsValidation asks whether *some* network is host (then containerPort is forbidden) and whether some is a
    // container network (then it is required): a bridge network, or no networks at all, leaves containerPort optional.
    const modes = podNetworkModes(ctx.root);
    const host = modes.has('host');
    const container = modes.has('container');
    if (!host && !container) return;
    for (const e of podContainers(ctx.root).flatMap(containerEndpoints)) {
      const has = e.value.containerPort != null;
      if (host && has) {
        const pointer = joinPointer(e.pointer, 'containerPort');
        ctx.report({
          pointer,
          target: 'key',
          message: 'Marathon rejects the endpoint: "is not allowed when using host-mode networking" (containerPort). On the host network the task binds the host port directly; there is no container port to map. Remove containerPort.',
          fix: { title: 'Remove containerPort', edits: [{ op: 'remove', pointer }] },
        });
      }
      if (container && !has) {
        ctx.report({
          pointer: e.pointer,
          // A misspelt network "mode" makes it a container network (the default) too.
          missing: ['containerPort', ...(Array.isArray(ctx.root.networks) ? ctx.root.networks.map((_n, i) => `/networks/${i}/mode`) : [])],
          message: 'Marathon rejects the endpoint: "is required when using container-mode networking" (containerPort). On a container network Marathon must know which port inside the pod to expose. Add containerPort.',
        });
      }
    }
  },
};
