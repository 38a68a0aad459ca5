import { joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { hasPersistentVolumes } from '../../model/volume/appVolumes';

const marathonMessage = 'unreachableStrategy must be disabled for resident tasks';

export const residentUnreachableDisabled: Rule = {
  id: 'resident-unreachable-disabled',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.4' },
  summary: 'An app with persistent volumes has unreachableStrategy "disabled" (or none).',
  marathonMessage,
  fixable: true,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const appRef = ctx.apps[ai];
      const us = appRef.app.unreachableStrategy;
      if (us === undefined || us === 'disabled' || !hasPersistentVolumes(appRef)) continue;
      const pointer = joinPointer(appRef.pointer, 'unreachableStrategy');
      ctx.report({
        pointer,
        message:
          `Marathon rejects the app with "${marathonMessage}": a task with persistent volumes cannot be replaced elsewhere, because its data stays on the unreachable agent. ` +
          'Set "unreachableStrategy" to "disabled" or remove it (that is the default for these apps).',
        fix: { title: 'Set unreachableStrategy to "disabled"', edits: [{ op: 'replace', pointer, value: 'disabled' }] },
      });
    }
  },
};
