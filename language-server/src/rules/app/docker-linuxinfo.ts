import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { containerOf, containerizerOf } from '../../model/app/containerizer';

export const dockerLinuxInfo: Rule = {
  id: 'docker-linuxinfo',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.8' },
  summary: '`container.linuxInfo` (seccomp, IPC) is only for the Mesos containerizer.',
  marathonMessage: 'must be empty',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      if (containerOf(ref.app)?.linuxInfo == null || containerizerOf(ref.app) !== 'DOCKER') continue;
      ctx.report({
        pointer: joinPointer(ref.pointer, 'container', 'linuxInfo'),
        target: 'key',
        ...(isObject(ref.app.container) && ref.app.container.type == null ? { missing: joinPointer(ref.pointer, 'container', 'type') } : {}),
        message: 'Marathon rejects the app: "must be empty" (path /container/linuxInfo). Seccomp and IPC settings are applied by the Mesos containerizer; a DOCKER container (the default `type`) cannot use them. Set container.type to "MESOS" or remove linuxInfo.',
      });
    }
  },
};
