/**
 * Read what linting needs from a live Marathon, for marathon-lint and the language server: `/v2/info` and the
 * deployed root group, in parallel (one round trip of wall time). I/O lives here, not in the engine; failures
 * are MarathonErrors (one line naming the URL and the cause) or MarathonSetupErrors (a file named on the
 * command line), never a silent offline lint.
 */
import { MarathonClient } from '@marathon-devtools/cluster/marathon/client';
import { MarathonError } from '@marathon-devtools/cluster/marathon/errors';
import { MarathonSetupError, authFollowingFiles, readAccessFiles, type AccessFileNames, type MarathonClientOptions } from '@marathon-devtools/cluster/marathon/options';
import type { GroupInfo, MarathonInfo } from '@marathon-devtools/cluster/marathon/types';

export interface ClusterAccess {
  url: string;
  tokenFile?: string;
  credentialsFile?: string;
  caFile?: string;
  /** Seconds (the CLI's --marathon-timeout); default 10. */
  timeoutSeconds?: number;
  /** A token handed over directly (the editor keeps it in SecretStorage). */
  token?: string;
  /** What a timeout message names as the knob (default the CLI's `--marathon-timeout`). */
  timeoutHint?: string;
  /** What a 401 tells the user to do (default: check the CLI's `--marathon-token-file` or `--marathon-credentials-file`). */
  authHint?: string;
  /** What a TLS failure names as the private CA's knob (default the CLI's `--marathon-ca`). */
  caHint?: string;
  /**
   * The language server's: the settings that name the files. Its client then reads the token or credentials file
   * again before each request (the server runs for days, a DC/OS token for 5: marathon-api.md §2), and a problem
   * with a file names its setting and the file. Without it (marathon-lint, a short run) the files are read once.
   */
  settings?: AccessFileNames;
}

export interface ClusterSnapshot {
  url: string;
  info: MarathonInfo;
  rootGroup: GroupInfo;
  /** When the snapshot was read (ms since epoch). */
  at: number;
}

/** A client for these access settings; throws MarathonSetupError for an unreadable token, credentials or CA file. */
export function clientFor(access: ClusterAccess): MarathonClient {
  return new MarathonClient(clientOptionsFor(access));
}

/**
 * The Marathon client's options for these access settings, the files read the one way (readAccessFiles); the VS Code
 * extension's bridge discovery reads Marathon and the Mesos master with them too. Throws as clientFor.
 */
export function clientOptionsFor(access: ClusterAccess): MarathonClientOptions {
  const files = { token: access.token || undefined, tokenFile: access.tokenFile || undefined, credentialsFile: access.credentialsFile || undefined, caFile: access.caFile || undefined };
  const { settings } = access;
  const following = settings && authFollowingFiles(files, settings);
  const currentAuth = following && (() => settingNamed(settings, following));
  // A followed file is read by each request, which says what is wrong with it and is tried again: a token file written
  // after the editor started is used once it is there. The CA goes into the connection and is read here, once.
  const { auth, ca } = settingNamed(settings, () => readAccessFiles(following ? { caFile: files.caFile } : files, settings));
  // At least 1 ms: a timeout that rounds to 0 would mean "no timeout" to the client, and an unbounded wait.
  const timeoutMs = Math.max(1, Math.round((access.timeoutSeconds ?? 10) * 1000));
  return { url: access.url, auth, ca, timeoutMs, timeoutHint: access.timeoutHint, authHint: access.authHint, ...(access.caHint ? { caHint: access.caHint } : {}), userAgent: 'marathon-lint', ...(currentAuth ? { currentAuth } : {}) };
}

/**
 * With settings, a file's problem leads with the setting that named it ("marathon.cluster.tokenFile /p: cannot read
 * the token file (ENOENT)", as marathon-gate leads with its flag); marathon-lint's messages name the file alone.
 */
function settingNamed<T>(settings: AccessFileNames | undefined, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (settings && e instanceof MarathonSetupError && e.flag) throw new MarathonSetupError(`${e.flag} ${e.message}`, e.flag);
    throw e;
  }
}

/**
 * Both requests sent at once; the small `/v2/info` usually answers first, so a caller can start linting with the
 * live profile while the deployed root group is still on its way (one round trip of wall time, overlapped).
 */
export function startSnapshot(client: MarathonClient): { info: Promise<MarathonInfo>; rootGroup: Promise<GroupInfo> } {
  const info = client.getInfo();
  const rootGroup = client.getRootGroup();
  // Whoever awaits one may never await the other; a rejection must not go unhandled meanwhile.
  info.catch(() => undefined);
  rootGroup.catch(() => undefined);
  return { info, rootGroup };
}

export async function readSnapshot(client: MarathonClient): Promise<ClusterSnapshot> {
  const [info, rootGroup] = await Promise.all([client.getInfo(), client.getRootGroup()]);
  return { url: client.url, info, rootGroup, at: Date.now() };
}

/** One line for any failure reaching the cluster (setup or network), never a stack or a secret. */
export function clusterFailure(err: unknown): string {
  if (err instanceof MarathonError || err instanceof MarathonSetupError) return err.message;
  return `cannot use the cluster: ${(err as Error)?.message ?? String(err)}`;
}
