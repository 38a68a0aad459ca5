/**
 * Option values travel to the driver as `dvdcli --volumeopts=<key>=<value>`, and dvdcli (pflag
 * StringSlice + strings.Split) splits that at commas and keeps only the text up to a second "=".
 */
import type { Rule } from '../../core/rule';
import { dvdiVolumesOf, optionsOf, optionPointer } from '../../model/volume/externalVolumes';

export const dvdiOptionValueDvdcli: Rule = {
  id: 'dvdi-option-value-dvdcli',
  severity: 'warning',
  kinds: ['app', 'group'],
  summary: 'A dvdi option value contains "," or "=", which dvdcli on the agent splits or truncates.',
  check(ctx) {
    for (const v of dvdiVolumesOf(ctx)) {
      const options = optionsOf(v);
      // for-in, not Object.entries: this runs for every dvdi volume of the document.
      for (const key in options) {
        const value = options[key];
        if (!key.startsWith('dvdi/') || key === 'dvdi/driver' || typeof value !== 'string') continue;
        const k = key.slice('dvdi/'.length);
        if (value.includes(',')) {
          const [head, ...rest] = value.split(',');
          ctx.report({
            pointer: optionPointer(v, key),
            message:
              `The agent passes this as --volumeopts=${k}=${value}, and dvdcli splits it at the comma: the driver gets ${k}=${head}` +
              (rest.some((r) => !r.includes('=')) ? ', and the item without "=" makes dvdcli panic (exit 2), so the task fails to start.' : ' plus the other pieces as separate options.') +
              ' Avoid commas in option values.',
          });
        } else if (value.includes('=')) {
          ctx.report({
            pointer: optionPointer(v, key),
            message: `The agent passes this as --volumeopts=${k}=${value}, and dvdcli keeps only the text before the second "=": the driver gets ${k}=${value.split('=')[0]}. Avoid "=" in option values.`,
          });
        }
      }
    }
  },
};
