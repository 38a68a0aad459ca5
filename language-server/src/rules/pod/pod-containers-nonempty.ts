import type { Rule } from '../../core/rule';
import { isObject } from '../../model/documentModel';

export const podContainersNonEmpty: Rule = {
  id: 'pod-containers-nonempty',
  severity: 'error',
  kinds: ['pod'],
  summary: 'A pod has at least one container.',
  marathonMessage: 'must not be empty',
  check(ctx) {
    if (!isObject(ctx.root) || !Array.isArray(ctx.root.containers) || ctx.root.containers.length > 0) return;
    ctx.report({
      pointer: '/containers',
      message: 'Marathon rejects the pod: "must not be empty" (path /containers). A pod is a set of containers launched together; with none there is nothing to run. Add a container.',
    });
  },
};
