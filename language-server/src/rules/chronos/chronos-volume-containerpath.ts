import type { Rule } from '../../core/rule';
import { chronosVolumesOf } from '../../model/chronos/chronosVolumes';

export const chronosVolumeContainerpath: Rule = {
  id: 'chronos-volume-containerpath',
  severity: 'error',
  kinds: ['chronos-job'],
  summary: 'Every Chronos container volume has a containerPath.',
  check(ctx) {
    for (const { pointer, volume } of chronosVolumesOf(ctx)) {
      if (typeof volume.containerPath === 'string' && volume.containerPath !== '') continue;
      ctx.report({
        pointer: volume.containerPath === undefined ? pointer : `${pointer}/containerPath`,
        target: volume.containerPath === undefined ? 'key' : 'value',
        message: 'The volume has no "containerPath": Chronos reads it without checking and fails with a NullPointerException (HTTP 500). Add the path inside the container, e.g. "/data".',
      });
    }
  },
};
