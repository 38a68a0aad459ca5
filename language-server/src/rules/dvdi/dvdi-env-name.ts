import type { Rule } from '../../core/rule';
import { moduleEnvAppsOf } from '../../model/dvdi/dvdiEnvApps';

const marathonMessage = 'prepare() failed due to illegal environment variable';

export const dvdiEnvName: Rule = {
  id: 'dvdi-env-name',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'DVDI_VOLUME_* variables are a base name plus at most one digit (10 slots: "", 1 … 9); any other spelling fails the task.',
  marathonMessage,
  check(ctx) {
    for (const { vars } of moduleEnvAppsOf(ctx)) {
      for (const v of vars) {
        if (v.slot !== undefined) continue;
        const base = `DVDI_VOLUME_${v.field}`;
        const suffix = v.key.slice(base.length);
        const tooMany = /^[0-9]{2,}$/.test(suffix);
        ctx.report({
          pointer: v.pointer,
          target: 'key',
          message:
            `mesos-module-dvdi on the agent refuses the task with "${marathonMessage}": ${v.key} starts with ${base} but is not ${base} or ${base}<digit>, and the module then refuses the whole task, so it never starts. ` +
            (tooMany
              ? 'The module has 10 volume slots only ("" and 1 to 9); declare the extra volumes as container.volumes[].external instead.'
              : `Rename it to ${base} or ${base}1 … ${base}9, or to a name that does not start with ${base}.`),
        });
      }
    }
  },
};
