import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { scalaDouble } from '../../model/scalaNumber';
import { hasPersistentPodVolume } from '../../model/pod/podParts';

export const podUpgradeResident: Rule = {
  id: 'pod-upgrade-resident',
  severity: 'error',
  kinds: ['pod'],
  summary: 'A pod with persistent volumes that gives scheduling.upgrade sets its maximumOverCapacity to 0.',
  marathonMessage: 'got <v>, expected 0.0',
  fixable: true,
  check(ctx) {
    const pod = ctx.root;
    if (!isObject(pod) || !hasPersistentPodVolume(pod)) return;
    const scheduling = isObject(pod.scheduling) ? pod.scheduling : undefined;
    // Without scheduling.upgrade, PodNormalization.normalizeScheduling (Marathon 1.6+, where pods got persistent
    // volumes) fills in UpgradeStrategy.forResidentTasks {0.5, 0}: accepted. A given upgrade object keeps the RAML
    // default 1 for a missing maximumOverCapacity (types/pod.raml PodUpgradeStrategy), which validForResidentTasks refuses.
    const upgrade = scheduling && isObject(scheduling.upgrade) ? scheduling.upgrade : undefined;
    if (!upgrade) return;
    const given = 'maximumOverCapacity' in upgrade;
    const v = upgrade.maximumOverCapacity ?? 1;
    if (typeof v !== 'number' || v === 0) return;
    const pointer = joinPointer('/scheduling/upgrade', 'maximumOverCapacity');
    ctx.report({
      pointer: given ? pointer : '/scheduling/upgrade',
      ...(given ? {} : { missing: 'maximumOverCapacity' }),
      message:
        `Marathon rejects the pod: "got ${scalaDouble(v)}, expected 0.0" (path /scheduling/upgrade/maximumOverCapacity). ` +
        (given ? '' : 'Left out of a given upgrade strategy it defaults to 1.0. ') +
        'A persistent volume is used by one instance at a time, so a new instance cannot start before the old one stops. ' +
        'Set maximumOverCapacity to 0, or leave scheduling.upgrade out for Marathon\'s resident default {0.5, 0}.',
      fix: { title: 'Set maximumOverCapacity to 0', edits: [{ op: given ? 'replace' : 'add', pointer, value: 0 }] },
    });
  },
};
