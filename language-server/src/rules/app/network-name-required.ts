import type { Rule } from '../../core/rule';
import { networksOf } from '../../model/app/networking';

const text = 'Network name must be specified when container network is selected.';

export const networkNameRequired: Rule = {
  id: 'network-name-required',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.5' },
  summary: 'A `container` network needs a `name` unless Marathon runs with --default_network_name.',
  marathonMessage: text,
  check(ctx) {
    if (ctx.profile.defaultNetworkName) return;
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const nList = networksOf(ref);
      for (let vi = 0; vi < nList.length; vi++) {
        const n = nList[vi];
        if (n.mode !== 'container' || n.name != null) continue;
        ctx.report({
          pointer: n.pointer,
          missing: ['name', 'mode'], // an absent (misspelt) mode means "container" too
          message:
            `Marathon rejects the app: "${text}" The cluster has no --default_network_name (the profile's defaultNetworkName is null), ` +
            'so Marathon cannot tell which virtual network to join. Add `name` (e.g. "dcos"), or set defaultNetworkName in marathon-lint.config.json.',
        });
      }
    }
  },
};
