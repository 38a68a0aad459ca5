import { isObject, joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';

export const podNoExternalVolumes: Rule = {
  id: 'pod-no-external-volumes',
  severity: 'error',
  kinds: ['pod'],
  layer: 'json',
  summary: 'Pods cannot declare external volumes: PodVolume has no external variant.',
  check(ctx) {
    const root = ctx.root;
    if (!isObject(root) || !Array.isArray(root.volumes)) return;
    root.volumes.forEach((volume, i) => {
      if (!isObject(volume) || volume.external === undefined) return;
      ctx.report({
        pointer: joinPointer('', 'volumes', i, 'external'),
        target: 'key',
        message:
          'Marathon rejects this pod at the JSON layer: a pod volume is persistent, secret, host or ephemeral, never external (PodVolume in pod.raml), ' +
          'and the error Marathon prints names another field. Run the workload that needs this volume as an app with container.volumes[].external, or use a persistent volume.',
      });
    });
  },
};
