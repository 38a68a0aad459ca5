import type { Rule } from '../rule';
import { joinPointer } from '../../core/documentModel';
import { hasPersistentVolumes } from './residency';

const text = 'AppDefinition must contain persistent volumes and define residency';

export const residencyRequiresPv: Rule = {
  id: 'residency-requires-pv',
  severity: 'error',
  kinds: ['app', 'group'],
  // 1.6 made `residency` a deprecated no-op; any 1.5.x patch still checks it.
  versions: { max: '1.5.999' },
  summary: '`residency` is only allowed together with persistent volumes (Marathon 1.5 and older).',
  marathonMessage: text,
  fixable: true,
  check(ctx) {
    for (const ref of ctx.apps) {
      if (ref.app.residency == null || ref.app.residency === null || hasPersistentVolumes(ref.app)) continue;
      const pointer = joinPointer(ref.pointer, 'residency');
      ctx.report({
        pointer,
        target: 'key',
        message:
          `Marathon rejects the app: "${text}". \`residency\` configures how Marathon waits for tasks pinned to persistent volumes, ` +
          'and this app has none. Remove `residency` (Marathon 1.6 and later ignore it anyway).',
        fix: { title: 'Remove residency', edits: [{ op: 'remove', pointer }] },
      });
    }
  },
};
