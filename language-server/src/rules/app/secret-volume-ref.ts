import type { Rule } from '../../core/rule';
import { declaredSecrets, volumeSecretRefs } from '../../model/app/secretRefs';
import { quoted } from '../../model/quoted';

const text = 'volume.secret must refer to an existing secret';

export const secretVolumeRef: Rule = {
  id: 'secret-volume-ref',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.5' },
  summary: 'A secret volume names a key of the app\'s `secrets`.',
  marathonMessage: text,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const refs = volumeSecretRefs(ref.app, ref.pointer);
      if (refs.length === 0) continue; // before building the app's secret names
      const secrets = declaredSecrets(ref.app);
      for (const s of refs) {
        if (secrets.has(s.name)) continue;
        ctx.report({
          pointer: s.pointer,
          message: `Marathon rejects the app: "${text}". ${quoted(s.name)} is not a key of \`secrets\`. Declare "secrets": {${quoted(s.name)}: {"source": "<store path>"}} or use an existing key.`,
        });
      }
    }
  },
};
