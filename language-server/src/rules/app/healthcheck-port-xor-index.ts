import type { Rule } from '../../core/rule';
import { healthChecksOf } from '../../model/app/healthCheckList';

const text = 'HealthCheck must specify either a port or a portIndex';

export const healthCheckPortXorIndex: Rule = {
  id: 'healthcheck-port-xor-index',
  severity: 'warning',
  kinds: ['app', 'group'],
  summary: 'A network health check gives `port` or `portIndex`, not both.',
  // Warning, not error: 1.10 accepts such apps after normalization (e.g. the universe mr-redis package), but
  // the model validator states the rule and older versions applied it.
  marathonMessage: text,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const hcList = healthChecksOf(ref);
      for (let vi = 0; vi < hcList.length; vi++) {
        const hc = hcList[vi];
        if (hc.protocol === 'COMMAND' || hc.check.port == null || hc.check.portIndex == null) continue;
        ctx.report({
          pointer: hc.pointer,
          message: `Marathon's model validation says "${text}". This check gives both, and they may point at different ports; which one is checked depends on the Marathon version. Keep \`portIndex\` (follows the app's ports) or \`port\` (a fixed number), not both.`,
        });
      }
    }
  },
};
