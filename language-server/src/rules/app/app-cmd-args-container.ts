import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { hasImage } from '../../model/app/containerizer';

const text = "AppDefinition must either contain one of 'cmd' or 'args', and/or a 'container'.";

export const appCmdArgsContainer: Rule = {
  id: 'app-cmd-args-container',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'An app has exactly one of `cmd` and `args`, or neither but a container image to run.',
  marathonMessage: text,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const hasCmd = typeof ref.app.cmd === 'string';
      const hasArgs = Array.isArray(ref.app.args) && ref.app.args.length > 0;
      if (hasCmd && hasArgs) {
        ctx.report({
          pointer: joinPointer(ref.pointer, 'args'),
          target: 'key',
          message:
            `Marathon rejects the app: "${text}" It has both \`cmd\` and \`args\`: \`cmd\` runs through a shell, \`args\` runs the ` +
            `image's entrypoint (or the first arg) directly, and Marathon will not guess which you meant. Keep one of them.`,
        });
      } else if (!hasCmd && !hasArgs && !hasImage(ref.app)) {
        ctx.report({
          pointer: ref.pointer,
          message:
            `Marathon rejects the app: "${text}" There is nothing to run: no \`cmd\`, no \`args\` and no container image. ` +
            `Add a \`cmd\` (e.g. "sleep 1000") or a \`container\` with \`docker.image\`.`,
        });
      }
    }
  },
};
