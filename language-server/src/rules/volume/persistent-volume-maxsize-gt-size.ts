import { joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { persistentVolumesOf } from '../../model/volume/persistentVolumes';

export const persistentVolumeMaxsizeGtSize: Rule = {
  id: 'persistent-volume-maxsize-gt-size',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.4' },
  summary: 'persistent.maxSize is larger than persistent.size.',
  marathonMessage: 'Max size must be larger than size',
  check(ctx) {
    for (const v of persistentVolumesOf(ctx)) {
      const { size, maxSize } = v.persistent;
      if (typeof size !== 'number' || typeof maxSize !== 'number' || maxSize > size) continue;
      ctx.report({
        pointer: joinPointer(v.persistentPointer, 'maxSize'),
        message: `Marathon rejects persistent/maxSize with "Max size must be larger than size": ${maxSize} is not more than size ${size}, so no mount disk could match. Raise maxSize above ${size} or remove it.`,
      });
    }
  },
};
