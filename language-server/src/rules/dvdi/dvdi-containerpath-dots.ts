import { joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { dvdiVolumesOf } from '../../model/volume/externalVolumes';
import { quoted } from '../../model/quoted';

export const dvdiContainerpathDots: Rule = {
  id: 'dvdi-containerpath-dots',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.3' },
  summary: 'A dvdi external volume containerPath is not "." or "..".',
  marathonMessage: 'can not be one of (.,..)',
  check(ctx) {
    for (const v of dvdiVolumesOf(ctx)) {
      const cp = v.volume.containerPath;
      if (cp !== '.' && cp !== '..') continue;
      ctx.report({
        pointer: joinPointer(v.pointer, 'containerPath'),
        message: `Marathon rejects containerPath with "can not be one of (.,..)": mounting over ${quoted(cp)} would hide the sandbox or its parent. Give the mount its own directory, e.g. "data".`,
      });
    }
  },
};
