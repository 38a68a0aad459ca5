/**
 * The gate's own read of the deployed root group through the one Marathon API client (cluster workspace):
 * `GET /v2/groups` with groups, apps and pods embedded (marathon-api.md §5), with the gate's credentials and CA.
 */
import { MarathonClient } from '@marathon-devtools/cluster/marathon/client';
import type { MarathonAuth } from '@marathon-devtools/cluster/marathon/options';
import type { RootGroupReader } from '../clusterState';

export function rootGroupReader(marathon: URL, access: { auth?: MarathonAuth; ca?: string }, timeoutMs = 5_000): RootGroupReader {
  // The gate's --marathon-timeout has marathon-lint's name, so the client's timeout message names it as it is.
  const client = new MarathonClient({ url: marathon.href, auth: access.auth, ca: access.ca, timeoutMs, timeoutHint: '--marathon-timeout', userAgent: 'marathon-gate' });
  return () => client.getRootGroup();
}
