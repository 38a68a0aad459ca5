import { joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { externalVolumesOf } from '../../model/volume/externalVolumes';

const marathonMessage = 'hostPath may not be set with persistent';

export const externalVolumeNoHostpath: Rule = {
  id: 'external-volume-no-hostpath',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { max: '1.4.9999' },
  summary: 'Before Marathon 1.5, an external volume must not also carry hostPath.',
  marathonMessage,
  fixable: true,
  check(ctx) {
    for (const v of externalVolumesOf(ctx)) {
      if (v.volume.hostPath === undefined) continue;
      const pointer = joinPointer(v.pointer, 'hostPath');
      ctx.report({
        pointer,
        target: 'key',
        message:
          `Marathon rejects the volume with "${marathonMessage}" (sic): Marathon 1.1 – 1.4 refuses a volume that is both external and a host volume (1.5+ silently ignores hostPath). ` +
          'Remove "hostPath"; the external volume is mounted by its driver, not from a host directory.',
        fix: { title: 'Remove hostPath', edits: [{ op: 'remove', pointer }] },
      });
    }
  },
};
