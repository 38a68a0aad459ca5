import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { containerizerOf, dockerOf } from '../../model/app/containerizer';

const text = 'pullConfig is not supported with Docker containerizer';

export const dockerPullConfigDocker: Rule = {
  id: 'docker-pullconfig-docker',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.5' },
  summary: '`docker.pullConfig` only works with the Mesos containerizer.',
  marathonMessage: text,
  fixable: true,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      if (dockerOf(ref.app)?.pullConfig == null || containerizerOf(ref.app) !== 'DOCKER') continue;
      const container = ref.app.container as Record<string, unknown>;
      ctx.report({
        pointer: joinPointer(ref.pointer, 'container', 'docker', 'pullConfig'),
        target: 'key',
        missing: container.type == null ? joinPointer(ref.pointer, 'container', 'type') : undefined,
        message: `Marathon rejects the app: "${text}". The Mesos fetcher reads the registry secret; the Docker daemon cannot. Set container.type to "MESOS" (it runs Docker images too), or use the agent's Docker credentials.`,
        fix: { title: 'Use the Mesos containerizer', edits: [{ op: 'type' in container ? 'replace' : 'add', pointer: joinPointer(ref.pointer, 'container', 'type'), value: 'MESOS' }] },
      });
    }
  },
};
