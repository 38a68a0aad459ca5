import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { containerizerOf, dockerOf } from '../../model/app/containerizer';

const fields = ['network', 'parameters', 'portMappings'] as const;
const oldNames: Record<(typeof fields)[number], string> = { network: 'network', parameters: 'parameters', portMappings: 'port mappings' };

export const mesosDockerUnsupportedField: Rule = {
  id: 'mesos-docker-unsupported-field',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'A MESOS container\'s `docker` object only carries the image: no network, parameters or portMappings.',
  marathonMessage: 'must be empty',
  fixable: true,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const docker = dockerOf(ref.app);
      if (!docker || containerizerOf(ref.app) !== 'MESOS') continue;
      for (const field of fields) {
        const v = docker[field];
        if (v == null || (Array.isArray(v) && v.length === 0)) continue;
        const pointer = joinPointer(ref.pointer, 'container', 'docker', field);
        const text = ctx.atLeast('1.5') ? 'must be empty' : `Mesos Containerizer does not support ${oldNames[field]}`;
        ctx.report({
          pointer,
          target: 'key',
          message:
            `Marathon rejects the app: "${text}" (path /container/docker/${field}). docker.${field} is a Docker-daemon option and ` +
            `the Mesos containerizer only uses docker.image. ` +
            (field === 'parameters' ? 'Remove it, or use container.type "DOCKER".' : 'Use `networks` / `container.portMappings` instead.'),
          fix: field === 'parameters' ? undefined : { title: `Remove docker.${field}`, edits: [{ op: 'remove', pointer }] },
        });
      }
    }
  },
};
