import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { dockerOf } from '../../model/app/containerizer';

export const dockerCredentialRemoved: Rule = {
  id: 'docker-credential-removed',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.5' },
  summary: '`container.docker.credential` is no longer supported; use `pullConfig` with a secret.',
  marathonMessage: 'must be empty',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const docker = dockerOf(ref.app);
      if (!docker || docker.credential == null) continue;
      ctx.report({
        pointer: joinPointer(ref.pointer, 'container', 'docker', 'credential'),
        target: 'key',
        message:
          'Marathon rejects the app: "must be empty" (path /container/docker/credential). Plain-text registry credentials were ' +
          'removed in 1.5. Store the Docker config.json as a secret and use "pullConfig": {"secret": "<key of secrets>"} (MESOS containers).',
      });
    }
  },
};
