import type { Rule, RuleContext } from '../../core/rule';
import { networksOf, type NetworkRef } from '../../model/app/networking';
import { podNetworks, podOf } from '../../model/pod/podParts';

const text = 'Network name must be specified when container network is selected.';

function checkNetworks(ctx: RuleContext, what: 'app' | 'pod', nList: readonly NetworkRef[]): void {
  for (let vi = 0; vi < nList.length; vi++) {
    const n = nList[vi];
    if (n.mode !== 'container' || n.name != null) continue;
    ctx.report({
      pointer: n.pointer,
      missing: ['name', 'mode'], // an absent (misspelt) mode means "container" too
      message:
        `Marathon rejects the ${what}: "${text}" The cluster has no --default_network_name (the profile's defaultNetworkName is null), ` +
        'so Marathon cannot tell which virtual network to join. Add `name` (e.g. "dcos"), or set defaultNetworkName in marathon-lint.config.json.',
    });
  }
}

export const networkNameRequired: Rule = {
  id: 'network-name-required',
  severity: 'error',
  kinds: ['app', 'group', 'pod'],
  versions: { min: '1.5' },
  summary: 'A `container` network (of an app or a pod) needs a `name` unless Marathon runs with --default_network_name.',
  marathonMessage: text,
  check(ctx) {
    if (ctx.profile.defaultNetworkName) return;
    for (let ai = 0; ai < ctx.apps.length; ai++) checkNetworks(ctx, 'app', networksOf(ctx.apps[ai]));
    const pod = podOf(ctx);
    if (pod) checkNetworks(ctx, 'pod', podNetworks(pod));
  },
};
