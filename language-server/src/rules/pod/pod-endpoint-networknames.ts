import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { containerEndpoints, podContainers, podNetworks, podOf } from '../../model/pod/podParts';
import { quoted } from '../../model/quoted';

export const podEndpointNetworkNames: Rule = {
  id: 'pod-endpoint-networknames',
  severity: 'error',
  kinds: ['pod'],
  versions: { min: '1.5' },
  summary: "An endpoint's `networkNames` only name networks declared in the pod's `networks`.",
  marathonMessage: 'is not one of (<names>)',
  check(ctx) {
    const pod = podOf(ctx);
    if (!pod) return;
    const endpoints = podContainers(pod).flatMap(containerEndpoints).filter((e) => Array.isArray(e.value.networkNames));
    if (endpoints.length === 0) return;
    // PodsValidation: `endpoint.networkNames is every(oneOf(networks.flatMap(_.name): _*))`, on the pod as posted,
    // so an unnamed container network does not yet carry --default_network_name.
    const networks = podNetworks(pod);
    const names = networks.flatMap((n) => (n.name != null ? [n.name] : []));
    const unnamed = networks.some((n) => n.mode === 'container' && n.name == null);
    const note = unnamed ? ' An unnamed container network gets its name (--default_network_name) only after this check, so it counts as no name here: give it `name`.' : '';
    for (const e of endpoints) {
      (e.value.networkNames as unknown[]).forEach((name, j) => {
        if (typeof name !== 'string' || names.includes(name)) return;
        ctx.report({
          pointer: joinPointer(e.pointer, 'networkNames', j),
          missing: networks.filter((n) => n.name == null).map((n) => joinPointer(n.pointer, 'name')),
          message: `Marathon rejects the endpoint: "is not one of (${names.join(',')})". ${quoted(name)} is not a network of this pod, so the endpoint could not be exposed there. Use one of the names in \`networks\`${names.length ? ` (${names.map(quoted).join(', ')})` : ' (there are none)'}.${note}`,
        });
      });
    }
  },
};
