import { joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { persistentVolumesOf } from '../../model/volume/persistentVolumes';

export const persistentVolumeModeRw: Rule = {
  id: 'persistent-volume-mode-rw',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'A persistent volume is mounted read-write (mode RW).',
  marathonMessage: 'does not equal RW',
  fixable: true,
  check(ctx) {
    for (const v of persistentVolumesOf(ctx)) {
      const mode = v.volume.mode;
      if (typeof mode !== 'string' || mode.toUpperCase() === 'RW') continue;
      const pointer = joinPointer(v.pointer, 'mode');
      ctx.report({
        pointer,
        message: 'Marathon rejects mode with "does not equal RW": Marathon creates persistent volumes for the task to write to and only accepts RW. Set "mode" to "RW".',
        fix: { title: 'Set mode to RW', edits: [{ op: 'replace', pointer, value: 'RW' }] },
      });
    }
  },
};
