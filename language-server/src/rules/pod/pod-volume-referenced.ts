import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { containerVolumeMounts, podContainers, podVolumes } from '../../model/pod/podParts';
import { quoted } from '../../model/quoted';

const text = 'volume must be referenced by at least one container';

export const podVolumeReferenced: Rule = {
  id: 'pod-volume-referenced',
  severity: 'error',
  kinds: ['pod'],
  summary: 'Every pod volume is mounted by at least one container.',
  marathonMessage: text,
  check(ctx) {
    if (!isObject(ctx.root)) return;
    const mounted = new Set(podContainers(ctx.root).flatMap((c) => containerVolumeMounts(c).map((m) => m.value.name)));
    // A container without volumeMounts, or a mount without a name, may be the typo behind the finding.
    const unmountedBy = podContainers(ctx.root).flatMap((c) =>
      c.value.volumeMounts == null ? [joinPointer(c.pointer, 'volumeMounts')] : containerVolumeMounts(c).filter((m) => m.value.name == null).map((m) => joinPointer(m.pointer, 'name')),
    );
    for (const v of podVolumes(ctx.root)) {
      if (typeof v.value.name !== 'string' || mounted.has(v.value.name)) continue;
      ctx.report({
        pointer: joinPointer(v.pointer, 'name'),
        missing: unmountedBy,
        message: `Marathon rejects the pod: "${text}". No container has a volumeMount named ${quoted(v.value.name)}, so the volume would be created for nothing. Mount it in a container (volumeMounts: [{"name": ${quoted(v.value.name)}, "mountPath": "…"}]) or remove it.`,
      });
    }
  },
};
