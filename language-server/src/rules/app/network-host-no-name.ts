import type { Rule } from '../../core/rule';
import { networksOf } from '../../model/app/networking';

const text = 'Host networks may not have names or labels';

export const networkHostNoName: Rule = {
  id: 'network-host-no-name',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.5' },
  summary: 'A `host` network entry has neither `name` nor `labels`.',
  marathonMessage: text,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const nList = networksOf(ref);
      for (let vi = 0; vi < nList.length; vi++) {
        const n = nList[vi];
        if (n.mode !== 'host' || (n.name == null && !n.hasLabels)) continue;
        ctx.report({
          pointer: n.pointer,
          message: `Marathon rejects the network: "${text}". There is only one host network, the agent's own, so there is nothing to name. Remove \`name\` and \`labels\`, or use mode "container" for a virtual network.`,
        });
      }
    }
  },
};
