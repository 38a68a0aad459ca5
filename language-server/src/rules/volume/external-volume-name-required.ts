import { joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { externalVolumesOf } from '../../model/volume/externalVolumes';

export const externalVolumeNameRequired: Rule = {
  id: 'external-volume-name-required',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'An external volume has a non-empty name.',
  marathonMessage: 'must not be empty',
  check(ctx) {
    for (const v of externalVolumesOf(ctx)) {
      const name = v.external.name;
      // Before 1.5 a missing name is a JSON error (external-volume-json-shape).
      if (name === '' || (name === undefined && ctx.atLeast('1.5'))) {
        ctx.report({
          pointer: name === undefined ? v.externalPointer : joinPointer(v.externalPointer, 'name'),
          target: name === undefined ? 'key' : 'value',
          ...(name === undefined ? { missing: 'name' } : {}),
          message: 'Marathon rejects external/name with "must not be empty": the name is what the driver looks up or creates on the storage system. Set "name", e.g. "pg-data".',
        });
      }
    }
  },
};
