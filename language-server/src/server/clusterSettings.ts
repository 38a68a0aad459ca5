/**
 * `marathon.cluster.*` settings, validated field by field like the rest (settings.ts): a bad value is dropped
 * with a log line. `mesosUrl` and `bridgeApp` belong to the extension's bridge discovery and are not read here.
 */
import { userFreeUrl } from '@marathon-devtools/cluster/marathon/options';
import type { ClusterLinkSettings } from '../protocol';
import type { Logger } from './logger';

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

export function sanitizeClusterSettings(raw: unknown, log: Logger): ClusterLinkSettings | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    log.error(`marathon.cluster ignored: expected an object, got ${JSON.stringify(raw)}`);
    return undefined;
  }
  const r = raw as Record<string, unknown>;
  const out: ClusterLinkSettings = {};
  if (nonEmpty(r.url)) {
    const url = r.url.trim();
    if (/^https?:\/\/[^/]/i.test(url)) out.url = url;
    else log.error(`marathon.cluster.url ignored: expected an http:// or https:// URL, got ${JSON.stringify(userFreeUrl(r.url))}`);
  }
  for (const k of ['tokenFile', 'credentialsFile', 'caFile'] as const) {
    if (nonEmpty(r[k])) out[k] = (r[k] as string).trim();
    else if (r[k] !== undefined && r[k] !== null && r[k] !== '') log.error(`marathon.cluster.${k} ignored: expected a file path`);
  }
  for (const k of ['timeoutSeconds', 'pollSeconds'] as const) {
    const v = r[k];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= 3600) out[k] = v;
    else log.error(`marathon.cluster.${k} ignored: expected a number of seconds between 0 and 3600, got ${JSON.stringify(v)}`);
  }
  return out;
}
