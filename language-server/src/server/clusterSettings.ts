/**
 * `marathon.cluster.*` settings, validated field by field like the rest (settings.ts): a bad value is dropped
 * with a log line. `mesosUrl` and `bridgeApp` belong to the extension's bridge discovery and are not read here.
 */
import { homedir } from 'node:os';
import { basename, isAbsolute, join } from 'node:path';
import { userFreeUrl } from '@marathon-devtools/cluster/marathon/options';
import type { ClusterLinkSettings } from '../protocol';
import type { Logger } from './logger';

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * The settings the server follows; `rejected` says, in a sentence for the status, why a cluster that is set is not
 * followed (a `url` that is no http(s) URL, an access file given as a relative path).
 */
export interface FollowedClusterSettings extends ClusterLinkSettings {
  rejected?: string;
}

export function sanitizeClusterSettings(raw: unknown, log: Logger): FollowedClusterSettings | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    log.error(`marathon.cluster ignored: expected an object, got ${JSON.stringify(raw)}`);
    return undefined;
  }
  const r = raw as Record<string, unknown>;
  const out: FollowedClusterSettings = {};
  if (nonEmpty(r.url)) {
    const url = r.url.trim();
    if (/^https?:\/\/[^/]/i.test(url)) out.url = url;
    else {
      // Without a scheme, `user:password@host` is no URL's user info to userFreeUrl: drop it here too.
      const bare = userFreeUrl(url).replace(/^[^/?#@]*@/, '');
      const shown = JSON.stringify(bare);
      log.error(`marathon.cluster.url ignored: expected an http:// or https:// URL, got ${shown}`);
      // The usual slip is a bare host:port; the status says so where the user looks, not only in the log.
      const example = /^[\w.-]+(:\d+)?(\/|$)/.test(bare) ? `, e.g. "http://${bare}"` : ', e.g. "http://marathon.mesos:8080"';
      out.rejected = `marathon.cluster.url ${shown} is not an http:// or https:// URL, so no cluster is used: linting offline. Write the URL with its scheme${example}.`;
    }
  } else if (r.url !== undefined && r.url !== null && r.url !== '') {
    log.error(`marathon.cluster.url ignored: expected a string, got ${JSON.stringify(r.url)}`);
    out.rejected = `marathon.cluster.url is not a string (${JSON.stringify(r.url)}), so no cluster is used: linting offline. Write Marathon's URL, e.g. "http://marathon.mesos:8080".`;
  }
  for (const k of ['tokenFile', 'credentialsFile', 'caFile'] as const) {
    if (nonEmpty(r[k])) {
      const given = (r[k] as string).trim();
      const path = given.replace(/^~(?=[/\\]|$)/, homedir());
      if (isAbsolute(path)) out[k] = path;
      else {
        // Relative to what? The server and the extension host run in a directory the user never chose, so the file
        // would be looked for there: a setting that works in one window and not another. Said, not guessed.
        log.error(`marathon.cluster.${k} ignored: ${JSON.stringify(given)} is a relative path`);
        const name = basename(given) || 'file';
        out.rejected ??= `marathon.cluster.${k} ${JSON.stringify(given)} is a relative path, which the editor has no directory to read from, so no cluster is used: linting offline. Write it absolute, e.g. "${join(homedir(), name)}" or "~/${name}".`;
      }
    } else if (r[k] !== undefined && r[k] !== null && r[k] !== '') log.error(`marathon.cluster.${k} ignored: expected a file path`);
  }
  // A cluster whose access file cannot be placed is not followed: its requests would come back 401 or fail TLS,
  // blamed on a setting the user did set.
  if (out.rejected && out.url) delete out.url;
  for (const k of ['timeoutSeconds', 'pollSeconds'] as const) {
    const v = r[k];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= 3600) out[k] = v;
    else log.error(`marathon.cluster.${k} ignored: expected a number of seconds between 0 and 3600, got ${JSON.stringify(v)}`);
  }
  return out;
}
