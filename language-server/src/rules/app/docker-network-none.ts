import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { dockerOf } from '../../model/app/containerizer';

export const dockerNetworkNone: Rule = {
  id: 'docker-network-none',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.5' },
  summary: '`container.docker.network: "NONE"` cannot be translated to `networks`.',
  marathonMessage: 'unsupported docker network type NONE',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const network = dockerOf(ref.app)?.network;
      if (typeof network !== 'string' || network.toUpperCase() !== 'NONE') continue;
      ctx.report({
        pointer: joinPointer(ref.pointer, 'container', 'docker', 'network'),
        message: 'Marathon fails with HTTP 500: "unsupported docker network type NONE". Since 1.5 the deprecated docker.network is translated into `networks`, which has no "none" mode. Remove it and use `networks` (host, container/bridge or container).',
      });
    }
  },
};
