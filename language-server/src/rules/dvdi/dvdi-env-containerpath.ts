import type { Rule } from '../../core/rule';
import { dvdiSlotsOf } from '../../model/dvdi/dvdiEnv';
import { moduleEnvAppsOf } from '../../model/dvdi/dvdiEnvApps';
import { quoted } from '../../model/quoted';

const marathonMessage = 'prepare() failed, containerpaths must start with /';

export const dvdiEnvContainerpath: Rule = {
  id: 'dvdi-env-containerpath',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'DVDI_VOLUME_CONTAINERPATH is an absolute path.',
  marathonMessage,
  fixable: true,
  check(ctx) {
    for (const { vars } of moduleEnvAppsOf(ctx)) {
      for (const slot of dvdiSlotsOf(vars)) {
        const cp = slot.vars.CONTAINERPATH;
        if (!slot.vars.NAME?.value || cp?.value === undefined || cp.value === '' || cp.value.startsWith('/')) continue;
        ctx.report({
          pointer: cp.pointer,
          message:
            `mesos-module-dvdi on the agent refuses the task with "${marathonMessage}": ${cp.key} is ${quoted(cp.value)}; the module bind-mounts the volume onto an absolute host path and refuses the task otherwise. ` +
            `Use an absolute path such as ${quoted('/tmp/' + cp.value)} (paths under /tmp are created for you).`,
          fix: { title: `Use /tmp/${cp.value}`, edits: [{ op: 'replace', pointer: cp.pointer, value: '/tmp/' + cp.value }] },
        });
      }
    }
  },
};
