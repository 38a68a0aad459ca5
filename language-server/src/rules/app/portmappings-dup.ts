import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { containerOf, dockerOf } from '../../model/app/containerizer';

const text = 'cannot specify both portMappings and docker.portMappings';

export const portMappingsDup: Rule = {
  id: 'portmappings-dup',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.5' },
  summary: 'Port mappings go in `container.portMappings` or the deprecated `container.docker.portMappings`, not both.',
  marathonMessage: text,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      if (containerOf(ref.app)?.portMappings == null || dockerOf(ref.app)?.portMappings == null) continue;
      ctx.report({
        pointer: joinPointer(ref.pointer, 'container', 'docker', 'portMappings'),
        target: 'key',
        message: `Marathon fails with HTTP 500: "${text}". docker.portMappings is the deprecated location of container.portMappings. Keep only \`container.portMappings\`.`,
      });
    }
  },
};
