import { joinPointer } from '../../model/documentModel';
import type { Rule, RuleContext } from '../../core/rule';
import { externalVolumesOf } from '../../model/volume/externalVolumes';
import { asLabel, labelRegex, labelRegexMessage } from '../../model/volume/labelPatterns';
import { quoted } from '../../model/quoted';

/** The check was dropped in 1.8.230 and, on the 1.9 line, in 1.9.100 (MARATHON-8697). */
function nameIsLabel(ctx: RuleContext): boolean {
  return !ctx.atLeast('1.8.230') || (ctx.atLeast('1.9') && !ctx.atLeast('1.9.100'));
}

export const externalVolumeNameLabelPre18: Rule = {
  id: 'external-volume-name-label-pre-1.8',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { max: '1.9.99' },
  summary: 'Before Marathon 1.8.230 / 1.9.100, an external volume name must be a label (lower-case letters, digits, inner hyphens).',
  marathonMessage: labelRegexMessage,
  check(ctx) {
    if (!nameIsLabel(ctx)) return;
    for (const v of externalVolumesOf(ctx)) {
      const name = v.external.name;
      if (typeof name !== 'string' || name === '' || labelRegex.test(name)) continue;
      const suggestion = asLabel(name);
      ctx.report({
        pointer: joinPointer(v.externalPointer, 'name'),
        message:
          `Marathon rejects external/name with "${labelRegexMessage}": Marathon ${ctx.profile.marathonVersion} only accepts names made of lower-case letters, digits and inner hyphens ` +
          '(no dots, "_", "=", "," or upper case; relaxed in 1.8.230 and 1.9.100). ' +
          (suggestion ? `Rename the volume, e.g. ${quoted(suggestion)}, or upgrade Marathon.` : 'Rename the volume or upgrade Marathon.'),
      });
    }
  },
};
