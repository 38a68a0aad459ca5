import type { Rule } from '../../core/rule';
import { healthChecksOf } from '../../model/app/healthCheckList';

export const healthCheckCommandRequired: Rule = {
  id: 'healthcheck-command-required',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.5' },
  summary: 'A health check with `"protocol": "COMMAND"` has a `command` to run.',
  marathonMessage: 'illegal protocol COMMAND for non-command health check',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const hcList = healthChecksOf(ctx.apps[ai]);
      for (let vi = 0; vi < hcList.length; vi++) {
        const hc = hcList[vi];
        // HealthCheckConversion.appHealthCheckRamlReader: a check without `command` (absent or null: validateOpt)
        // goes to the non-command branch, whose protocol match has no COMMAND case and throws.
        if (hc.protocol !== 'COMMAND' || hc.check.command != null) continue;
        ctx.report({
          pointer: hc.pointer,
          target: 'key',
          missing: 'command',
          message:
            'Marathon fails with HTTP 500: "illegal protocol COMMAND for non-command health check". A COMMAND health check runs its `command` on the agent, and this one has none. ' +
            'Add "command": {"value": "…"} (e.g. "curl -f http://localhost:$PORT0/health"), or use another protocol such as "MESOS_HTTP".',
        });
      }
    }
  },
};
