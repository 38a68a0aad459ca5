/**
 * The flags every cluster command shares (`scale`, `dry-run --app`): where Marathon and the Mesos master are and
 * how to authenticate (the cluster issue's flags: `--marathon-token-file`, `--marathon-credentials-file`,
 * `--marathon-ca`, `--marathon-timeout`). Under DC/OS one token serves both (`Authorization: token=<t>`,
 * ../shared/reference/mesos-master-api.md §6); a plain Mesos master takes the same credentials as basic auth.
 */
import { authorizationHeader, MarathonSetupError, readAccessFiles, userFreeUrl, type MarathonAuth, type MarathonClientOptions } from '../marathon/options';
import { UsageError, type FlagSpec, type ParsedFlags } from '@marathon-devtools/agent-bridge/cli/args';
import type { AcceptedRolesDefault } from '../placement/candidates';

const behaviours: readonly AcceptedRolesDefault[] = ['any', 'unreserved', 'reserved'];

export const CLUSTER_FLAGS: FlagSpec = {
  marathon: 'string', mesos: 'string', 'marathon-token-file': 'string', 'marathon-credentials-file': 'string',
  'marathon-ca': 'string', 'marathon-timeout': 'string', 'accepted-resource-roles-default-behavior': 'string',
};

export interface ClusterFlags {
  marathonUrl: string;
  /** The Marathon client's options for these flags (one client: ../marathon). */
  marathon: MarathonClientOptions;
  mesosUrl: string;
  /** Marathon's authentication (the cluster client's form) … */
  auth?: MarathonAuth;
  /** … and the same as an Authorization header, for the Mesos master. */
  authorization?: string;
  /** PEM CA bundle for both. */
  ca?: string;
  timeoutMs: number;
  /**
   * Marathon's --accepted_resource_roles_default_behavior, which /v2/info does not report: which resources an app
   * without acceptedResourceRoles takes (placement/candidates.ts). Undefined: placement names the agents it decides.
   */
  acceptedRolesDefault?: AcceptedRolesDefault;
}

function httpUrl(command: string, flag: string, v: string | undefined): string {
  if (!v) throw new UsageError(`${command}: --${flag} URL is required (e.g. --${flag} ${flag === 'mesos' ? 'http://leader.mesos:5050' : 'http://marathon.mesos:8080'})`);
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new UsageError(`${command}: --${flag} ${JSON.stringify(userFreeUrl(v))} is not a URL; use http://HOST:PORT or https://HOST:PORT`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new UsageError(`${command}: --${flag} ${userFreeUrl(v)} must be http:// or https://`);
  return v.replace(/\/+$/, '');
}

export function readClusterFlags(f: ParsedFlags, command: string): ClusterFlags {
  const tokenFile = f.strings.get('marathon-token-file');
  const credentialsFile = f.strings.get('marathon-credentials-file');
  if (tokenFile && credentialsFile) throw new UsageError(`${command}: give --marathon-token-file or --marathon-credentials-file, not both`);
  let auth: MarathonAuth | undefined;
  let ca: string | undefined;
  const caFile = f.strings.get('marathon-ca');
  try {
    ({ auth, ca } = readAccessFiles({ tokenFile: tokenFile || undefined, credentialsFile: credentialsFile || undefined, caFile: caFile || undefined }));
  } catch (e) {
    if (e instanceof MarathonSetupError) throw new UsageError(`${command}: ${e.message}`);
    throw e;
  }
  const authorization = authorizationHeader(auth);
  const timeoutS = Number(f.strings.get('marathon-timeout') ?? 10);
  if (!(timeoutS > 0 && timeoutS <= 600)) throw new UsageError(`${command}: --marathon-timeout must be seconds between 0 and 600`);
  const behaviour = f.strings.get('accepted-resource-roles-default-behavior');
  // Marathon's own words for a bad value (MarathonConf.acceptedResourceRolesDefaultBehaviorConverter).
  if (behaviour !== undefined && !(behaviours as readonly string[]).includes(behaviour)) throw new UsageError(`${command}: --accepted-resource-roles-default-behavior: Setting ${behaviour} is invalid. Valid settings are ${behaviours.join(', ')} (Marathon's --accepted_resource_roles_default_behavior; DC/OS runs unreserved)`);
  const marathonUrl = httpUrl(command, 'marathon', f.strings.get('marathon'));
  // Whole milliseconds, at least 1: messages then say "1.001 s", not "1.0009999999999999 s".
  const timeoutMs = Math.max(1, Math.round(timeoutS * 1000));
  return {
    marathonUrl,
    marathon: { url: marathonUrl, auth, ca, timeoutMs },
    mesosUrl: httpUrl(command, 'mesos', f.strings.get('mesos')),
    ...(auth ? { auth, authorization } : {}),
    ...(ca ? { ca } : {}),
    timeoutMs,
    ...(behaviour !== undefined ? { acceptedRolesDefault: behaviour as AcceptedRolesDefault } : {}),
  };
}

/** A Marathon app id as Marathon resolves it from the root: "dvdi-bridge" → "/dvdi-bridge". */
export function absoluteAppId(command: string, flag: string, id: string): string {
  const abs = id.startsWith('/') ? id : `/${id}`;
  if (!/^(\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?)+$/.test(abs)) throw new UsageError(`${command}: --${flag} ${JSON.stringify(id)} is not a Marathon app id (lower-case path segments such as /dvdi-bridge)`);
  return abs;
}
