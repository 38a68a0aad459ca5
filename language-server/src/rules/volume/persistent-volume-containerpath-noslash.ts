import { joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { persistentVolumesOf } from '../../model/volume/persistentVolumes';
import { quoted } from '../../model/quoted';

export const persistentVolumeContainerpathNoslash: Rule = {
  id: 'persistent-volume-containerpath-noslash',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'A persistent volume containerPath is a single relative directory name (no "/").',
  marathonMessage: 'value must not contain "/"',
  check(ctx) {
    const text = ctx.atLeast('1.3') ? 'value must not contain "/"' : "must fully match regular expression '^[^/]*$'";
    for (const v of persistentVolumesOf(ctx)) {
      const cp = v.volume.containerPath;
      if (typeof cp !== 'string' || !cp.includes('/')) continue;
      const name = cp.split('/').filter(Boolean).pop() ?? 'data';
      ctx.report({
        pointer: joinPointer(v.pointer, 'containerPath'),
        message:
          `Marathon rejects containerPath with "${text}": a persistent volume is created inside the task sandbox, so its path is one directory name. ` +
          `Use ${quoted(name)}; to see it at ${quoted(cp)}, add a host volume with "containerPath": ${quoted(cp)} and "hostPath": ${quoted(name)}.`,
      });
    }
  },
};
