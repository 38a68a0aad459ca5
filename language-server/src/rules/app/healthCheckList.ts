/** An app's `healthChecks` entries with their effective protocol (default HTTP; case-insensitive from 1.5). */
import { isObject, joinPointer, type AppRef, type JsonObject } from '../../core/documentModel';

export interface HealthCheckRef {
  pointer: string;
  check: JsonObject;
  protocol: string;
}

export const mesosProtocols = ['MESOS_HTTP', 'MESOS_HTTPS', 'MESOS_TCP'];

export function healthChecksOf(ref: AppRef): HealthCheckRef[] {
  const list = ref.app.healthChecks;
  if (!Array.isArray(list)) return [];
  return list.flatMap((check, i) =>
    isObject(check)
      ? [{ pointer: joinPointer(ref.pointer, 'healthChecks', i), check, protocol: typeof check.protocol === 'string' ? check.protocol.toUpperCase() : 'HTTP' }]
      : [],
  );
}
