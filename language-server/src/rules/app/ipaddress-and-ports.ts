import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';

const text = 'cannot specify both an IP address and port';

export const ipAddressAndPorts: Rule = {
  id: 'ipaddress-and-ports',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'An app with `ipAddress` (its own IP per task) must not also declare host `ports`/`portDefinitions`.',
  marathonMessage: text,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      if (!isObject(ref.app.ipAddress)) continue;
      const nonEmpty = (v: unknown) => Array.isArray(v) && v.length > 0;
      if (!nonEmpty(ref.app.ports) && !nonEmpty(ref.app.portDefinitions)) continue;
      // On the port field to remove (the one given), not on the whole app.
      ctx.report({
        pointer: joinPointer(ref.pointer, nonEmpty(ref.app.portDefinitions) ? 'portDefinitions' : 'ports'),
        target: 'key',
        message: `Marathon rejects the app: "${text}". With \`ipAddress\` each task gets its own IP and host ports mean nothing. Remove \`ports\`/\`portDefinitions\` (declare ports in ipAddress.discovery or container.portMappings), or remove \`ipAddress\`.`,
      });
    }
  },
};
