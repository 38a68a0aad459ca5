import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { containerizerOf } from '../../model/app/containerizer';

const text = 'ipAddress/discovery is not allowed for Docker containers';

export const ipAddressDiscoveryDocker: Rule = {
  id: 'ipaddress-discovery-docker',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: '`ipAddress.discovery` is not allowed for apps in the Docker containerizer.',
  marathonMessage: text,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const ip = ref.app.ipAddress;
      if (!isObject(ip) || ip.discovery == null || containerizerOf(ref.app) !== 'DOCKER') continue;
      ctx.report({
        pointer: joinPointer(ref.pointer, 'ipAddress'),
        message: `Marathon rejects the app: "${text}". Docker apps declare their ports as container.portMappings (with names) instead. Move the discovery ports to \`container.portMappings\` and remove \`ipAddress.discovery\`.`,
      });
    }
  },
};
