import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { dockerOf } from '../../model/app/containerizer';

export const networksDeprecatedMix: Rule = {
  id: 'networks-deprecated-mix',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.5' },
  summary: '`networks` replaces `container.docker.network` and `ipAddress`; they cannot be combined.',
  marathonMessage: 'must not specify both container.docker.network and networks',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      if (!Array.isArray(ref.app.networks)) continue;
      if (dockerOf(ref.app)?.network != null) {
        ctx.report({
          pointer: joinPointer(ref.pointer, 'container', 'docker', 'network'),
          target: 'key',
          message: 'Marathon rejects the app: "must not specify both container.docker.network and networks". `container.docker.network` is the deprecated form of `networks`. Remove it and keep `networks`.',
        });
      }
      if (isObject(ref.app.ipAddress)) {
        ctx.report({
          pointer: joinPointer(ref.pointer, 'ipAddress'),
          target: 'key',
          message: 'Marathon rejects the app: "must not specify both networks and ipAddress". `ipAddress` is the deprecated form of a container network. Remove it and keep `networks` (with `name` for the network).',
        });
      }
    }
  },
};
