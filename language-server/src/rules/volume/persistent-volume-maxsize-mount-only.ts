import { joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { persistentVolumesOf } from '../../model/volume/persistentVolumes';

export const persistentVolumeMaxsizeMountOnly: Rule = {
  id: 'persistent-volume-maxsize-mount-only',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.4' },
  summary: 'persistent.maxSize needs an explicit "type": "mount".',
  marathonMessage: 'Only mount volumes can have maxSize',
  check(ctx) {
    for (const v of persistentVolumesOf(ctx)) {
      // Marathon checks the type as written, so a profileName that implies "mount" is not enough.
      if (v.persistent.maxSize === undefined || v.persistent.type === 'mount') continue;
      ctx.report({
        pointer: joinPointer(v.persistentPointer, 'maxSize'),
        ...(v.persistent.type === undefined ? { missing: joinPointer(v.persistentPointer, 'type') } : {}),
        target: 'key',
        message:
          'Marathon rejects persistent/maxSize with "Only mount volumes can have maxSize": only a whole mount disk can be larger than the requested size. ' +
          'Add "type": "mount" (and run on agents with mount disks), or remove "maxSize".',
      });
    }
  },
};
