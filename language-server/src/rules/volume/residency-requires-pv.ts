import { joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { hasPersistentVolumes } from '../../model/volume/appVolumes';

const marathonMessage = 'AppDefinition must contain persistent volumes and define residency';

export const residencyRequiresPv: Rule = {
  id: 'residency-requires-pv',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { max: '1.5.9999' },
  summary: 'Marathon 1.1 – 1.5: residency only together with persistent volumes.',
  marathonMessage,
  fixable: true,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const appRef = ctx.apps[ai];
      if (appRef.app.residency === undefined || hasPersistentVolumes(appRef)) continue;
      const pointer = joinPointer(appRef.pointer, 'residency');
      ctx.report({
        pointer,
        missing: joinPointer(appRef.pointer, 'container', 'volumes'),
        target: 'key',
        message:
          `Marathon rejects the app with "${marathonMessage}": residency keeps tasks on the agent that holds their persistent volumes, and this app has none. ` +
          'Remove "residency" (from 1.6 on Marathon ignores it), or add the persistent volume it was meant for.',
        fix: { title: 'Remove residency', edits: [{ op: 'remove', pointer }] },
      });
    }
  },
};
