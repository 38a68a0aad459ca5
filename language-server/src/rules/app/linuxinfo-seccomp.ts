import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { containerOf } from '../../model/app/containerizer';

export const linuxInfoSeccomp: Rule = {
  id: 'linuxinfo-seccomp',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.8' },
  summary: 'linuxInfo.seccomp: `unconfined` is true exactly when no `profileName` is given.',
  marathonMessage: 'Seccomp unconfined can NOT be true when Profile is defined',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const info = containerOf(ref.app)?.linuxInfo;
      if (!isObject(info) || !isObject(info.seccomp)) continue;
      const hasProfile = typeof info.seccomp.profileName === 'string';
      const unconfined = info.seccomp.unconfined === true;
      if (hasProfile !== unconfined) continue;
      ctx.report({
        pointer: joinPointer(ref.pointer, 'container', 'linuxInfo', 'seccomp'),
        missing: ['profileName', 'unconfined'],
        message: hasProfile
          ? 'Marathon rejects the app: "Seccomp unconfined can NOT be true when Profile is defined". A task either runs under the named profile or unconfined. Remove `unconfined` or `profileName`.'
          : 'Marathon rejects the app: "Seccomp unconfined must be true when Profile is NOT defined". Without `profileName` there is no profile to apply. Add `profileName`, or set `unconfined: true`.',
      });
    }
  },
};
