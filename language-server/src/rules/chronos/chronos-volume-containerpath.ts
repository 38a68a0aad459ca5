import type { Rule } from '../../core/rule';
import { chronosVolumesOf } from '../../model/chronos/chronosVolumes';

export const chronosVolumeContainerpath: Rule = {
  id: 'chronos-volume-containerpath',
  severity: 'error',
  kinds: ['chronos-job'],
  summary: 'Every Chronos container volume has a containerPath.',
  check(ctx) {
    for (const { pointer, volume } of chronosVolumesOf(ctx)) {
      if (volume.containerPath !== undefined && volume.containerPath !== '') continue; // another type: the schema says so
      ctx.report({
        pointer: volume.containerPath === undefined ? pointer : `${pointer}/containerPath`,
        target: volume.containerPath === undefined ? 'key' : 'value',
        ...(volume.containerPath === undefined ? { missing: 'containerPath' } : {}),
        message: 'The volume has no "containerPath": Chronos reads it without checking and fails with a NullPointerException (HTTP 500). Add the path inside the container, e.g. "/data".',
      });
    }
  },
};
