import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { networksOf } from '../../model/app/networking';

const text = 'May specify a single host network, single bridge network, or else 1-to-n container networks';

export const networkModeMix: Rule = {
  id: 'network-mode-mix',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.5' },
  summary: '`networks` is one host network, one bridge network, or one or more container networks; modes do not mix.',
  marathonMessage: text,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const networks = networksOf(ref);
      if (networks.length <= 1) continue; // one entry is always one mode
      const count = (m: string) => networks.filter((n) => n.mode === m).length;
      const host = count('host'), bridge = count('bridge'), container = count('container');
      const kinds = [host, bridge, container].filter((c) => c > 0).length;
      if (kinds <= 1 && host <= 1 && bridge <= 1) continue;
      ctx.report({
        pointer: joinPointer(ref.pointer, 'networks'),
        message: `Marathon rejects the app: "${text}". This list has ${host} host, ${bridge} bridge and ${container} container network(s); a task has exactly one networking mode. Keep only the entries of one mode.`,
      });
    }
  },
};
