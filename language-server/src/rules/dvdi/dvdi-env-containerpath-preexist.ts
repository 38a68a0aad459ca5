import type { Rule } from '../../core/rule';
import { dvdiSlotsOf } from '../../model/dvdi/dvdiEnv';
import { moduleEnvAppsOf } from '../../model/dvdi/dvdiEnvApps';
import { quoted } from '../../model/quoted';

const marathonMessage = 'prepare() failed, containerpaths must pre-exist, or be under /tmp';

export const dvdiEnvContainerpathPreexist: Rule = {
  id: 'dvdi-env-containerpath-preexist',
  severity: 'warning',
  kinds: ['app', 'group'],
  summary: 'A DVDI_VOLUME_CONTAINERPATH outside /tmp must already exist on every agent the task may land on.',
  marathonMessage,
  check(ctx) {
    for (const { vars } of moduleEnvAppsOf(ctx)) {
      for (const slot of dvdiSlotsOf(vars)) {
        const cp = slot.vars.CONTAINERPATH;
        if (!slot.vars.NAME?.value || !cp?.value?.startsWith('/') || cp.value.startsWith('/tmp/')) continue;
        ctx.report({
          pointer: cp.pointer,
          message:
            `mesos-module-dvdi on the agent refuses the task with "${marathonMessage}": the module only creates missing directories under /tmp/, so ${quoted(cp.value)} must already exist on the agent or the task fails to start. ` +
            'Make sure every agent has that directory (or constrain the app to agents that do), or mount under /tmp/.',
        });
      }
    }
  },
};
