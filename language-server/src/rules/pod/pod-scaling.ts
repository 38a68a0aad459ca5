import type { Rule } from '../../core/rule';
import { isObject } from '../../model/documentModel';
import { quoted } from '../../model/quoted';

const text = 'Not a fixed scaling policy';

export const podScaling: Rule = {
  id: 'pod-scaling',
  severity: 'error',
  kinds: ['pod'],
  summary: 'A pod\'s `scaling` policy is `fixed`, the only kind Marathon implements.',
  marathonMessage: text,
  check(ctx) {
    const pod = ctx.root;
    if (!isObject(pod) || !isObject(pod.scaling) || typeof pod.scaling.kind !== 'string' || pod.scaling.kind.toLowerCase() === 'fixed') return;
    ctx.report({
      pointer: '/scaling/kind',
      message: `Marathon rejects the pod: "${text}". ${quoted(pod.scaling.kind)} scaling is not implemented. Use "kind": "fixed" with \`instances\`.`,
    });
  },
};
