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

/** AppHealthCheck fields with their RAML defaults (healthCheck.raml); absent fields without a default stay absent. */
const healthCheckDefaults: ReadonlyArray<readonly [string, unknown]> = [
  ['command', undefined],
  ['gracePeriodSeconds', 300],
  ['ignoreHttp1xx', undefined],
  ['intervalSeconds', 60],
  ['maxConsecutiveFailures', 3],
  ['path', undefined],
  ['port', undefined],
  ['portIndex', undefined],
  ['ipProtocol', 'IPV4'],
  ['timeoutSeconds', 20],
  ['delaySeconds', 15],
];

/**
 * `healthChecks` is `uniqueItems` in app.raml, so Marathon reads it into a Set: two checks that read the same (after
 * defaults and case-insensitive enums; unknown fields are dropped) are one check. This key is equal for checks
 * Marathon reads as equal.
 */
export function healthCheckKey(hc: HealthCheckRef): string {
  const parts: unknown[] = [hc.protocol];
  for (const [field, fallback] of healthCheckDefaults) {
    let v = hc.check[field] ?? fallback;
    if (field === 'ipProtocol' && typeof v === 'string') v = v.toUpperCase();
    if (field === 'command' && isObject(v)) v = v.value;
    parts.push(v);
  }
  return JSON.stringify(parts);
}
