import type { Rule } from '../../core/rule';
import { dvdiSlotsOf } from '../../model/dvdi/dvdiEnv';
import { moduleEnvAppsOf } from '../../model/dvdi/dvdiEnvApps';
import { quoted } from '../../model/quoted';

const marathonMessage = 'prepare() failed, duplicated mount with containerpath';

export const dvdiEnvDuplicate: Rule = {
  id: 'dvdi-env-duplicate',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'A DVDI_VOLUME_* slot does not repeat the driver and name of an earlier slot together with a container path.',
  marathonMessage,
  check(ctx) {
    for (const { vars } of moduleEnvAppsOf(ctx)) {
      const seen = new Map<string, string>();
      for (const slot of dvdiSlotsOf(vars)) {
        const name = slot.vars.NAME;
        if (!name?.value) continue;
        const driver = slot.vars.DRIVER?.value || 'rexray';
        // The module identifies a mount by driver and name, case-insensitively.
        const id = `${driver.toLowerCase()}/${name.value.toLowerCase()}`;
        const first = seen.get(id);
        if (first === undefined) {
          seen.set(id, name.key);
          continue;
        }
        const cp = slot.vars.CONTAINERPATH;
        if (!cp?.value) continue; // without a container path the module just ignores the repeat
        ctx.report({
          pointer: name.pointer,
          message:
            `mesos-module-dvdi on the agent refuses the task with "${marathonMessage}": ${name.key} asks again for volume ${quoted(name.value)} of driver ${driver}, already requested by ${first} ` +
            '(compared without regard to case), and a repeat with a container path fails the task. Remove this slot, or mount a different volume.',
        });
      }
    }
  },
};
