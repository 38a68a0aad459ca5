import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { containerizerOf } from '../../model/app/containerizer';

const text = "AppDefinition must not use 'checks' if using docker";

export const checkDocker: Rule = {
  id: 'check-docker',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.8' },
  summary: 'Mesos checks (`check`) are not available in the Docker containerizer.',
  marathonMessage: text,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      if (ref.app.check == null || containerizerOf(ref.app) !== 'DOCKER') continue;
      ctx.report({
        pointer: joinPointer(ref.pointer, 'check'),
        ...(isObject(ref.app.container) && ref.app.container.type == null ? { missing: joinPointer(ref.pointer, 'container', 'type') } : {}),
        target: 'key',
        message: `Marathon rejects the app: "${text}". Mesos runs \`check\` inside the task, which the Docker containerizer does not support (a \`container\` without \`type\` is DOCKER). Use container.type "MESOS", or a health check instead.`,
      });
    }
  },
};
