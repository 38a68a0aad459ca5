import { joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { externalVolumesOf } from '../../model/volume/externalVolumes';

export const externalVolumeContainerpathNonempty: Rule = {
  id: 'external-volume-containerpath-nonempty',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'An external volume needs a non-empty containerPath.',
  marathonMessage: 'must not be empty',
  check(ctx) {
    for (const v of externalVolumesOf(ctx)) {
      const cp = v.volume.containerPath;
      if (cp === undefined || cp === '') {
        ctx.report({
          pointer: cp === undefined ? v.pointer : joinPointer(v.pointer, 'containerPath'),
          target: cp === undefined ? 'key' : 'value',
          ...(cp === undefined ? { missing: 'containerPath' } : {}),
          message: 'Marathon rejects containerPath with "must not be empty": Marathon needs to know where in the task the volume is mounted. Set "containerPath", e.g. "data".',
        });
      }
    }
  },
};
