import { editDistance } from '../../model/nearest';
import { joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { externalVolumesOf, optionsOf } from '../../model/volume/externalVolumes';
import { optionKeyRegex, optionKeyRegexMessage } from '../../model/volume/labelPatterns';
import { misspeltOptionKey } from '../../model/volume/optionMisspelling';
import { quoted } from '../../model/quoted';

export const externalVolumeOptionKey: Rule = {
  id: 'external-volume-option-key',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'Every external volume option key is namespaced: "<provider>/<name>", e.g. "dvdi/driver".',
  marathonMessage: optionKeyRegexMessage,
  fixable: true,
  check(ctx) {
    for (const v of externalVolumesOf(ctx)) {
      const options = optionsOf(v);
      if (!options) continue;
      for (const key in options) {
        if (optionKeyRegex.test(key)) continue;
        const value = options[key];
        const pointer = joinPointer(v.externalPointer, 'options', key);
        const namespaced = `dvdi/${key}`;
        const canPrefix = !key.includes('/') && optionKeyRegex.test(namespaced) && !(namespaced in options);
        // "dvdi//driver", "dvdi/drvier", or "driver" without its prefix: the driver option misspelt explains
        // "dvdi/driver" missing too (one mistake, one finding: core/overlap.ts folds dvdi-driver-required into it).
        const driverTypo = !('dvdi/driver' in options) && (editDistance(key, 'dvdi/driver') <= 2 || (!key.includes('/') && misspeltOptionKey(key, ['driver']) !== undefined));
        ctx.report({
          pointer,
          target: 'key',
          ...(driverTypo ? { misspelling: 'dvdi/driver' } : {}),
          message:
            `Marathon rejects external/options/keys with "${optionKeyRegexMessage}": ${quoted(key)} is not "<provider>/<name>"; Marathon only forwards "dvdi/*" options to the driver. ` +
            (canPrefix ? `Write ${quoted(namespaced)}.` : 'Prefix the key with "dvdi/" and keep to letters, digits, "-", ".", "_" and ":".'),
          fix: canPrefix
            ? { title: `Rename option to ${namespaced}`, edits: [{ op: 'remove', pointer }, { op: 'add', pointer: joinPointer(v.externalPointer, 'options', namespaced), value }] }
            : undefined,
        });
      }
    }
  },
};
