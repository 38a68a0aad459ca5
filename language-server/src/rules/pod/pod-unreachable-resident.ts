import type { Rule } from '../../core/rule';
import { isObject } from '../../model/documentModel';
import { hasPersistentPodVolume } from '../../model/pod/podParts';

const text = 'unreachableStrategy must be disabled for pods with persistent volumes';

export const podUnreachableResident: Rule = {
  id: 'pod-unreachable-resident',
  severity: 'error',
  kinds: ['pod'],
  summary: 'A pod with persistent volumes may only give scheduling.unreachableStrategy "disabled".',
  marathonMessage: text,
  fixable: true,
  check(ctx) {
    const pod = ctx.root;
    if (!isObject(pod) || !hasPersistentPodVolume(pod) || !isObject(pod.scheduling)) return;
    const strategy = pod.scheduling.unreachableStrategy;
    // "disabled" in any letter case: UnreachableDisabled is a RAML enum, read case-insensitively (marathon-rules.md §1.1).
    if (strategy == null || (typeof strategy === 'string' && strategy.toLowerCase() === 'disabled')) return;
    const pointer = '/scheduling/unreachableStrategy';
    ctx.report({
      pointer,
      message: `Marathon rejects the pod: "${text}". An unreachable instance cannot be replaced elsewhere because its volume stays on the lost agent. Set it to "disabled".`,
      fix: { title: 'Set unreachableStrategy to "disabled"', edits: [{ op: 'replace', pointer, value: 'disabled' }] },
    });
  },
};
