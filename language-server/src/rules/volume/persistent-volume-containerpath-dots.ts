import { joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { persistentVolumesOf } from '../../model/volume/persistentVolumes';

export const persistentVolumeContainerpathDots: Rule = {
  id: 'persistent-volume-containerpath-dots',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'A persistent volume containerPath is not empty, "." or "..".',
  marathonMessage: 'can not be one of (.,..)',
  check(ctx) {
    for (const v of persistentVolumesOf(ctx)) {
      const cp = v.volume.containerPath;
      if (cp !== '' && cp !== '.' && cp !== '..') continue;
      ctx.report({
        pointer: joinPointer(v.pointer, 'containerPath'),
        // The house form (CONTRIBUTING.md "Adding a rule"; docs/rules/persistent-volume-containerpath-dots.md):
        // 'Marathon rejects <field> with "<Marathon's message>": why, what to do'.
        message:
          `Marathon rejects containerPath with ${cp === '' ? '"must not be empty"' : '"can not be one of (.,..)"'}: ` +
          'the volume needs a directory of its own inside the sandbox. Use a name such as "data".',
      });
    }
  },
};
