import type { Rule } from '../../core/rule';
import { hasFeature } from '../../core/profile';
import { envSecretRefs } from '../../model/app/secretRefs';

const text = 'use of secret-references in the environment requires the secrets feature to be enabled';

export const envSecretFeature: Rule = {
  id: 'env-secret-feature',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'Secret references in `env` need Marathon started with `--enable_features secrets`.',
  marathonMessage: text,
  check(ctx) {
    if (hasFeature(ctx.profile, 'secrets')) return;
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      for (const s of envSecretRefs(ref.app, ref.pointer)) {
        ctx.report({
          pointer: s.pointer,
          message: `Marathon rejects the app: "${text}". The cluster profile does not list the secrets feature. Pass the value another way, or add "secrets" to \`features\` in marathon-lint.config.json if the cluster has it.`,
        });
      }
    }
  },
};
