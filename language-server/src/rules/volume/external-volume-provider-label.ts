import { joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { externalVolumesOf } from '../../model/volume/externalVolumes';
import { labelRegex, labelRegexMessage } from '../../model/volume/labelPatterns';
import { quoted } from '../../model/quoted';

export const externalVolumeProviderLabel: Rule = {
  id: 'external-volume-provider-label',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'An external volume provider is a label: lower-case letters, digits and inner hyphens.',
  marathonMessage: labelRegexMessage,
  check(ctx) {
    for (const v of externalVolumesOf(ctx)) {
      const p = v.external.provider;
      if (typeof p !== 'string' || labelRegex.test(p)) continue;
      ctx.report({
        pointer: joinPointer(v.externalPointer, 'provider'),
        message: `Marathon rejects external/provider with "${labelRegexMessage}": ${quoted(p)} is not a label. Use "dvdi".`,
      });
    }
  },
};
