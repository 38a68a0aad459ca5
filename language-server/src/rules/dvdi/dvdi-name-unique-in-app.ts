import { joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { isShared, nameOf } from '../../model/volume/externalVolumes';
import { appLabel, dvdiAppsOf } from '../../model/dvdi/dvdiApps';

export const dvdiNameUniqueInApp: Rule = {
  id: 'dvdi-name-unique-in-app',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'No dvdi volume name is declared twice in one app (shared volumes excepted from 1.8.222 / 1.9.64).',
  marathonMessage: "Requested DVDI volume '<name>' is declared more than once within app <appId>",
  check(ctx) {
    for (const { appRef, volumes } of dvdiAppsOf(ctx)) {
      const seen = new Set<string>();
      for (const v of volumes) {
        const name = nameOf(v);
        if (name === undefined || isShared(ctx, v)) continue;
        if (!seen.has(name)) {
          seen.add(name);
          continue;
        }
        ctx.report({
          pointer: joinPointer(v.externalPointer, 'name'),
          message:
            `Marathon rejects the app with "Requested DVDI volume '${name}' is declared more than once within app ${appLabel(appRef)}": a volume can be attached to a task only once. ` +
            'Remove the duplicate mount, or give the second volume its own name.',
        });
      }
    }
  },
};
