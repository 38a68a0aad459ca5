import { destructiveEffect } from '../../model/drivers/index';
import type { Rule } from '../../core/rule';
import { driverOf, dvdiVolumesOf, optionsOf, optionPointer } from '../../model/volume/externalVolumes';
import { dvdiSlotsOf, splitOpts } from '../../model/dvdi/dvdiEnv';
import { moduleEnvAppsOf } from '../../model/dvdi/dvdiEnvApps';

export const dvdiDestructiveOption: Rule = {
  id: 'dvdi-destructive-option',
  severity: 'warning',
  kinds: ['app', 'group'],
  fixable: true,
  summary: 'Warns about driver options that can destroy data on the volume, such as dvdi/overwritefs.',
  check(ctx) {
    const say = (key: string, value: string, effect: string) =>
      `${key}=${value} ${effect}. The option is applied every time a task of this app creates the volume, including after the volume was lost or renamed. ` +
      'Remove it once the volume exists, or keep it only for a volume whose data you can lose.';
    for (const v of dvdiVolumesOf(ctx)) {
      const driver = driverOf(v);
      const options = optionsOf(v);
      // for-in, not Object.entries: this runs for every dvdi volume of the document.
      for (const key in options) {
        const value = options[key];
        if (!key.startsWith('dvdi/') || key === 'dvdi/driver' || typeof value !== 'string') continue;
        const effect = destructiveEffect(driver, key.slice('dvdi/'.length), value);
        const pointer = optionPointer(v, key);
        if (effect) ctx.report({ pointer, message: say(key, value, effect), fix: { title: `Remove ${key}`, edits: [{ op: 'remove', pointer }] } });
      }
    }
    for (const { vars } of moduleEnvAppsOf(ctx)) {
      for (const slot of dvdiSlotsOf(vars)) {
        const opts = slot.vars.OPTS;
        if (!opts?.value) continue;
        for (const item of splitOpts(opts.value)) {
          const [k, val] = item.split('=');
          const effect = val === undefined ? undefined : destructiveEffect(slot.vars.DRIVER?.value || 'rexray', k!, val);
          if (!effect) continue;
          const rest = splitOpts(opts.value).filter((i) => i !== item).join(',');
          ctx.report({
            pointer: opts.pointer,
            message: `${opts.key}: ` + say(k!, val!, effect),
            fix: { title: `Remove ${item} from ${opts.key}`, edits: [{ op: 'replace', pointer: opts.pointer, value: rest }] },
          });
        }
      }
    }
  },
};
