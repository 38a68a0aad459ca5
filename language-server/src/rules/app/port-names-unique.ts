import type { Rule } from '../rule';
import { isObject, joinPointer } from '../../core/documentModel';
import { portMappingsOfRef } from './networking';

const text = 'Port names must be unique.';

export const portNamesUnique: Rule = {
  id: 'port-names-unique',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'Port names are unique within `portDefinitions` and within the port mappings.',
  marathonMessage: text,
  check(ctx) {
    for (const ref of ctx.apps) {
      const lists: [string, unknown[]][] = [];
      if (Array.isArray(ref.app.portDefinitions)) lists.push([joinPointer(ref.pointer, 'portDefinitions'), ref.app.portDefinitions]);
      const mappings = portMappingsOfRef(ref);
      if (mappings) lists.push([mappings.pointer, mappings.mappings]);
      for (const [pointer, list] of lists) {
        const seen = new Set<string>();
        list.forEach((p, i) => {
          if (!isObject(p) || typeof p.name !== 'string') return;
          if (seen.has(p.name)) {
            ctx.report({
              pointer: joinPointer(pointer, i, 'name'),
              message: `Marathon rejects the app: "${text}" The name "${p.name}" is used twice; health checks, readiness checks and service discovery find ports by name. Rename one.`,
            });
          }
          seen.add(p.name);
        });
      }
    }
  },
};
