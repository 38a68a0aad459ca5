import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { quoted } from '../../model/quoted';

export const appIdNotRoot: Rule = {
  id: 'app-id-not-root',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'An app id must name something below the root group, not "/" itself.',
  marathonMessage: 'Path must contain at least one path element',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      if (typeof ref.app.id !== 'string' || ref.absoluteId !== '/' || ref.app.id === '') continue;
      ctx.report({
        pointer: joinPointer(ref.pointer, 'id'),
        message:
          `Marathon rejects the id ${quoted(ref.app.id)}: "Path must contain at least one path element" / "must not be root". ` +
          `It resolves to the root group "/", which cannot be an app. Give the app a name, e.g. "/my-app".`,
      });
    }
  },
};
