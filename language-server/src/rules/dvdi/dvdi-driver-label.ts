import type { Rule } from '../../core/rule';
import { driverOf, dvdiVolumesOf, optionPointer } from '../../model/volume/externalVolumes';
import { labelRegex, labelRegexMessage } from '../../model/volume/labelPatterns';

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
          `Marathon rejects external/options("dvdi/driver") with "${labelRegexMessage}": ${JSON.stringify(driver)} is not a plugin name Marathon accepts. ` +
          (managed
            ? 'Names with "/" are Docker managed (v2) plugins, which dvdcli cannot reach either; run the legacy plugin (e.g. REX-Ray serving rexray.sock) and write "rexray".'
            : `Write it in lower case, e.g. ${JSON.stringify(driver.toLowerCase())}.`),
      });
    }
  },
};
