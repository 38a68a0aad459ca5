import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { containerizerOf } from '../../model/app/containerizer';
import { healthChecksOf, mesosProtocols } from '../../model/app/healthCheckList';

const text = 'IPv6 can only be used for container type DOCKER and Mesos http/https/tcp health checks';

export const healthCheckIpv6: Rule = {
  id: 'healthcheck-ipv6',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: '`ipProtocol: "IPv6"` is only for MESOS_HTTP/HTTPS/TCP checks of DOCKER apps.',
  marathonMessage: text,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const docker = containerizerOf(ref.app) === 'DOCKER';
      const hcList = healthChecksOf(ref);
      for (let vi = 0; vi < hcList.length; vi++) {
        const hc = hcList[vi];
        if (typeof hc.check.ipProtocol !== 'string' || hc.check.ipProtocol.toUpperCase() !== 'IPV6') continue;
        if (docker && mesosProtocols.includes(hc.protocol)) continue;
        ctx.report({
          pointer: joinPointer(hc.pointer, 'ipProtocol'),
          ...(hc.check.protocol == null ? { missing: joinPointer(hc.pointer, 'protocol') } : {}),
          message: `Marathon rejects the app: "${text}". This check is ${hc.protocol} in a ${docker ? 'DOCKER' : 'non-DOCKER'} app; only Mesos-run checks can reach a Docker container over IPv6. Use a MESOS_ protocol with a DOCKER container, or drop ipProtocol.`,
        });
      }
    }
  },
};
