import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { effectivePortsOf, noContainerNote } from '../../model/app/appPorts';
import { quoted } from '../../model/quoted';

/** Port entries without a name: a misspelt "name" there may be why the port name is not found. */
function unnamedPorts(app: Record<string, unknown>, at: string): string[] {
  const lists: [unknown, string[]][] = [[app.portDefinitions, ['portDefinitions']]];
  if (isObject(app.container)) {
    lists.push([app.container.portMappings, ['container', 'portMappings']]);
    if (isObject(app.container.docker)) lists.push([app.container.docker.portMappings, ['container', 'docker', 'portMappings']]);
  }
  return lists.flatMap(([list, path]) => (Array.isArray(list) ? list.flatMap((p, i) => (isObject(p) && p.name == null ? [joinPointer(at, ...path, i, 'name')] : [])) : []));
}

export const readinessPortNameRef: Rule = {
  id: 'readiness-portname-ref',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'A readiness check\'s `portName` (default "http-api") names a port definition or port mapping.',
  marathonMessage: 'No port definition reference for portName <name>',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const list = ref.app.readinessChecks;
      if (!Array.isArray(list)) continue;
      const ports = effectivePortsOf(ctx, ref, 'canonical');
      const names = ports.names.filter((n): n is string => n != null);
      list.forEach((rc, i) => {
        if (!isObject(rc)) return;
        const portName = rc.portName ?? 'http-api';
        if (typeof portName !== 'string' || names.includes(portName)) return;
        ctx.report({
          pointer: joinPointer(ref.pointer, 'readinessChecks', i, ...(rc.portName == null ? [] : ['portName'])),
          missing: [...(rc.portName == null ? [joinPointer(ref.pointer, 'readinessChecks', i, 'portName')] : []), ...unnamedPorts(ref.app, ref.pointer), joinPointer(ref.pointer, 'container'), joinPointer(ref.pointer, 'container', 'docker'), joinPointer(ref.pointer, 'container', 'docker', 'portMappings'), joinPointer(ref.pointer, 'container', 'portMappings'), joinPointer(ref.pointer, 'portDefinitions')],
          message:
            `Marathon rejects the app: "No port definition reference for portName ${portName}". ` +
            (rc.portName == null ? 'Without `portName` the check looks for a port named "http-api". ' : '') +
            (ports.source === 'no-container'
              ? `${noContainerNote}, naming the port the check should call.`
              : `The app's port names are ${names.length ? names.map(quoted).join(', ') : 'none'}. Name the port the check should call, or set \`portName\` to one of them.`),
        });
      });
    }
  },
};
