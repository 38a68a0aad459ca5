/**
 * `marathon.cluster.*` as Test mount's bridge discovery reads it, without VS Code (clusterBridges.ts hands it the
 * section). The access files and the timeout are taken exactly as the language server takes them
 * (server/clusterSettings.ts), so discovery reaches the cluster the editor lints against; a bad value is dropped, as
 * the server drops it, and the server's log line in the Marathon output already says why (said here too, it would
 * be said again at every lens request).
 */
import { sanitizeClusterSettings } from '@marathon-devtools/language-server/server/clusterSettings';
import type { AcceptedRolesDefault } from '@marathon-devtools/cluster/placement/candidates';
import { userFreeUrl } from '@marathon-devtools/cluster/marathon/options';
import type { ClusterSettings } from './clusterView';

const quiet = { error: () => undefined, info: () => undefined, verbose: () => undefined, setVerbose: () => undefined };
const behaviours: readonly AcceptedRolesDefault[] = ['any', 'unreserved', 'reserved'];

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** The cluster settings, or undefined when no cluster is set (Test mount then uses the manually added agents). */
export function readClusterSettings(raw: unknown): ClusterSettings | undefined {
  const c = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const marathonUrl = text(c.url).replace(/\/+$/, '');
  if (!marathonUrl) return undefined;
  // Under DC/OS the master sits beside Marathon: <dcos>/service/marathon → <dcos>/mesos. Without Marathon's user info:
  // the same origin gets it anyway (masterAccess.ts), and a 401 then names marathon.cluster.url, which the user set.
  const derived = /\/service\/marathon$/.test(marathonUrl) ? userFreeUrl(marathonUrl.replace(/\/service\/marathon$/, '/mesos')) : '';
  const mesosUrl = text(c.mesosUrl).replace(/\/+$/, '') || derived;
  const acceptedRolesDefault = behaviours.find((b) => b === c.acceptedResourceRolesDefaultBehavior);
  const { tokenFile, credentialsFile, caFile, timeoutSeconds, rejected } = sanitizeClusterSettings(c, quiet) ?? {};
  return {
    marathonUrl,
    mesosUrl,
    bridgeApp: text(c.bridgeApp) || '/dvdi-bridge',
    ...(acceptedRolesDefault ? { acceptedRolesDefault } : {}),
    ...(tokenFile ? { tokenFile } : {}),
    ...(credentialsFile ? { credentialsFile } : {}),
    ...(caFile ? { caFile } : {}),
    ...(timeoutSeconds ? { timeoutSeconds } : {}),
    ...(rejected ? { rejected } : {}),
  };
}
