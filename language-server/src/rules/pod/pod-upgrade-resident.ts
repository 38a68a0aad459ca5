import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { scalaDouble } from '../../model/scalaNumber';
import { hasPersistentPodVolume } from '../../model/pod/podParts';

export const podUpgradeResident: Rule = {
  id: 'pod-upgrade-resident',
  severity: 'error',
  kinds: ['pod'],
  summary: 'A pod with persistent volumes has scheduling.upgrade.maximumOverCapacity 0.',
  marathonMessage: 'got <v>, expected 0.0',
  fixable: true,
  check(ctx) {
    const pod = ctx.root;
    if (!isObject(pod) || !hasPersistentPodVolume(pod)) return;
    const scheduling = isObject(pod.scheduling) ? pod.scheduling : undefined;
    const upgrade = scheduling && isObject(scheduling.upgrade) ? scheduling.upgrade : undefined;
    // Pods have no resident default: a missing value is the general default 1.0.
    const v = upgrade?.maximumOverCapacity ?? 1;
    if (typeof v !== 'number' || v === 0) return;
    const fixPointer = upgrade ? '/scheduling/upgrade/maximumOverCapacity' : scheduling ? '/scheduling/upgrade' : '/scheduling';
    const fixValue = upgrade ? 0 : scheduling ? { minimumHealthCapacity: 0.5, maximumOverCapacity: 0 } : { upgrade: { minimumHealthCapacity: 0.5, maximumOverCapacity: 0 } };
    ctx.report({
      pointer: upgrade && 'maximumOverCapacity' in upgrade ? joinPointer('/scheduling/upgrade', 'maximumOverCapacity') : '/volumes',
      ...(upgrade?.maximumOverCapacity == null ? { missing: ['/scheduling/upgrade/maximumOverCapacity', '/scheduling/upgrade', '/scheduling'] } : {}),
      message:
        `Marathon rejects the pod: "got ${scalaDouble(v)}, expected 0.0" (path /scheduling/upgrade/maximumOverCapacity). ` +
        (upgrade?.maximumOverCapacity == null ? 'Without it the upgrade strategy defaults to 1.0. ' : '') +
        'A persistent volume is used by one instance at a time, so a new instance cannot start before the old one stops. Set maximumOverCapacity to 0.',
      fix: { title: 'Set maximumOverCapacity to 0', edits: [{ op: upgrade && 'maximumOverCapacity' in upgrade ? 'replace' : 'add', pointer: fixPointer, value: fixValue }] },
    });
  },
};
