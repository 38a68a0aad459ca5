import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { podVolumes } from '../../model/pod/podParts';
import { quoted } from '../../model/quoted';

const text = 'volume.secret must refer to an existing secret';

export const podSecretVolumeRef: Rule = {
  id: 'pod-secret-volume-ref',
  severity: 'error',
  kinds: ['pod'],
  summary: 'A pod secret volume names a key of the pod\'s `secrets`.',
  marathonMessage: text,
  check(ctx) {
    const pod = ctx.root;
    if (!isObject(pod)) return;
    const secrets = new Set(isObject(pod.secrets) ? Object.keys(pod.secrets) : []);
    for (const v of podVolumes(pod)) {
      if (typeof v.value.secret !== 'string' || secrets.has(v.value.secret)) continue;
      ctx.report({
        pointer: joinPointer(v.pointer, 'secret'),
        message: `Marathon rejects the pod: "${text}". ${quoted(v.value.secret)} is not a key of the pod's \`secrets\`. Declare "secrets": {${quoted(v.value.secret)}: {"source": "<store path>"}} or use an existing key.`,
      });
    }
  },
};
