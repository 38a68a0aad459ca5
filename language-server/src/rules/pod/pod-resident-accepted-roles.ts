import type { Rule } from '../../core/rule';
import { isObject } from '../../model/documentModel';
import { hasPersistentPodVolume, podOf } from '../../model/pod/podParts';

const text = 'A resident pod must have `acceptedResourceRoles = ["*"]`.';

export const podResidentAcceptedRoles: Rule = {
  id: 'pod-resident-accepted-roles',
  severity: 'error',
  kinds: ['pod'],
  versions: { min: '1.6' },
  summary: 'A pod with persistent volumes accepts only unreserved resources: scheduling.placement.acceptedResourceRoles is ["*"] if given.',
  marathonMessage: text,
  fixable: true,
  check(ctx) {
    const pod = podOf(ctx);
    if (!pod || !isObject(pod.scheduling) || !isObject(pod.scheduling.placement)) return;
    const roles = pod.scheduling.placement.acceptedResourceRoles;
    // PodsValidation reads the roles as a Set: an empty list passes ("is empty or ..."), ["*", "*"] reads as ["*"].
    if (!Array.isArray(roles) || roles.length === 0 || roles.every((r) => r === '*')) return;
    if (!hasPersistentPodVolume(pod)) return;
    const pointer = '/scheduling/placement/acceptedResourceRoles';
    ctx.report({
      pointer,
      message:
        `Marathon rejects the pod with "${text}": Marathon reserves the resources of a pod with persistent volumes itself, starting from unreserved ("*") offers. ` +
        'Set "acceptedResourceRoles" to ["*"], or remove it.',
      fix: { title: 'Set acceptedResourceRoles to ["*"]', edits: [{ op: 'replace', pointer, value: ['*'] }] },
    });
  },
};
