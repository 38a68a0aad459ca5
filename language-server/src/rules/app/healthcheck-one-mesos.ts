import type { Rule } from '../../core/rule';
import { healthCheckKey, healthChecksOf, mesosProtocols } from '../../model/app/healthCheckList';

const text = 'AppDefinition can contain at most one Mesos health check';

export const healthCheckOneMesos: Rule = {
  id: 'healthcheck-one-mesos',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'An app has at most one MESOS_HTTP / MESOS_HTTPS / MESOS_TCP health check.',
  marathonMessage: text,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const checks = healthChecksOf(ref);
      if (checks.length < 2) continue;
      // healthChecks is a Set in Marathon: a Mesos check written twice alike is one check, not two.
      const seen = new Set<string>();
      const mesos = checks.filter((hc) => {
        if (!mesosProtocols.includes(hc.protocol)) return false;
        const key = healthCheckKey(hc);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      for (const hc of mesos.slice(1)) {
        ctx.report({
          pointer: hc.pointer,
          message: `Marathon rejects the app: "${text}". Mesos runs one health check per task, and this app declares ${mesos.length}. Keep one Mesos check (COMMAND and Marathon HTTP/TCP checks do not count).`,
        });
      }
    }
  },
};
