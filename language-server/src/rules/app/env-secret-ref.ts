import type { Rule } from '../../core/rule';
import { declaredSecrets, envSecretRefs } from '../../model/app/secretRefs';
import { quoted } from '../../model/quoted';

export const envSecretRef: Rule = {
  id: 'env-secret-ref',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'An env value `{"secret": name}` names a key of the app\'s `secrets`.',
  marathonMessage: 'references an undefined secret',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const refs = envSecretRefs(ref.app, ref.pointer);
      if (refs.length === 0) continue; // before building the app's secret names
      const secrets = declaredSecrets(ref.app);
      for (const s of refs) {
        if (secrets.has(s.name)) continue;
        ctx.report({
          pointer: s.pointer,
          message: `Marathon rejects the app: "references an undefined secret". ${quoted(s.name)} is not a key of \`secrets\`; env values name the local secret key, not the secret store path. Add "secrets": {${quoted(s.name)}: {"source": "<store path>"}} or use an existing key${secrets.size ? ` (${[...secrets].map(quoted).join(', ')})` : ''}.`,
        });
      }
    }
  },
};
