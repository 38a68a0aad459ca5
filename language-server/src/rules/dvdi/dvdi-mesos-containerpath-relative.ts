import { joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { containerizerOf } from '../../model/app/containerizer';
import { dvdiVolumesOf } from '../../model/volume/externalVolumes';
import { quoted } from '../../model/quoted';

const marathonMessage = "must fully match regular expression '^[^/]*$'";

export const dvdiMesosContainerpathRelative: Rule = {
  id: 'dvdi-mesos-containerpath-relative',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.3', max: '1.4.9999' },
  summary: 'Marathon 1.3 – 1.4: on the Mesos containerizer, a dvdi volume containerPath is one relative path segment.',
  marathonMessage,
  check(ctx) {
    for (const v of dvdiVolumesOf(ctx)) {
      if (containerizerOf(v.appRef.app) !== 'MESOS') continue;
      const cp = v.volume.containerPath;
      if (typeof cp !== 'string' || !cp.includes('/')) continue;
      const last = cp.split('/').filter(Boolean).pop();
      ctx.report({
        pointer: joinPointer(v.pointer, 'containerPath'),
        message:
          `Marathon rejects containerPath with "${marathonMessage}": Marathon 1.3 – 1.4 mounts Mesos-containerizer external volumes inside the sandbox and accepts a single directory name only (relaxed in 1.5). ` +
          (last ? `Use ${quoted(last)} and point the task at $MESOS_SANDBOX/${last}.` : 'Use a single directory name.'),
      });
    }
  },
};
