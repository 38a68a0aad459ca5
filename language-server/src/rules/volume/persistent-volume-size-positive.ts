import { joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { persistentVolumesOf } from '../../model/volume/persistentVolumes';

export const persistentVolumeSizePositive: Rule = {
  id: 'persistent-volume-size-positive',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'A persistent volume size (MiB) is more than 0.',
  marathonMessage: 'got 0, expected more than 0',
  check(ctx) {
    for (const v of persistentVolumesOf(ctx)) {
      const size = v.persistent.size;
      if (typeof size !== 'number' || size > 0) continue;
      ctx.report({
        pointer: joinPointer(v.persistentPointer, 'size'),
        message: `Marathon rejects persistent/size with "got ${size}, expected more than 0": Marathon reserves this much disk (MiB) on the agent for the volume. Give a positive size.`,
      });
    }
  },
};
