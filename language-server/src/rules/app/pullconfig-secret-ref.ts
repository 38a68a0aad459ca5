import type { Rule } from '../../core/rule';
import { declaredSecrets, pullConfigSecretRef } from '../../model/app/secretRefs';
import { quoted } from '../../model/quoted';

const text = 'pullConfig.secret must refer to an existing secret';

export const pullConfigSecretRefRule: Rule = {
  id: 'pullconfig-secret-ref',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.5' },
  summary: '`container.docker.pullConfig.secret` names a key of the app\'s `secrets`.',
  marathonMessage: text,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const s = pullConfigSecretRef(ref.app, ref.pointer);
      if (!s || declaredSecrets(ref.app).has(s.name)) continue;
      ctx.report({
        pointer: s.pointer,
        message: `Marathon rejects the app: "${text}". ${quoted(s.name)} is not a key of \`secrets\`; the registry credentials are read from that secret. Declare it in \`secrets\` or use an existing key.`,
      });
    }
  },
};
