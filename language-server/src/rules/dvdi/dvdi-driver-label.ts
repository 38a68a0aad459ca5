import type { Rule } from '../../core/rule';
import { driverOf, dvdiVolumesOf, optionPointer } from '../../model/volume/externalVolumes';
import { knownDrivers } from '../../model/drivers/index';
import { asLabel, labelRegex, labelRegexMessage } from '../../model/volume/labelPatterns';
import { quoted } from '../../model/quoted';

/** A known driver the value spells differently ("Rex_Ray", "rex.ray" → rexray), else the label made of it, if any. */
function suggestion(driver: string): string {
  const label = asLabel(driver);
  if (label === undefined) return "Write the plugin's name in lower-case letters, digits and inner hyphens.";
  const bare = label.replace(/-/g, '');
  const known = knownDrivers.find((d) => d.name.replace(/-/g, '') === bare)?.name;
  return known !== undefined ? `Did you mean ${quoted(known)}?` : `Write it in lower-case letters, digits and inner hyphens, e.g. ${quoted(label)}.`;
}

export const dvdiDriverLabel: Rule = {
  id: 'dvdi-driver-label',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'The dvdi/driver value is a label: lower-case letters, digits and inner hyphens (rexray, pxd; not RexRay or rexray/ebs).',
  marathonMessage: labelRegexMessage,
  check(ctx) {
    for (const v of dvdiVolumesOf(ctx)) {
      const driver = driverOf(v);
      if (driver === undefined || labelRegex.test(driver)) continue;
      const managed = driver.includes('/');
      ctx.report({
        pointer: optionPointer(v, 'dvdi/driver'),
        message:
          `Marathon rejects external/options("dvdi/driver") with "${labelRegexMessage}": ${quoted(driver)} is not a plugin name Marathon accepts. ` +
          (managed
            ? 'Names with "/" are Docker managed (v2) plugins, which dvdcli cannot reach either; run the legacy plugin (e.g. REX-Ray serving rexray.sock) and write "rexray".'
            : suggestion(driver)),
      });
    }
  },
};
