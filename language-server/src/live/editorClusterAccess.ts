/**
 * How an editor reaches its cluster (`marathon.cluster.*`): the token from "Marathon: Connect to Cluster" (handed to
 * the server as `MARATHON_CLUSTER_TOKEN`, protocol.ts), else `tokenFile` or `credentialsFile`, and `caFile`, with
 * messages that name these settings rather than marathon-lint's flags. The server's cluster link and the VS Code
 * extension's bridge discovery both read the cluster through it, so Test mount reaches the cluster the editor lints against.
 */
import type { AccessFileNames } from '@marathon-devtools/cluster/marathon/options';
import { clusterTokenEnv, type ClusterLinkSettings } from '../protocol';
import type { ClusterAccess } from './clusterSnapshot';

/** The settings that name the access files, in a message about one of them. */
const clusterFileSettings: AccessFileNames = { tokenFile: 'marathon.cluster.tokenFile', credentialsFile: 'marathon.cluster.credentialsFile', caFile: 'marathon.cluster.caFile' };

/** What a 401 tells the user to check: where the credentials sent came from (not marathon-lint's flags). */
function authHintFor(s: ClusterLinkSettings, token: string | undefined): string {
  // What the user does is give the command a valid token: the variable is only how VS Code hands it to this server
  // (and how another editor gives one), never set by a VS Code user.
  if (token) return `the token given with "Marathon: Connect to Cluster" (outside VS Code, the server's ${clusterTokenEnv}) was refused: run the command again with a valid one (a DC/OS token lives 5 days; \`dcos config show core.dcos_acs_token\` prints the current one)`;
  if (s.tokenFile) return 'check the token in marathon.cluster.tokenFile';
  if (s.credentialsFile) return 'check the user:password in marathon.cluster.credentialsFile';
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(s.url ?? '')) return 'check the user and password in marathon.cluster.url';
  // Marathon and the Mesos master both answer 401 to a request without credentials (marathon-api.md §2, mesos-master-api.md §6).
  return 'the cluster asks for credentials: run "Marathon: Connect to Cluster" with a token, or set marathon.cluster.tokenFile or marathon.cluster.credentialsFile';
}

/** The access `s` gives (`token`: the one from "Marathon: Connect to Cluster", which wins over the files). */
export function editorClusterAccess(s: ClusterLinkSettings & { url: string }, token: string | undefined): ClusterAccess {
  return {
    url: s.url,
    token,
    tokenFile: s.tokenFile,
    credentialsFile: s.credentialsFile,
    caFile: s.caFile,
    timeoutSeconds: s.timeoutSeconds,
    timeoutHint: 'marathon.cluster.timeoutSeconds',
    authHint: authHintFor(s, token),
    caHint: 'marathon.cluster.caFile',
    settings: clusterFileSettings,
  };
}
