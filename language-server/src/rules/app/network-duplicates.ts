import type { Rule } from '../../core/rule';
import { networksOf } from '../../model/app/networking';
import { quoted } from '../../model/quoted';

const text = 'Duplicate networks are not allowed';

export const networkDuplicates: Rule = {
  id: 'network-duplicates',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.5' },
  summary: 'Container networks are listed at most once each, with at most one unnamed entry.',
  marathonMessage: text,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const seen = new Set<string | undefined>();
      const nList = networksOf(ref);
      for (let vi = 0; vi < nList.length; vi++) {
        const n = nList[vi];
        if (n.mode !== 'container') continue;
        if (seen.has(n.name)) {
          ctx.report({
            pointer: n.pointer,
            message: `Marathon rejects the app: "${text}". ${n.name == null ? 'A second unnamed container network' : `The network ${quoted(n.name)}`} is listed twice; a task joins each network once. Remove the duplicate.`,
          });
        }
        seen.add(n.name);
      }
    }
  },
};
