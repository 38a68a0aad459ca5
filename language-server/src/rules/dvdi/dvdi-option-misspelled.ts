import type { Rule } from '../../core/rule';
import { containerizerOf } from '../../model/app/containerizer';
import { destructiveEffect, findDriver } from '../../model/drivers/index';
import { dvdiVolumesOf, driverOf, optionsOf, optionPointer } from '../../model/volume/externalVolumes';
import { optionKeyRegex } from '../../model/volume/labelPatterns';
import { isMisspeltDriverKey, misspeltOptionKey } from '../../model/volume/optionMisspelling';
import { quoted } from '../../model/quoted';

/**
 * Marathon passes every `dvdi/<k>` option but dvdi/driver to the driver as is (dvdi-bridge.md §5.3), and a driver
 * ignores an option it does not read (REX-Ray reads a fixed set of keys, lower-cased: dvdi-bridge.md §5.2). An unknown key is no
 * mistake in itself (drivers read keys our table lacks), but one a dash, a case or a letter away from a key the
 * driver reads is: the volume is created without what it asked for, and nothing says so.
 */
export const dvdiOptionMisspelled: Rule = {
  id: 'dvdi-option-misspelled',
  severity: 'warning',
  kinds: ['app', 'group'],
  fixable: true,
  summary: 'A dvdi/ option that is a misspelling of one its driver reads (dvdi/volume-type for dvdi/volumetype) or of dvdi/driver: the driver never sees what it asks for.',
  check(ctx) {
    for (const v of dvdiVolumesOf(ctx)) {
      const options = optionsOf(v);
      if (!options) continue;
      const driver = driverOf(v);
      const info = driver === undefined ? undefined : findDriver(driver);
      // On the Docker containerizer no option but dvdi/driver reaches the driver (dvdi-docker-options-driver-only).
      const forwarded = containerizerOf(v.appRef.app) !== 'DOCKER';
      for (const key in options) {
        if (!key.startsWith('dvdi/') || key === 'dvdi/driver') continue;
        // A key Marathon refuses (`dvdi/iops-`, `dvdi/driver_`) never reaches a driver: external-volume-option-key
        // reports it, with Marathon's message (marathon-rules.md §6.1); a second finding here would say it is passed on.
        if (!optionKeyRegex.test(key)) continue;
        const k = key.slice('dvdi/'.length);
        const pointer = optionPointer(v, key);
        if (isMisspeltDriverKey(options, key)) {
          // On Docker, dvdi-docker-options-driver-only leaves this key to this finding, which says what it would.
          const passed = forwarded
            ? `passes ${quoted(key)} to the driver as an option like any other`
            : `on the Docker containerizer rejects ${quoted(key)} with "must only contain dvdi/driver" (docker run --volume-driver passes no other option)`;
          ctx.report({
            pointer,
            target: 'key',
            misspelling: 'dvdi/driver',
            message: `Marathon reads the driver from "dvdi/driver" only, and ${passed}. Did you mean "dvdi/driver"?`,
            fix: { title: `Rename ${quoted(key)} to "dvdi/driver"`, edits: [{ op: 'rename', pointer, to: 'dvdi/driver' }] },
          });
          continue;
        }
        if (!info || !forwarded) continue;
        const known = info.options.map((o) => o.key);
        if (known.includes(k.toLowerCase())) continue;
        const meant = misspeltOptionKey(k, known);
        // The key meant is there already, in any case (`dvdi/volumeType` beside `dvdi/volume-type`): the driver reads
        // keys lower-cased (dvdi-bridge.md §5.2), and a rename would give it the same option twice, either one winning.
        if (meant === undefined || Object.keys(options).some((o) => o.toLowerCase() === `dvdi/${meant}`)) continue;
        const value = options[key];
        // The key meant would erase the volume (dvdi/overwritefs=true formats it on creation: dvdi-destructive-option):
        // said, and the rename left to the user rather than one click away.
        const effect = typeof value === 'string' ? destructiveEffect(driver, meant, value) : undefined;
        const didYouMean =
          `${info.name} reads no option ${quoted(k)}: Marathon passes a dvdi/ option it does not know to the driver as is, and the driver ignores one it does not read, ` +
          `so the volume would be created without it. Did you mean ${quoted(`dvdi/${meant}`)}?`;
        if (effect) {
          ctx.report({ pointer, target: 'key', message: `${didYouMean} Careful: ${quoted(`dvdi/${meant}`)}=${value} ${effect}; rename it only for a volume whose data you can lose.` });
          continue;
        }
        ctx.report({ pointer, target: 'key', message: didYouMean, fix: { title: `Rename ${quoted(key)} to ${quoted(`dvdi/${meant}`)}`, edits: [{ op: 'rename', pointer, to: `dvdi/${meant}` }] } });
      }
    }
  },
};
