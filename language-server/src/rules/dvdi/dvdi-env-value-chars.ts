import type { Rule } from '../../core/rule';
import { checkedFields, prohibitedIn } from '../../model/dvdi/dvdiEnv';
import { moduleEnvAppsOf } from '../../model/dvdi/dvdiEnvApps';
import { quoted } from '../../model/quoted';

const marathonMessage = 'prepare() failed due to illegal environment variable';

function show(c: string): string {
  return quoted(c);
}

export const dvdiEnvValueChars: Rule = {
  id: 'dvdi-env-value-chars',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'DVDI_VOLUME_NAME/DRIVER/OPTS/EXPLICITCREATE values avoid the characters mesos-module-dvdi refuses (including "/", ":" and spaces).',
  marathonMessage,
  fixable: true,
  check(ctx) {
    for (const { vars } of moduleEnvAppsOf(ctx)) {
      for (const v of vars) {
        if (v.value === undefined || !checkedFields.has(v.field)) continue;
        const bad = prohibitedIn(v.value);
        if (bad.length === 0) continue;
        // A name or driver without the refused characters is what the user meant; options cannot be guessed.
        const stripped = v.field === 'OPTS' ? '' : [...v.value].filter((c) => !bad.includes(c)).join('');
        ctx.report({
          pointer: v.pointer,
          fix: stripped ? { title: `Remove ${bad.map(show).join(', ')} from ${v.key} (→ ${show(stripped)})`, edits: [{ op: 'replace', pointer: v.pointer, value: stripped }] } : undefined,
          message:
            `mesos-module-dvdi on the agent refuses the task with "${marathonMessage}": the value of ${v.key} contains ${bad.map(show).join(', ')}, which the module refuses ` +
            '(it passes values to a shell), so the task fails before any volume is mounted. ' +
            (v.field === 'OPTS'
              ? 'Option values can therefore not be paths or URLs; use the native container.volumes[].external form (no such restriction) or drop the option.'
              : 'Remove those characters (only letters, digits, "-", "_", ".", "=", "," and similar are safe).'),
        });
      }
    }
  },
};
