import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { containerVolumeMounts, podContainers, podVolumes } from '../../model/pod/podParts';
import { quoted } from '../../model/quoted';

const text = 'Referenced Volume in VolumeMount should exist';

export const podVolumeMountRef: Rule = {
  id: 'pod-volumemount-ref',
  severity: 'error',
  kinds: ['pod'],
  summary: 'Every `volumeMounts[].name` names a volume declared in the pod\'s `volumes`.',
  marathonMessage: text,
  check(ctx) {
    if (!isObject(ctx.root)) return;
    const names = podVolumes(ctx.root).map((v) => v.value.name).filter((n): n is string => typeof n === 'string');
    for (const c of podContainers(ctx.root)) {
      for (const m of containerVolumeMounts(c)) {
        if (typeof m.value.name !== 'string' || names.includes(m.value.name)) continue;
        ctx.report({
          pointer: joinPointer(m.pointer, 'name'),
          message: `Marathon rejects the pod: "${text}". There is no volume named ${quoted(m.value.name)} in \`volumes\`${names.length ? ` (declared: ${names.map(quoted).join(', ')})` : ''}. Declare it or fix the name.`,
        });
      }
    }
  },
};
