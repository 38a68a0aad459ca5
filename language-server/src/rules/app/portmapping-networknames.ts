import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { networksOf, portMappingsOfRef } from '../../model/app/networking';
import { quoted } from '../../model/quoted';

export const portMappingNetworkNames: Rule = {
  id: 'portmapping-networknames',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.5' },
  summary: '`portMappings[].networkNames` only name container networks declared in `networks`.',
  marathonMessage: 'is not one of (<names>)',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const mappings = portMappingsOfRef(ref);
      // Most mappings name no networks: look for one before building the app's network names.
      if (!mappings || !mappings.mappings.some((m) => isObject(m) && Array.isArray(m.networkNames))) continue;
      const names = networksOf(ref).filter((n) => n.mode === 'container' && n.name != null).map((n) => n.name!);
      mappings.mappings.forEach((m, i) => {
        if (!isObject(m) || !Array.isArray(m.networkNames)) return;
        m.networkNames.forEach((name, j) => {
          if (typeof name !== 'string' || names.includes(name)) return;
          ctx.report({
            pointer: joinPointer(mappings.pointer, i, 'networkNames', j),
            missing: networksOf(ref).filter((n) => n.name == null).map((n) => joinPointer(n.pointer, 'name')),
            message: `Marathon rejects the port mapping: "is not one of (${names.join(',')})". ${quoted(name)} is not a container network of this app, so the port could not be exposed there. Use one of the names in \`networks\`${names.length ? ` (${names.map(quoted).join(', ')})` : ' (there are none)'}.`,
          });
        });
      });
    }
  },
};
