import type { Rule } from '../../core/rule';
import { describeType } from '../../core/preview';
import { isObject } from '../../model/documentModel';
import { jobOf } from '../../model/chronos/chronosJob';
import { chronosReadsContainer } from '../../model/chronos/chronosVolumes';

export const chronosContainerImage: Rule = {
  id: 'chronos-container-image',
  severity: 'warning',
  kinds: ['chronos-job'],
  summary: 'A Chronos container has an "image"; without one Chronos ignores the whole container block.',
  check(ctx) {
    const job = jobOf(ctx);
    // null: no container, which is what Chronos makes of it too.
    if (!job || job.container === undefined || job.container === null || chronosReadsContainer(job.container)) return;
    const object = isObject(job.container);
    ctx.report({
      pointer: '/container',
      target: 'key',
      ...(object ? { missing: 'image' } : {}),
      message:
        (object
          ? 'Chronos ignores this "container" because it has no "image": it reads a container block only when the block names an image, '
          : `Chronos ignores this "container" because it is ${describeType(job.container)}, not an object with an "image", `) +
        'so the job runs directly on the agent, without a container or its volumes, network and parameters. ' +
        (object ? 'Add "image" (e.g. "libmesos/ubuntu")' : 'Write it as {"image": "libmesos/ubuntu", …}') +
        ', or remove "container" if the job needs none.',
    });
  },
};
