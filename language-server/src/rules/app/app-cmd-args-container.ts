import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { hasImage } from '../../model/app/containerizer';
import { nearestName } from '../../model/nearest';

const runFields = ['cmd', 'args', 'container'];

/**
 * A misspelt `cmd`, `args` or `container` ("contianer") is one mistake: unknown-property reports it with a
 * rename fix, so "nothing to run" is not reported on top of it.
 */
function misspeltRunField(app: Record<string, unknown>): boolean {
  for (const key in app) if (!runFields.includes(key) && nearestName(key, runFields) !== undefined) return true;
  return false;
}

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
      // Present counts, whatever the type: a value of the wrong type is the schema's finding, not "nothing to run".
      const hasCmd = ref.app.cmd != null;
      const hasArgs = ref.app.args != null && !(Array.isArray(ref.app.args) && ref.app.args.length === 0);
      if (hasCmd && hasArgs) {
        ctx.report({
          pointer: joinPointer(ref.pointer, 'args'),
          target: 'key',
          message:
            `Marathon rejects the app: "${text}" It has both \`cmd\` and \`args\`: \`cmd\` runs through a shell, \`args\` runs the ` +
            `image's entrypoint (or the first arg) directly, and Marathon will not guess which you meant. Keep one of them.`,
        });
      } else if (!hasCmd && !hasArgs && !hasImage(ref.app) && !misspeltRunField(ref.app)) {
        // Land on what is missing or wrong: the container that has no image, else the missing `cmd`.
        const container = ref.app.container;
        if (isObject(container)) {
          // A missing image is the place; an empty one is already the JSON layer's error.minLength, so name the docker object.
          const docker = isObject(container.docker) ? container.docker : undefined;
          const at = !docker ? ['container'] : docker.image === undefined ? ['container', 'docker', 'image'] : ['container', 'docker'];
          ctx.report({
            pointer: joinPointer(ref.pointer, ...at),
            target: 'key',
            // A misspelt "docker" (or "image") is the cause: that finding carries this one (core/overlap.ts).
            missing: [joinPointer(ref.pointer, 'container', 'docker'), joinPointer(ref.pointer, 'container', 'docker', 'image'), joinPointer(ref.pointer, 'container', 'appc')],
            message:
              `Marathon rejects the app: "${text}" It has no \`cmd\` and no \`args\`, and its container has no image to run. ` +
              `Add \`container.docker.image\` (e.g. "nginx:1.25"), or a \`cmd\` (e.g. "sleep 1000").`,
          });
        } else {
          ctx.report({
            pointer: joinPointer(ref.pointer, 'cmd'),
            message:
              `Marathon rejects the app: "${text}" There is nothing to run: no \`cmd\`, no \`args\` and no container image. ` +
              `Add a \`cmd\` (e.g. "sleep 1000") or a \`container\` with \`docker.image\`.`,
          });
        }
      }
    }
  },
};
