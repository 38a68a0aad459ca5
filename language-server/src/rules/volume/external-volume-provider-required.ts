import type { Rule } from '../../core/rule';
import { externalVolumesOf } from '../../model/volume/externalVolumes';

export const externalVolumeProviderRequired: Rule = {
  id: 'external-volume-provider-required',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.5' },
  summary: 'An external volume names its provider.',
  marathonMessage: 'not defined',
  fixable: true,
  check(ctx) {
    for (const v of externalVolumesOf(ctx)) {
      if (v.external.provider !== undefined) continue;
      ctx.report({
        pointer: v.externalPointer,
        target: 'key',
        missing: 'provider',
        message: 'Marathon rejects external/provider with "not defined": Marathon picks the volume plugin by provider, and the only one it has is "dvdi". Add "provider": "dvdi".',
        fix: { title: 'Add provider "dvdi"', edits: [{ op: 'add', pointer: v.externalPointer + '/provider', value: 'dvdi' }] },
      });
    }
  },
};
