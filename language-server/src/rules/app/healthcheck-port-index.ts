import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { effectivePortsOf, noContainerNote } from '../../model/app/appPorts';
import { healthChecksOf } from '../../model/app/healthCheckList';

const text = 'Health check port indices must address an element of the ports array or container port mappings.';

export const healthCheckPortIndex: Rule = {
  id: 'healthcheck-port-index',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'A network health check without `port` addresses an existing port definition or port mapping with `portIndex` (default 0).',
  marathonMessage: text,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const ports = effectivePortsOf(ctx, ref, 'canonical');
      const hcList = healthChecksOf(ref);
      for (let vi = 0; vi < hcList.length; vi++) {
        const hc = hcList[vi];
        // COMMAND checks run a command and use no port; `port` overrides the index.
        if (hc.protocol === 'COMMAND' || hc.check.command != null || hc.check.port != null) continue;
        const index = hc.check.portIndex ?? 0;
        if (typeof index !== 'number' || index < ports.names.length) continue;
        const where = ports.source === 'portMappings' ? 'container port mappings' : ports.source === 'default' ? 'ports' : ports.source;
        ctx.report({
          pointer: hc.check.portIndex == null ? hc.pointer : joinPointer(hc.pointer, 'portIndex'),
          // The port list comes from portDefinitions or the container's port mappings: a misspelt key there shortens it.
          missing: [
            ...(hc.check.portIndex == null ? ['portIndex', 'port', 'command', 'protocol'] : []),
            joinPointer(ref.pointer, 'portDefinitions'),
            joinPointer(ref.pointer, 'container'),
            joinPointer(ref.pointer, 'container', 'docker'),
            joinPointer(ref.pointer, 'container', 'portMappings'),
            joinPointer(ref.pointer, 'container', 'docker', 'portMappings'),
            joinPointer(ref.pointer, 'container', 'docker', 'network'),
            joinPointer(ref.pointer, 'networks'),
          ],
          message:
            ports.source === 'no-container'
              ? `Marathon rejects the app: "${text}" The check uses port index ${index}. ${noContainerNote}; or give the check an explicit \`port\`.`
              : `Marathon rejects the app: "${text}" The check uses port index ${index}, but the app has ${ports.names.length} ${where}` +
                (ports.names.length === 0 ? ' (an empty list leaves no port to check). Add a port, give an explicit `port`, or use a COMMAND check.' : `. Use an index below ${ports.names.length}, give an explicit \`port\`, or add the port.`),
        });
      }
    }
  },
};
