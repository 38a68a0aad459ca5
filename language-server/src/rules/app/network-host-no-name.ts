import type { Rule, RuleContext } from '../../core/rule';
import { networksOf, type NetworkRef } from '../../model/app/networking';
import { podNetworks, podOf } from '../../model/pod/podParts';

const text = 'Host networks may not have names or labels';

function checkNetworks(ctx: RuleContext, nList: readonly NetworkRef[]): void {
  for (let vi = 0; vi < nList.length; vi++) {
    const n = nList[vi];
    // An empty name is no name: `n.name.fold(false)(_.nonEmpty)` (NetworkValidation 1.5+, PodsValidation.scala@v1.4.13);
    // "" is refused as a name by the JSON reader (1.5+) or by pod-network-name-chars (1.4) instead.
    if (n.mode !== 'host' || ((n.name == null || n.name === '') && !n.hasLabels)) continue;
    ctx.report({
      pointer: n.pointer,
      message: `Marathon rejects the network: "${text}". There is only one host network, the agent's own, so there is nothing to name. Remove \`name\` and \`labels\`, or use mode "container" for a virtual network.`,
    });
  }
}

export const networkHostNoName: Rule = {
  id: 'network-host-no-name',
  severity: 'error',
  kinds: ['app', 'group', 'pod'],
  // Pods from 1.4 (PodsValidation.networksValidator at v1.4.13, the same words); apps have `networks` from 1.5 only.
  versions: { min: '1.4' },
  summary: 'A `host` network entry (of an app or a pod) has neither `name` nor `labels`.',
  marathonMessage: text,
  check(ctx) {
    // A 1.4 app has no `networks` (api/v2/json/Formats.scala reads none), so whatever is there is not read.
    if (ctx.atLeast('1.5')) for (let ai = 0; ai < ctx.apps.length; ai++) checkNetworks(ctx, networksOf(ctx.apps[ai]));
    const pod = podOf(ctx);
    if (pod) checkNetworks(ctx, podNetworks(pod));
  },
};
