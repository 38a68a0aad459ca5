import type { Rule } from '../rule';
import { isObject, joinPointer } from '../../core/documentModel';
import { hasPersistentVolumes } from './residency';

const text = 'unreachableStrategy must be disabled for resident tasks';

export const residentUnreachableDisabled: Rule = {
  id: 'resident-unreachable-disabled',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.4' },
  summary: 'An app with persistent volumes (or `residency`) may only give unreachableStrategy "disabled".',
  marathonMessage: text,
  fixable: true,
  check(ctx) {
    for (const ref of ctx.apps) {
      const strategy = ref.app.unreachableStrategy;
      if (strategy == null || strategy === 'disabled') continue;
      const resident = hasPersistentVolumes(ref.app) || (ctx.atLeast('1.5') && isObject(ref.app.residency));
      if (!resident) continue;
      const pointer = joinPointer(ref.pointer, 'unreachableStrategy');
      ctx.report({
        pointer,
        message:
          `Marathon rejects the app: "${text}". Replacing an unreachable resident task elsewhere is impossible (its volume stays on ` +
          'the lost agent), so Marathon must wait for it. Set unreachableStrategy to "disabled" or remove it.',
        fix: { title: 'Set unreachableStrategy to "disabled"', edits: [{ op: 'replace', pointer, value: 'disabled' }] },
      });
    }
  },
};
