import { joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { residencyOnlyNote, residentBy } from '../../model/volume/appVolumes';

const marathonMessage = 'A resident app must have `acceptedResourceRoles = ["*"]`.';

export const residentAcceptedRoles: Rule = {
  id: 'resident-accepted-roles',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.4' },
  summary: 'An app with persistent volumes (or one declaring `residency`) accepts only unreserved resources: acceptedResourceRoles is ["*"] if given.',
  marathonMessage,
  fixable: true,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const appRef = ctx.apps[ai];
      const roles = appRef.app.acceptedResourceRoles;
      // acceptedResourceRoles is a Set in Marathon (uniqueItems): ["*", "*"] reads as ["*"].
      if (!Array.isArray(roles) || (roles.length > 0 && roles.every((r) => r === '*'))) continue;
      const resident = residentBy(appRef);
      if (resident === undefined) continue;
      const pointer = joinPointer(appRef.pointer, 'acceptedResourceRoles');
      ctx.report({
        pointer,
        message:
          resident === 'volumes'
            ? `Marathon rejects the app with "${marathonMessage}": Marathon reserves the resources of a resident task itself, starting from unreserved ("*") offers. ` +
              'Set "acceptedResourceRoles" to ["*"], or remove it.'
            : `Marathon rejects the app with "${marathonMessage}": ${residencyOnlyNote}, or set "acceptedResourceRoles" to ["*"].`,
        fix: { title: 'Set acceptedResourceRoles to ["*"]', edits: [{ op: 'replace', pointer, value: ['*'] }] },
      });
    }
  },
};
