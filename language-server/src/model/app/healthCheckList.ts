/** An app's `healthChecks` entries with their effective protocol (default HTTP; case-insensitive from 1.5). */
import { isObject, type AppRef, type JsonObject } from '../documentModel';
import { perApp } from '../perDocument';

export interface HealthCheckRef {
  pointer: string;
  check: JsonObject;
  protocol: string;
}

export const mesosProtocols = ['MESOS_HTTP', 'MESOS_HTTPS', 'MESOS_TCP'];

/** Once per app and run (shared: read-only); six rules ask. */
export const healthChecksOf = perApp((ref: AppRef): readonly HealthCheckRef[] => {
  const list = ref.app.healthChecks;
  if (!Array.isArray(list)) return none;
  const out: HealthCheckRef[] = [];
  for (let i = 0; i < list.length; i++) {
    const check: unknown = list[i];
    if (!isObject(check)) continue;
    out.push({ pointer: ref.pointer + '/healthChecks/' + i, check, protocol: typeof check.protocol === 'string' ? check.protocol.toUpperCase() : 'HTTP' });
  }
  return out;
});

const none: readonly HealthCheckRef[] = [];
