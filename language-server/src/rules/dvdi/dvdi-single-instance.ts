import { joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { appLabel, dvdiAppsOf } from '../../model/dvdi/dvdiApps';

export const dvdiSingleInstance: Rule = {
  id: 'dvdi-single-instance',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'An app with dvdi volumes runs at most one instance (shared volumes included).',
  // Marathon interpolates the whole app object here ([$app.id]); we quote the stable prefix.
  marathonMessage: 'Number of instances is limited to 1 when declaring DVDI volumes in app [<appId>]',
  fixable: true,
  check(ctx) {
    for (const { appRef } of dvdiAppsOf(ctx)) {
      const instances = appRef.app.instances;
      if (typeof instances !== 'number' || instances <= 1) continue;
      const pointer = joinPointer(appRef.pointer, 'instances');
      ctx.report({
        pointer,
        message:
          `Marathon rejects the app with "Number of instances is limited to 1 when declaring DVDI volumes in app ${appLabel(appRef)}": an external volume can be attached to one task at a time, ` +
          `and Marathon applies this even to shared volumes and to later scale requests. Set "instances" to 1 (or 0), or split the app so that each instance has its own volume.`,
        fix: { title: 'Set instances to 1', edits: [{ op: 'replace', pointer, value: 1 }] },
      });
    }
  },
};
