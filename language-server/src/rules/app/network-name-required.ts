import type { Rule, RuleContext } from '../../core/rule';
import { networksOf, type NetworkRef } from '../../model/app/networking';
import { podNetworks, podOf } from '../../model/pod/podParts';

const text = 'Network name must be specified when container network is selected.';
/**
 * Marathon 1.4 has no such validation: PodsResource.normalize fills in --default_network_name, and without one the
 * conversion to the model throws (raml/NetworkConversion.scala at v1.4.13), which MarathonExceptionMapper answers
 * with HTTP 422 and the exception's message.
 */
const text14 = 'container network must specify a name';

function checkNetworks(ctx: RuleContext, what: 'app' | 'pod', nList: readonly NetworkRef[]): void {
  const modern = ctx.atLeast('1.5');
  let reported = false;
  for (let vi = 0; vi < nList.length; vi++) {
    const n = nList[vi];
    if (n.mode !== 'container' || n.name != null) continue;
    // 1.4's error is an exception thrown at the first unnamed network, once (NetworkConversion at v1.4.13), and only
    // after validation passed: a second unnamed one fails PodsValidation's "Duplicate networks are not allowed" first,
    // which network-duplicates reports there. One finding per unnamed entry would say the same mistake twice.
    if (!modern && reported) break;
    reported = true;
    ctx.report({
      pointer: n.pointer,
      missing: ['name', 'mode'], // an absent (misspelt) mode means "container" too
      message:
        (modern ? `Marathon rejects the ${what}: "${text}" ` : `Marathon 1.4 rejects the pod with HTTP 422: "${text14}". `) +
        'The cluster has no --default_network_name (the profile\'s defaultNetworkName is null), ' +
        'so Marathon cannot tell which virtual network to join. Add `name` (e.g. "dcos"), or set defaultNetworkName in marathon-lint.config.json.',
    });
  }
}

export const networkNameRequired: Rule = {
  id: 'network-name-required',
  severity: 'error',
  kinds: ['app', 'group', 'pod'],
  // Pods from 1.4 (see text14); apps have `networks` from 1.5 only.
  versions: { min: '1.4' },
  summary: 'A `container` network (of an app or a pod) needs a `name` unless Marathon runs with --default_network_name.',
  marathonMessage: text,
  check(ctx) {
    if (ctx.profile.defaultNetworkName) return;
    if (ctx.atLeast('1.5')) for (let ai = 0; ai < ctx.apps.length; ai++) checkNetworks(ctx, 'app', networksOf(ctx.apps[ai]));
    const pod = podOf(ctx);
    if (pod) checkNetworks(ctx, 'pod', podNetworks(pod));
  },
};
