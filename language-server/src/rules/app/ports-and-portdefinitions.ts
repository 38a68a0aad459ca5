import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';

const text = 'cannot specify both ports and port definitions';

export const portsAndPortDefinitions: Rule = {
  id: 'ports-and-portdefinitions',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'Deprecated `ports` and `portDefinitions` may only appear together when they list the same ports.',
  marathonMessage: text,
  fixable: true,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const { ports, portDefinitions } = ref.app;
      if (!Array.isArray(ports) || !Array.isArray(portDefinitions)) continue;
      const defined = portDefinitions.map((p) => (isObject(p) ? (p.port ?? 0) : undefined));
      const same = ports.length === defined.length && ports.every((p, i) => p === defined[i]);
      if (same) continue;
      const pointer = joinPointer(ref.pointer, 'ports');
      ctx.report({
        pointer,
        target: 'key',
        missing: portDefinitions.flatMap((p, i) => (isObject(p) && p.port == null ? [joinPointer(ref.pointer, 'portDefinitions', i, 'port')] : [])),
        message: `Marathon rejects the app: "${text}". \`ports\` is the deprecated form of \`portDefinitions\`, and these two disagree. Remove \`ports\` and keep \`portDefinitions\`.`,
        fix: { title: 'Remove ports', edits: [{ op: 'remove', pointer }] },
      });
    }
  },
};
