import { joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { persistentVolumesOf } from '../../model/volume/persistentVolumes';

export const persistentVolumeProfileNonempty: Rule = {
  id: 'persistent-volume-profile-nonempty',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.8' },
  summary: 'persistent.profileName, when given, is not empty.',
  marathonMessage: 'must not be empty',
  fixable: true,
  check(ctx) {
    for (const v of persistentVolumesOf(ctx)) {
      if (v.persistent.profileName !== '') continue;
      const pointer = joinPointer(v.persistentPointer, 'profileName');
      ctx.report({
        pointer,
        message: 'Marathon rejects persistent/profileName with "must not be empty": an empty profile matches no disk. Name a disk profile of your cluster, or remove "profileName".',
        fix: { title: 'Remove profileName', edits: [{ op: 'remove', pointer }] },
      });
    }
  },
};
