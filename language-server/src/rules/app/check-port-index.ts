import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { effectivePortsOf } from '../../model/app/appPorts';

const text = 'check port index must address an element of the ports array or container port mappings.';

export const checkPortIndex: Rule = {
  id: 'check-port-index',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.8' },
  summary: '`check.http.portIndex` / `check.tcp.portIndex` address an existing port.',
  marathonMessage: text,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const check = ref.app.check;
      if (!isObject(check)) continue;
      const count = effectivePortsOf(ctx, ref, 'model').names.length;
      for (const kind of ['http', 'tcp'] as const) {
        const c = check[kind];
        if (!isObject(c) || typeof c.portIndex !== 'number' || c.portIndex < count) continue;
        ctx.report({
          pointer: joinPointer(ref.pointer, 'check', kind, 'portIndex'),
          message: `Marathon rejects the app: "${text}" Index ${c.portIndex} is out of range: the app has ${count} port(s). Use an index below ${count} or add the port.`,
        });
      }
    }
  },
};
