/**
 * The gate's reader of the deployed root group: the one Marathon client (cluster/src/marathon), which asks for
 * `GET /v2/groups` with groups, apps and pods embedded (marathon-api.md §5), with the gate's credentials and CA.
 */
import { MarathonClient } from '@marathon-devtools/cluster/marathon/client';
import { MarathonSetupError, authFollowingFiles, type MarathonAuth } from '@marathon-devtools/cluster/marathon/options';
import type { RootGroupReader } from '../clusterState';

/**
 * `files`: the token or credentials file the auth came from. The gate runs for weeks and a DC/OS token for 5 days
 * (../shared/reference/marathon-api.md §2), so the file is read again before each read (authFollowingFiles) and a
 * token replaced in it is used from then on, without a restart; a file that can no longer be read fails the read,
 * naming flag and file.
 */
export function rootGroupReader(
  marathon: URL,
  access: { auth?: MarathonAuth; ca?: string },
  timeoutMs = 5_000,
  files: { tokenFile?: string; credentialsFile?: string } = {},
): RootGroupReader {
  const currentAuth = authFollowingFiles(files);
  // The gate's --marathon-timeout has marathon-lint's name, so the client's timeout message names it as it is.
  const client = new MarathonClient({
    url: marathon.href, auth: access.auth, ca: access.ca, timeoutMs, timeoutHint: '--marathon-timeout', userAgent: 'marathon-gate', ...(currentAuth ? { currentAuth } : {}),
  });
  return async () => {
    try {
      return await client.getRootGroup();
    } catch (e) {
      throw e instanceof MarathonSetupError ? new Error(`${e.flag} ${e.message}`) : e;
    }
  };
}
