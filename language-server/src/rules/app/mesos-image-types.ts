import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { containerOf, containerizerOf } from '../../model/app/containerizer';

const text = 'mesos containers should specify, at most, a single image type';

export const mesosImageTypes: Rule = {
  id: 'mesos-image-types',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.5' },
  summary: 'A MESOS container has a `docker` or an `appc` image, not both.',
  marathonMessage: text,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const container = containerOf(ref.app);
      if (!container || containerizerOf(ref.app) !== 'MESOS' || !isObject(container.docker) || !isObject(container.appc)) continue;
      ctx.report({
        pointer: joinPointer(ref.pointer, 'container'),
        message: `Marathon rejects the app: "${text}". The container has both \`docker\` and \`appc\`, and a task runs one image. Keep one of them.`,
      });
    }
  },
};
