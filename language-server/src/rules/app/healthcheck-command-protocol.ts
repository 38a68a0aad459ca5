import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { healthChecksOf } from '../../model/app/healthCheckList';

export const healthCheckCommandProtocol: Rule = {
  id: 'healthcheck-command-protocol',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.5' },
  summary: 'A health check with `command` must say `"protocol": "COMMAND"` (the default protocol is HTTP).',
  marathonMessage: 'illegal protocol HTTP specified with command',
  fixable: true,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const hcList = healthChecksOf(ref);
      for (let vi = 0; vi < hcList.length; vi++) {
        const hc = hcList[vi];
        if (hc.check.command == null || hc.protocol === 'COMMAND') continue;
        const pointer = joinPointer(hc.pointer, 'protocol');
        const given = hc.check.protocol != null;
        ctx.report({
          pointer: given ? pointer : joinPointer(hc.pointer, 'command'),
          target: given ? 'value' : 'key',
          ...(given ? {} : { missing: joinPointer(hc.pointer, 'protocol') }),
          message:
            `Marathon fails with HTTP 500: "illegal protocol ${hc.protocol} specified with command". ` +
            (given ? '' : 'Without `protocol` a health check is HTTP, even when it has a `command`. ') +
            'Set "protocol": "COMMAND".',
          fix: { title: 'Set protocol to COMMAND', edits: [{ op: given ? 'replace' : 'add', pointer, value: 'COMMAND' }] },
        });
      }
    }
  },
};
