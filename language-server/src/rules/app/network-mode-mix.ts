import type { Rule, RuleContext } from '../../core/rule';
import { joinPointer, type JsonObject } from '../../model/documentModel';
import { networksOf, type NetworkRef } from '../../model/app/networking';
import { podNetworks, podOf } from '../../model/pod/podParts';

const text = 'May specify a single host network, single bridge network, or else 1-to-n container networks';
/** PodsValidation.networksValidator at v1.4.13: exactly one host network, or one or more container networks. */
const text14 = 'Must specify either a single host network, or else 1-to-n container networks';

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

/**
 * Marathon 1.4 reads an absent `networks` as an empty list (the RAML generator's `orElse(Reads.pure(Seq()))` for an
 * optional array, project/RamlTypeGenerator.scala at v1.4.13) and has no default networks yet (PodNormalization's
 * DefaultNetworks arrived in 1.5), so its check, which wants exactly one host network or at least one container
 * network, refuses a pod without networks too. Its NetworkMode has no bridge ("container/bridge" is a JSON error there).
 */
function checkPod14(ctx: RuleContext, pod: JsonObject): void {
  const networks = podNetworks(pod);
  if (pod.networks !== undefined && !Array.isArray(pod.networks)) return; // the schema's finding
  // 1.4's RAML NetworkMode is [container, host] (network.raml@v1.4.13): its reader refuses "container/bridge" before
  // any validator (RamlTypeGenerator.scala@v1.4.13, "error.expected.jsstring"; a JsResultException is HTTP 400).
  const bridge = networks.find((n) => n.mode === 'bridge');
  if (bridge) {
    ctx.report({
      pointer: joinPointer(bridge.pointer, 'mode'),
      message:
        'Marathon 1.4 refuses the pod while reading its JSON ("Invalid JSON", HTTP 400, "error.expected.jsstring" at the mode): ' +
        'a pod\'s network mode is "container" or "host" in 1.4; "container/bridge" comes with Marathon 1.5. ' +
        'Use "host", or "container" with the name of a virtual network.',
    });
    return;
  }
  if (networks.some((n) => n.mode !== 'host' && n.mode !== 'container')) return; // the schema's finding
  const host = networks.filter((n) => n.mode === 'host').length;
  const container = networks.length - host;
  if ((host === 1 && container === 0) || (host === 0 && container > 0)) return;
  const none = networks.length === 0;
  ctx.report({
    pointer: pod.networks === undefined ? '' : '/networks',
    ...(pod.networks === undefined ? { missing: 'networks' } : {}),
    message:
      `Marathon 1.4 rejects the pod: "${text14}". ` +
      (none
        ? `The pod declares no networks, and 1.4 does not default them (from 1.5 a pod without networks uses the agent's network). Add "networks": [{"mode": "host"}], or a container network.`
        : `This list has ${host} host and ${container} container network(s); the containers of a pod share one network stack, with exactly one networking mode. Keep only the entries of one mode.`),
  });
}

export const networkModeMix: Rule = {
  id: 'network-mode-mix',
  severity: 'error',
  kinds: ['app', 'group', 'pod'],
  // Pods from 1.4 (PodsValidation.networksValidator); apps have `networks` from 1.5 only.
  versions: { min: '1.4' },
  summary: '`networks` (of an app or a pod) is one host network, one bridge network, or one or more container networks; modes do not mix.',
  marathonMessage: text,
  check(ctx) {
    const pod = podOf(ctx);
    if (!ctx.atLeast('1.5')) {
      if (pod) checkPod14(ctx, pod);
      return; // a 1.4 app has no `networks` (api/v2/json/Formats.scala reads none)
    }
    for (let ai = 0; ai < ctx.apps.length; ai++) checkNetworks(ctx, 'app', ctx.apps[ai].pointer, networksOf(ctx.apps[ai]));
    if (pod) checkNetworks(ctx, 'pod', '', podNetworks(pod));
  },
};
