import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { effectivePortsOf } from '../../model/app/appPorts';

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
      const names = effectivePortsOf(ref).names.filter((n): n is string => n != null);
      list.forEach((rc, i) => {
        if (!isObject(rc)) return;
        const portName = rc.portName ?? 'http-api';
        if (typeof portName !== 'string' || names.includes(portName)) return;
        ctx.report({
          pointer: joinPointer(ref.pointer, 'readinessChecks', i, ...(rc.portName == null ? [] : ['portName'])),
          message:
            `Marathon rejects the app: "No port definition reference for portName ${portName}". ` +
            (rc.portName == null ? 'Without `portName` the check looks for a port named "http-api". ' : '') +
            `The app's port names are ${names.length ? names.map((n) => `"${n}"`).join(', ') : 'none'}. Name the port the check should call, or set \`portName\` to one of them.`,
        });
      });
    }
  },
};
