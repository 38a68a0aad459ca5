/**
 * What the cluster status bar item says before the language server runs (it starts with the first Marathon document):
 * what the server will do with `marathon.cluster.url`, judged by the server's own reader (server/clusterSettings.ts),
 * so a URL it refuses reads "offline" with its sentence, not "connecting". Without VS Code, so a test can drive it.
 */
import { userFreeUrl } from '@marathon-devtools/cluster/marathon/options';
import type { ClusterStatusParams } from '@marathon-devtools/language-server/protocol';
import { sanitizeClusterSettings } from '@marathon-devtools/language-server/server/clusterSettings';

// The server logs why a value is dropped; said here too, it would be said again at every settings change.
const quiet = { error: () => undefined, info: () => undefined, verbose: () => undefined, setVerbose: () => undefined };

/** `raw`: the `marathon.cluster` section as VS Code gives it. */
export function clusterStatusBeforeServer(raw: unknown): ClusterStatusParams {
  const s = sanitizeClusterSettings(raw, quiet);
  if (s?.url) {
    const url = userFreeUrl(s.url).replace(/\/+$/, '');
    return { state: 'connecting', url, text: `${url}: connects when a Marathon definition is open` };
  }
  return { state: 'off', text: s?.rejected ?? 'no cluster set (marathon.cluster.url): linting offline' };
}
