import { joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { containerizerOf } from '../../model/app/containerizer';
import { dvdiVolumesOf } from '../../model/volume/externalVolumes';
import { quoted } from '../../model/quoted';

const marathonMessage = 'value must not starts with "/"';

export const dvdiDockerContainerpathAbsolute: Rule = {
  id: 'dvdi-docker-containerpath-absolute',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.3', max: '1.3.9999' },
  summary: 'Marathon 1.3: on the Docker containerizer, a dvdi volume containerPath is absolute.',
  marathonMessage,
  fixable: true,
  check(ctx) {
    for (const v of dvdiVolumesOf(ctx)) {
      if (containerizerOf(v.appRef.app) !== 'DOCKER') continue;
      const cp = v.volume.containerPath;
      if (typeof cp !== 'string' || cp === '' || cp.startsWith('/')) continue;
      const pointer = joinPointer(v.pointer, 'containerPath');
      ctx.report({
        pointer,
        message:
          `Marathon rejects containerPath with "${marathonMessage}" (sic: the message says the opposite of the check): Marathon 1.3 requires an absolute path for Docker-containerizer external volumes. ` +
          `Write ${quoted('/' + cp)}.`,
        fix: { title: `Use /${cp}`, edits: [{ op: 'replace', pointer, value: '/' + cp }] },
      });
    }
  },
};
