import { joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { containerizerOf } from '../../model/app/containerizer';
import { allEnvAppsOf } from '../../model/dvdi/dvdiEnvApps';

export const dvdiEnvDockerContainerizer: Rule = {
  id: 'dvdi-env-docker-containerizer',
  severity: 'warning',
  kinds: ['app', 'group'],
  summary: 'DVDI_VOLUME_* variables do nothing for a Docker-containerizer app: mesos-module-dvdi only serves the Mesos containerizer.',
  check(ctx) {
    for (const { appRef, vars } of allEnvAppsOf(ctx)) {
      if (containerizerOf(appRef.app) !== 'DOCKER') continue;
      const first = vars.find((v) => v.field === 'NAME') ?? vars[0];
      ctx.report({
        pointer: first?.pointer ?? joinPointer(appRef.pointer, 'env'),
        target: 'key',
        message:
          `${vars.map((v) => v.key).join(', ')} are read by mesos-module-dvdi, an isolator of the Mesos containerizer; this app runs on the Docker containerizer, so no volume is mounted and the variables only reach the container. ` +
          'Declare the volume as container.volumes[].external with provider "dvdi" and only "dvdi/driver" in options (Docker cannot pass other driver options), or switch the app to "type": "MESOS".',
      });
    }
  },
};
