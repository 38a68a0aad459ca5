import type { Rule } from '../../core/rule';
import type { DvdiEnvVar } from '../../model/dvdi/dvdiEnv';
import { moduleEnvAppsOf } from '../../model/dvdi/dvdiEnvApps';

export const dvdiEnvSlotOverwrite: Rule = {
  id: 'dvdi-env-slot-overwrite',
  severity: 'warning',
  kinds: ['app', 'group'],
  summary: 'DVDI_VOLUME_<FIELD> and DVDI_VOLUME_<FIELD>0 are the same slot: only one of them takes effect.',
  check(ctx) {
    for (const { vars } of moduleEnvAppsOf(ctx)) {
      const bySlot = new Map<string, DvdiEnvVar>();
      for (const v of vars) {
        if (v.slot === undefined) continue;
        const key = `${v.field}#${v.slot}`;
        const other = bySlot.get(key);
        if (other === undefined) {
          bySlot.set(key, v);
          continue;
        }
        ctx.report({
          pointer: v.pointer,
          target: 'key',
          message:
            `${v.key} and ${other.key} both set slot 0 of mesos-module-dvdi (no suffix and suffix 0 are the same volume), so one value silently replaces the other. ` +
            'Keep one of them; number further volumes 1 to 9.',
        });
      }
    }
  },
};
