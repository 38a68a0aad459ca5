import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { containerizerOf } from '../../model/app/containerizer';
import { networksOf } from '../../model/app/networking';

const text = 'may only specify a single container network when using the Docker container engine';

export const dockerSingleContainerNetwork: Rule = {
  id: 'docker-single-container-network',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.5' },
  summary: 'Apps in the Docker containerizer join at most one container network.',
  marathonMessage: text,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      if (containerizerOf(ref.app) !== 'DOCKER') continue;
      const networks = networksOf(ref);
      if (networks.length <= 1) continue; // the usual single network: nothing to count
      const container = networks.filter((n) => n.mode === 'container');
      if (container.length <= 1) continue;
      ctx.report({
        pointer: joinPointer(ref.pointer, 'networks'),
        ...(isObject(ref.app.container) && ref.app.container.type == null ? { missing: joinPointer(ref.pointer, 'container', 'type') } : {}),
        message: `Marathon rejects the app: "${text}". Docker attaches a container to one network at start; this app lists ${container.length}. Keep one, or use the Mesos containerizer (container.type "MESOS") for several.`,
      });
    }
  },
};
