import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { quoted } from '../../model/quoted';

export const appCmdLength: Rule = {
  id: 'app-cmd-length',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.5' },
  summary: '`cmd` must be longer than one character.',
  marathonMessage: 'must not be an empty string',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      if (typeof ref.app.cmd !== 'string' || ref.app.cmd.length !== 1) continue;
      ctx.report({
        pointer: joinPointer(ref.pointer, 'cmd'),
        message:
          `Marathon rejects \`cmd\` ${quoted(ref.app.cmd)}: "must not be an empty string" (its check is \`length > 1\`, so a single ` +
          `character is refused too). Write the full command, e.g. "sleep 1000".`,
      });
    }
  },
};
