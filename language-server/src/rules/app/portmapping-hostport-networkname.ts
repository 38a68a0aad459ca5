import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { countContainerNetworks, networksOf, portMappingsOfRef } from '../../model/app/networking';

const text = 'networkNames must be a single item list when hostPort is specified and more than 1 container network is defined';

export const portMappingHostPortNetworkName: Rule = {
  id: 'portmapping-hostport-networkname',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.5' },
  summary: 'With several container networks, a port mapping with `hostPort` names exactly one network in `networkNames`.',
  marathonMessage: text,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const mappings = portMappingsOfRef(ref);
      if (!mappings) continue;
      if (countContainerNetworks(networksOf(ref)) <= 1) continue;
      mappings.mappings.forEach((m, i) => {
        if (!isObject(m) || m.hostPort == null) return;
        if (Array.isArray(m.networkNames) && m.networkNames.length === 1) return;
        ctx.report({
          pointer: joinPointer(mappings.pointer, i),
          ...(m.networkNames == null ? { missing: 'networkNames' } : {}),
          message: `Marathon rejects the port mapping: "${text}". The host port is forwarded into one network only, and Marathon will not guess which. Add \`networkNames\` with exactly one network name.`,
        });
      });
    }
  },
};
