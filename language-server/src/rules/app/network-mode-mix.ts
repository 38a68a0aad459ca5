import type { Rule, RuleContext } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { networksOf, type NetworkRef } from '../../model/app/networking';
import { podNetworks, podOf } from '../../model/pod/podParts';

const text = 'May specify a single host network, single bridge network, or else 1-to-n container networks';

function checkNetworks(ctx: RuleContext, what: 'app' | 'pod', pointer: string, networks: readonly NetworkRef[]): void {
  if (networks.length <= 1) return; // one entry is always one mode
  const count = (m: string) => networks.filter((n) => n.mode === m).length;
  const host = count('host'), bridge = count('bridge'), container = count('container');
  const kinds = [host, bridge, container].filter((c) => c > 0).length;
  if (kinds <= 1 && host <= 1 && bridge <= 1) return;
  ctx.report({
    pointer: joinPointer(pointer, 'networks'),
    message: `Marathon rejects the ${what}: "${text}". This list has ${host} host, ${bridge} bridge and ${container} container network(s); ${what === 'app' ? 'a task has' : 'the containers of a pod share one network stack, with'} exactly one networking mode. Keep only the entries of one mode.`,
  });
}

export const networkModeMix: Rule = {
  id: 'network-mode-mix',
  severity: 'error',
  kinds: ['app', 'group', 'pod'],
  versions: { min: '1.5' },
  summary: '`networks` (of an app or a pod) is one host network, one bridge network, or one or more container networks; modes do not mix.',
  marathonMessage: text,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) checkNetworks(ctx, 'app', ctx.apps[ai].pointer, networksOf(ctx.apps[ai]));
    const pod = podOf(ctx);
    if (pod) checkNetworks(ctx, 'pod', '', podNetworks(pod));
  },
};
