import type { Rule } from '../../core/rule';
import { networksOf } from '../../model/app/networking';
import { quoted } from '../../model/quoted';

const text = 'Bridge networks may not have names';

export const networkBridgeNoName: Rule = {
  id: 'network-bridge-no-name',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.5' },
  summary: 'A `container/bridge` network entry has no `name`.',
  marathonMessage: text,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const nList = networksOf(ref);
      for (let vi = 0; vi < nList.length; vi++) {
        const n = nList[vi];
        if (n.mode !== 'bridge' || n.name == null) continue;
        ctx.report({
          pointer: n.pointer,
          message: `Marathon rejects the network: "${text}". The bridge is the agent's default bridge (e.g. docker0 or mesos-bridge) and cannot be chosen by name. Remove \`name\`, or use mode "container" to join the named virtual network ${quoted(n.name)}.`,
        });
      }
    }
  },
};
