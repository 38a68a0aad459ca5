import { joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { containerizerOf } from '../../model/app/containerizer';
import { dvdiVolumesOf } from '../../model/volume/externalVolumes';

export const dvdiMesosModeRw: Rule = {
  id: 'dvdi-mesos-mode-rw',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'On the Mesos containerizer, a dvdi external volume is mounted read-write (mode RW).',
  marathonMessage: 'does not equal RW',
  fixable: true,
  check(ctx) {
    for (const v of dvdiVolumesOf(ctx)) {
      if (containerizerOf(v.appRef.app) !== 'MESOS') continue;
      const mode = v.volume.mode;
      if (typeof mode !== 'string' || mode.toUpperCase() !== 'RO') continue; // not RW or RO at all: the JSON layer's finding
      const pointer = joinPointer(v.pointer, 'mode');
      ctx.report({
        pointer,
        message:
          'Marathon rejects mode with "does not equal RW": Marathon only lets the Mesos containerizer mount external volumes read-write. ' +
          'Set "mode" to "RW" (use the Docker containerizer if the task really must see it read-only).',
        fix: { title: 'Set mode to RW', edits: [{ op: 'replace', pointer, value: 'RW' }] },
      });
    }
  },
};
