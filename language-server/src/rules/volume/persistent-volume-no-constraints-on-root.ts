import { joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { persistentVolumesOf } from '../../model/volume/persistentVolumes';

export const persistentVolumeNoConstraintsOnRoot: Rule = {
  id: 'persistent-volume-no-constraints-on-root',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.4' },
  summary: 'persistent.constraints need a path or mount disk ("type": "path" or "mount").',
  marathonMessage: 'Constraints on root volumes are not supported',
  check(ctx) {
    for (const v of persistentVolumesOf(ctx)) {
      const { constraints, type } = v.persistent;
      if (!Array.isArray(constraints) || constraints.length === 0) continue;
      if (type !== undefined && type !== 'root') continue;
      ctx.report({
        pointer: joinPointer(v.persistentPointer, 'constraints'),
        target: 'key',
        ...(type === undefined ? { missing: joinPointer(v.persistentPointer, 'type') } : {}),
        message:
          'Marathon rejects persistent/constraints with "Constraints on root volumes are not supported": a root volume is carved from the agent\'s root disk, which has no path to match. ' +
          'Set "type" to "path" or "mount", or remove the constraints.',
      });
    }
  },
};
