import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { hasFeature } from '../../core/profile';
import { volumeSecretRefs } from '../../model/app/secretRefs';

const text = 'Feature secrets is not enabled. Enable with --enable_features secrets)';

export const featureSecrets: Rule = {
  id: 'feature-secrets',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: '`secrets` and secret volumes need Marathon started with `--enable_features secrets`.',
  marathonMessage: text,
  check(ctx) {
    if (hasFeature(ctx.profile, 'secrets')) return;
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const pointers: string[] = [];
      if (isObject(ref.app.secrets) && Object.keys(ref.app.secrets).length > 0) pointers.push(joinPointer(ref.pointer, 'secrets'));
      pointers.push(...volumeSecretRefs(ref.app, ref.pointer).map((s) => s.pointer));
      for (const pointer of pointers) {
        ctx.report({
          pointer,
          message: `Marathon rejects the app: "${text}" (sic). Secrets need a secret store plugin, which the cluster profile does not enable. Remove them, or add "secrets" to \`features\` in marathon-lint.config.json if the cluster has it.`,
        });
      }
    }
  },
};
