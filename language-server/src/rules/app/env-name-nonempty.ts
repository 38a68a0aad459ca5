import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';

export const envNameNonEmpty: Rule = {
  id: 'env-name-nonempty',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'Environment variable names are not empty.',
  marathonMessage: 'must not be empty',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      if (!isObject(ref.app.env) || !('' in ref.app.env)) continue;
      ctx.report({
        pointer: joinPointer(ref.pointer, 'env', ''),
        target: 'key',
        message: 'Marathon rejects the app: "must not be empty" (path /env). A variable needs a name to be set in the task. Give it a name or remove the entry.',
      });
    }
  },
};
