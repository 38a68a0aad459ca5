import type { Rule } from '../../core/rule';
import { isObject } from '../../model/documentModel';
import { podVolumes } from '../../model/pod/podParts';
import { duplicateNames } from '../../model/pod/uniqueNames';
import { quoted } from '../../model/quoted';

export const podVolumeNamesUnique: Rule = {
  id: 'pod-volume-names-unique',
  severity: 'error',
  kinds: ['pod'],
  summary: 'The volumes of a pod have distinct names.',
  marathonMessage: 'volume names must be unique',
  check(ctx) {
    if (!isObject(ctx.root)) return;
    for (const d of duplicateNames(podVolumes(ctx.root))) {
      ctx.report({ pointer: d.pointer, message: `Marathon rejects the pod: "volume names must be unique". ${quoted(d.name)} is declared twice, so a volumeMount naming it would be ambiguous. Rename one.` });
    }
  },
};
