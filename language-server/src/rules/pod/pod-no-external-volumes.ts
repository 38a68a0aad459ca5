import type { Rule } from '../rule';
import { isObject, joinPointer } from '../../core/documentModel';
import { podVolumes } from './podParts';

export const podNoExternalVolumes: Rule = {
  id: 'pod-no-external-volumes',
  severity: 'error',
  kinds: ['pod'],
  summary: 'Pods cannot declare external (dvdi) volumes.',
  check(ctx) {
    if (!isObject(ctx.root)) return;
    for (const v of podVolumes(ctx.root)) {
      if (v.value.external == null) continue;
      ctx.report({
        pointer: joinPointer(v.pointer, 'external'),
        target: 'key',
        message:
          'Marathon rejects the pod at the JSON layer (the volume matches none of the pod volume types, so the error names another ' +
          'type\'s missing field). Pod volumes are persistent, secret, host or ephemeral; external volumes exist only for apps. ' +
          'Run this workload as an app to use an external volume.',
      });
    }
  },
};
