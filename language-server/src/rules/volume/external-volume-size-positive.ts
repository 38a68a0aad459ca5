import { joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { externalVolumesOf } from '../../model/volume/externalVolumes';

export const externalVolumeSizePositive: Rule = {
  id: 'external-volume-size-positive',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'An external volume size, when given, is more than 0 GiB.',
  marathonMessage: 'got 0, expected more than 0',
  check(ctx) {
    for (const v of externalVolumesOf(ctx)) {
      const size = v.external.size;
      if (typeof size !== 'number' || size > 0) continue;
      ctx.report({
        pointer: joinPointer(v.externalPointer, 'size'),
        message: `Marathon rejects external/size with "got ${size}, expected more than 0": the size (GiB) is used when the driver creates the volume. Give a positive size, or remove "size" to use the driver's default.`,
      });
    }
  },
};
