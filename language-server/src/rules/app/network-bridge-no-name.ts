import type { Rule, RuleContext } from '../../core/rule';
import { networksOf, type NetworkRef } from '../../model/app/networking';
import { podNetworks, podOf } from '../../model/pod/podParts';
import { quoted } from '../../model/quoted';

const text = 'Bridge networks may not have names';

function checkNetworks(ctx: RuleContext, nList: readonly NetworkRef[]): void {
  for (let vi = 0; vi < nList.length; vi++) {
    const n = nList[vi];
    if (n.mode !== 'bridge' || n.name == null) continue;
    ctx.report({
      pointer: n.pointer,
      message: `Marathon rejects the network: "${text}". The bridge is the agent's default bridge (e.g. docker0 or mesos-bridge) and cannot be chosen by name. Remove \`name\`, or use mode "container" to join the named virtual network ${quoted(n.name)}.`,
    });
  }
}

export const networkBridgeNoName: Rule = {
  id: 'network-bridge-no-name',
  severity: 'error',
  kinds: ['app', 'group', 'pod'],
  versions: { min: '1.5' },
  summary: 'A `container/bridge` network entry (of an app or a pod) has no `name`.',
  marathonMessage: text,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) checkNetworks(ctx, networksOf(ctx.apps[ai]));
    const pod = podOf(ctx);
    if (pod) checkNetworks(ctx, podNetworks(pod));
  },
};
