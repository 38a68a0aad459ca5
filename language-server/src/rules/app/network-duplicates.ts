import type { Rule, RuleContext } from '../../core/rule';
import { networksOf, type NetworkRef } from '../../model/app/networking';
import { podNetworks, podOf } from '../../model/pod/podParts';
import { quoted } from '../../model/quoted';

const text = 'Duplicate networks are not allowed';

function checkNetworks(ctx: RuleContext, what: 'app' | 'pod', nList: readonly NetworkRef[]): void {
  const seen = new Set<string | undefined>();
  for (let vi = 0; vi < nList.length; vi++) {
    const n = nList[vi];
    if (n.mode !== 'container') continue;
    if (seen.has(n.name)) {
      ctx.report({
        pointer: n.pointer,
        message: `Marathon rejects the ${what}: "${text}". ${n.name == null ? 'A second unnamed container network' : `The network ${quoted(n.name)}`} is listed twice; ${what === 'app' ? 'a task' : 'a pod instance'} joins each network once. Remove the duplicate.`,
      });
    }
    seen.add(n.name);
  }
}

export const networkDuplicates: Rule = {
  id: 'network-duplicates',
  severity: 'error',
  kinds: ['app', 'group', 'pod'],
  // Pods from 1.4 (PodsValidation.networksValidator at v1.4.13, the same words); apps have `networks` from 1.5 only.
  versions: { min: '1.4' },
  summary: 'Container networks (of an app or a pod) are listed at most once each, with at most one unnamed entry.',
  marathonMessage: text,
  check(ctx) {
    // A 1.4 app has no `networks` (api/v2/json/Formats.scala reads none), so whatever is there is not read.
    if (ctx.atLeast('1.5')) for (let ai = 0; ai < ctx.apps.length; ai++) checkNetworks(ctx, 'app', networksOf(ctx.apps[ai]));
    const pod = podOf(ctx);
    if (pod) checkNetworks(ctx, 'pod', podNetworks(pod));
  },
};
