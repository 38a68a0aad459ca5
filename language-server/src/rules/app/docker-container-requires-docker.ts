import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { containerOf, containerizerOf } from '../../model/app/containerizer';

export const dockerContainerRequiresDocker: Rule = {
  id: 'docker-container-requires-docker',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'A DOCKER container (the default `type`) has a `docker` object with the image.',
  marathonMessage: 'not defined',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const container = containerOf(ref.app);
      if (!container || containerizerOf(ref.app) !== 'DOCKER' || container.docker != null) continue;
      const text = ctx.atLeast('1.5') ? 'not defined' : 'docker must not be empty';
      ctx.report({
        pointer: joinPointer(ref.pointer, 'container'),
        missing: container.type == null ? ['docker', 'type'] : 'docker',
        message:
          `Marathon rejects the app: "${text}" (path /container/docker). ` +
          (container.type == null ? 'A `container` without `type` is a DOCKER container, and it needs ' : 'A DOCKER container needs ') +
          '`docker.image`. Add "docker": {"image": "…"}, or set "type": "MESOS" if the container only carries volumes.',
      });
    }
  },
};
