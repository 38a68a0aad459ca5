import { isObject, joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { containerizerOf } from '../../model/app/containerizer';
import { dvdiVolumesOf } from '../../model/volume/externalVolumes';

export const dvdiDockerSizeUndefined: Rule = {
  id: 'dvdi-docker-size-undefined',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'On the Docker containerizer, a dvdi volume has no size: Docker cannot pass it to the driver.',
  marathonMessage: 'must be undefined for Docker containers',
  fixable: true,
  check(ctx) {
    for (const v of dvdiVolumesOf(ctx)) {
      if (containerizerOf(v.appRef.app) !== 'DOCKER' || v.external.size === undefined) continue;
      const pointer = joinPointer(v.externalPointer, 'size');
      ctx.report({
        pointer,
        target: 'key',
        ...(isObject(v.appRef.app.container) && v.appRef.app.container.type == null ? { missing: joinPointer(v.appRef.pointer, 'container', 'type') } : {}),
        message:
          'Marathon rejects external/size with "must be undefined for Docker containers": the Docker containerizer cannot tell the driver how big to make the volume. ' +
          'Remove "size" and create the volume with that size beforehand, or use the Mesos containerizer.',
        fix: { title: 'Remove size', edits: [{ op: 'remove', pointer }] },
      });
    }
  },
};
