import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';

export const portsUnique: Rule = {
  id: 'ports-unique',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'Non-zero entries of `ports` and of `portDefinitions[].port` are unique (0 asks for any free port).',
  marathonMessage: 'Ports must be unique.',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const lists: [string, unknown[], (x: unknown) => unknown, string][] = [];
      if (Array.isArray(ref.app.ports)) lists.push(['ports', ref.app.ports, (p) => p, 'ports must be unique']);
      if (Array.isArray(ref.app.portDefinitions)) lists.push(['portDefinitions', ref.app.portDefinitions, (p) => (isObject(p) ? p.port : undefined), 'Ports must be unique.']);
      for (const [field, list, portOf, text] of lists) {
        const seen = new Set<number>();
        list.forEach((item, i) => {
          const port = portOf(item);
          if (typeof port !== 'number' || port === 0) return;
          if (seen.has(port)) {
            ctx.report({
              pointer: field === 'ports' ? joinPointer(ref.pointer, 'ports', i) : joinPointer(ref.pointer, 'portDefinitions', i, 'port'),
              message: `Marathon rejects the app: "${text}" Port ${port} is listed twice; one host port can only be bound once per task. Use another port, or 0 to let Marathon pick one.`,
            });
          }
          seen.add(port);
        });
      }
    }
  },
};
