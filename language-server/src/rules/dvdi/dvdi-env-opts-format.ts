import type { Rule } from '../../core/rule';
import { splitOpts } from '../../model/dvdi/dvdiEnv';
import { moduleEnvAppsOf } from '../../model/dvdi/dvdiEnvApps';
import { quoted } from '../../model/quoted';

export const dvdiEnvOptsFormat: Rule = {
  id: 'dvdi-env-opts-format',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'Each comma-separated DVDI_VOLUME_OPTS item is key=value with a single "=": dvdcli panics on an item without "=" and truncates at a second one.',
  check(ctx) {
    for (const { vars } of moduleEnvAppsOf(ctx)) {
      for (const v of vars) {
        if (v.field !== 'OPTS' || v.value === undefined || v.slot === undefined) continue;
        for (const item of splitOpts(v.value)) {
          const parts = item.split('=');
          if (parts.length === 2 && parts[0] !== '') continue;
          const message =
            parts.length === 1
              ? `${v.key}: the item ${quoted(item)} has no "=". The module passes it on as --volumeopts=${item}, and dvdcli then panics (exit 2) without mounting, so the task fails. Write it as key=value.`
              : parts[0] === ''
                ? `${v.key}: the item ${quoted(item)} has an empty key, which the driver cannot use. Write it as key=value.`
                : `${v.key}: the item ${quoted(item)} has more than one "="; dvdcli keeps only the text before the second one, so the driver receives ${parts[0]}=${parts[1]}. Remove the extra "=".`;
          ctx.report({ pointer: v.pointer, message });
        }
      }
    }
  },
};
