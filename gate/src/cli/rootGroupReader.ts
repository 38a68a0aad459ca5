/**
 * The gate's own read of the deployed root group, `GET /v2/groups` (GroupInfo with groups, apps and pods
 * embedded by default, marathon-api.md §5), with its credentials and CA, through the cluster workspace's
 * bounded JSON GET.
 */
import { ClusterHttpError, httpGet, parseJsonBody } from '@marathon-devtools/cluster/http/getJson';
import type { RootGroupReader } from '../clusterState';

export function rootGroupReader(marathon: URL, access: { authorization?: string; ca?: string }, timeoutMs = 5_000): RootGroupReader {
  const url = new URL('v2/groups', marathon.href.endsWith('/') ? marathon.href : marathon.href + '/').href;
  return async () => {
    const a = await httpGet(url, { authorization: access.authorization, ca: access.ca, timeoutMs });
    if (a.status !== 200) throw new ClusterHttpError(`GET ${url}: HTTP ${a.status} ${a.body.slice(0, 200).trim()}`, a.status);
    return parseJsonBody(a);
  };
}
