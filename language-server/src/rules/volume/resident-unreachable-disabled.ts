import { joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { residencyOnlyNote, residentBy } from '../../model/volume/appVolumes';

const marathonMessage = 'unreachableStrategy must be disabled for resident tasks';

export const residentUnreachableDisabled: Rule = {
  id: 'resident-unreachable-disabled',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.4' },
  summary: 'An app with persistent volumes (or one declaring `residency`) has unreachableStrategy "disabled" (or none).',
  marathonMessage,
  fixable: true,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const appRef = ctx.apps[ai];
      const us = appRef.app.unreachableStrategy;
      // "disabled" in any letter case: UnreachableDisabled is a RAML enum, read case-insensitively (marathon-rules.md §1.1).
      if (us === undefined || (typeof us === 'string' && us.toLowerCase() === 'disabled')) continue;
      const resident = residentBy(appRef);
      if (resident === undefined) continue;
      const pointer = joinPointer(appRef.pointer, 'unreachableStrategy');
      ctx.report({
        pointer,
        message:
          resident === 'volumes'
            ? `Marathon rejects the app with "${marathonMessage}": a task with persistent volumes cannot be replaced elsewhere, because its data stays on the unreachable agent. ` +
              'Set "unreachableStrategy" to "disabled" or remove it (that is the default for these apps).'
            : `Marathon rejects the app with "${marathonMessage}": ${residencyOnlyNote}, or set "unreachableStrategy" to "disabled".`,
        fix: { title: 'Set unreachableStrategy to "disabled"', edits: [{ op: 'replace', pointer, value: 'disabled' }] },
      });
    }
  },
};
