import type { Rule, RuleContext } from '../../core/rule';
import { networksOf, type NetworkRef } from '../../model/app/networking';
import { podNetworks, podOf } from '../../model/pod/podParts';
import { quoted } from '../../model/quoted';

const text = 'Duplicate networks are not allowed';

/**
 * The `name` keys absent from the reported entry `n` and the `earlier` one it collides with: either may be a misspelt
 * `name` (core/overlap.ts), which then explains the finding.
 */
function unnamedKeys(n: NetworkRef, earlier: NetworkRef | undefined): string[] {
  const keys = n.name === undefined ? ['name'] : [];
  if (earlier !== undefined && earlier.name === undefined) keys.push(`${earlier.pointer}/name`);
  return keys;
}

/**
 * `defaultName`: the cluster's --default_network_name when Marathon fills it into unnamed container networks before
 * this check (NetworkNormalization), else undefined (the names as posted). Two unnamed entries are reported as such
 * either way: where the name is filled in first, both become the default and collide by name all the same.
 */
function checkNetworks(ctx: RuleContext, what: 'app' | 'pod', nList: readonly NetworkRef[], defaultName: string | undefined): void {
  const seen = new Set<string | undefined>();
  let firstUnnamed: NetworkRef | undefined;
  let defaultHolder: NetworkRef | undefined; // the first entry that is, or becomes, the default network
  for (let vi = 0; vi < nList.length; vi++) {
    const n = nList[vi];
    if (n.mode !== 'container') continue;
    const becomesDefault = defaultName !== undefined && (n.name ?? defaultName) === defaultName;
    const joins = `${what === 'app' ? 'a task' : 'a pod instance'} joins each network once`;
    if (seen.has(n.name)) {
      ctx.report({
        pointer: n.pointer,
        ...(n.name == null ? { missing: unnamedKeys(n, firstUnnamed) } : {}),
        message: `Marathon rejects the ${what}: "${text}". ${n.name == null ? 'A second unnamed container network' : `The network ${quoted(n.name)}`} is listed twice; ${joins}. Remove the duplicate.`,
      });
    } else if (becomesDefault && defaultHolder) {
      ctx.report({
        pointer: n.pointer,
        missing: unnamedKeys(n, defaultHolder),
        message:
          `Marathon rejects the ${what}: "${text}". Marathon gives an unnamed container network the cluster's --default_network_name, ` +
          `${quoted(defaultName)} (defaultNetworkName in the profile), before this check, so ${quoted(defaultName)} is listed twice; ${joins}. ` +
          'Remove one of the two, or name the unnamed one after another network.',
      });
    }
    seen.add(n.name);
    if (n.name === undefined) firstUnnamed ??= n;
    if (becomesDefault) defaultHolder ??= n;
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
    // Without a known --default_network_name (null) the names are judged as posted; network-name-required then
    // reports the unnamed entry.
    const defaultName = ctx.profile.defaultNetworkName ?? undefined;
    // A 1.4 app has no `networks` (api/v2/json/Formats.scala reads none), so whatever is there is not read. From 1.5
    // an app's networks are checked again after AppNormalization has named them: AppDefinition.validAppDefinition
    // runs NetworkValidation.modelNetworksValidator, which counts container network names (v1.5.15 to v1.10.26).
    if (ctx.atLeast('1.5')) for (let ai = 0; ai < ctx.apps.length; ai++) checkNetworks(ctx, 'app', networksOf(ctx.apps[ai]), defaultName);
    const pod = podOf(ctx);
    // Marathon 1.4 names a pod's networks before validating it (PodsResource.unmarshal calls normalize, v1.4.13); from
    // 1.5 PodsResource validates the pod as posted and no model check follows (PodDefinition has none for networks).
    if (pod) checkNetworks(ctx, 'pod', podNetworks(pod), ctx.atLeast('1.5') ? undefined : defaultName);
  },
};
