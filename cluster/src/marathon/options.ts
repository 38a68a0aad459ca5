// How to reach one Marathon: base URL, authentication, CA, timeout and size cap
// (../shared/reference/marathon-api.md §1 base URL and Admin Router prefix, §2 authentication).
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { oneLine } from './errors';

export type MarathonAuth =
  /** DC/OS: `Authorization: token=<t>` (never `Bearer`, marathon-api.md §2). */
  | { kind: 'token'; token: string }
  /** `--http_credentials user:password`: HTTP basic. */
  | { kind: 'basic'; user: string; password: string };

export interface MarathonClientOptions {
  /** Base URL, e.g. `http://marathon:8080` or `https://dcos/service/marathon`. */
  url: string;
  auth?: MarathonAuth;
  /** PEM text of the CA bundle that signs the server's certificate (in addition to the system CAs). */
  ca?: string;
  /** Whole-request timeout in milliseconds (default 10 s). */
  timeoutMs?: number;
  /** What sets `timeoutMs` for the user, named in a timeout error (default `--marathon-timeout`; '' for nothing). */
  timeoutHint?: string;
  /** What a 401 tells the user to do (default `check --marathon-token-file or --marathon-credentials-file`). */
  authHint?: string;
  /** What makes a private CA trusted for the user, named when TLS fails (default `--marathon-ca`). */
  caHint?: string;
  /** Largest answer accepted, in bytes (default 32 MiB: a root group of ~10,000 apps fits). */
  maxBytes?: number;
  /** User-Agent header (default `marathon-devtools`). */
  userAgent?: string;
  /**
   * Asked before each request for the authentication to send now (`authFollowingFiles`: the token or credentials
   * file as it is at that moment); wins over `auth`. What it throws fails that request as it is.
   */
  currentAuth?: () => MarathonAuth | undefined;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

/** A file given on the command line could not be used: one line naming the file, never its content. */
export class MarathonSetupError extends Error {
  override readonly name = 'MarathonSetupError';
  constructor(
    message: string,
    /** The flag that named the file (`--marathon-token-file`, …), when read through `readAccessFiles`. */
    readonly flag?: string,
  ) {
    super(message);
  }
}

function readSecretFile(path: string, what: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new MarathonSetupError(`${path}: cannot read the ${what} (${code ?? oneLine(String(err))})`);
  }
  return text.trim();
}

/** A DC/OS token file (`dcos config show core.dcos_acs_token > file`): the token, surrounding whitespace dropped. */
export function readTokenFile(path: string): MarathonAuth {
  const token = readSecretFile(path, 'token file');
  if (!token) throw new MarathonSetupError(`${path}: the token file is empty`);
  if (/[\r\n]/.test(token)) throw new MarathonSetupError(`${path}: the token file must hold one line (the DC/OS token)`);
  const problem = tokenProblem(token);
  if (problem) throw new MarathonSetupError(`${path}: the token file ${problem}`);
  // A header value pasted whole would go out as `token=token=…` (or `token=Bearer …`) and come back a bare 401.
  const prefix = /^(token=|bearer\s+)/i.exec(token)?.[0];
  if (prefix) throw new MarathonSetupError(`${path}: the token file starts with "${prefix.trim()}": write the token alone (Authorization: token=<t> is added when it is sent)`);
  return { kind: 'token', token };
}

/**
 * What makes a token unusable in `Authorization: token=<t>`, as "holds …" (to follow what holds it), or undefined.
 * An HTTP header value is tab, visible ASCII and obs-text (RFC 9110 field-value); undici refuses anything else with
 * "invalid authorization header", naming neither where the token came from nor the spot. The editor's token prompt
 * checks with this too, so a pasted line break is refused where it was typed.
 */
export function tokenProblem(token: string): string | undefined {
  const at = token.search(/[^\t\x20-\x7e\x80-\xff]/);
  if (at < 0) return undefined;
  const what = token[at] === '\n' || token[at] === '\r' ? 'a line break' : 'a character an HTTP header cannot carry (a control or non-Latin-1 character)';
  return `holds ${what} at position ${at + 1}`;
}

/** A credentials file holding one line `user:password` (Marathon's `--http_credentials` form; the user has no `:`). */
export function readCredentialsFile(path: string): MarathonAuth {
  const line = readSecretFile(path, 'credentials file');
  if (/[\r\n]/.test(line)) throw new MarathonSetupError(`${path}: the credentials file must hold one line user:password`);
  const colon = line.indexOf(':');
  if (colon <= 0) throw new MarathonSetupError(`${path}: the credentials file must hold one line user:password`);
  return { kind: 'basic', user: line.slice(0, colon), password: line.slice(colon + 1) };
}

export function readCaFile(path: string): string {
  const pem = readSecretFile(path, 'CA file');
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new MarathonSetupError(`${path}: the CA file holds no PEM certificate`);
  // Node's TLS drops a CA certificate it cannot parse without a word, and every connection then fails "unable to
  // verify" naming no file: a bundle cut short when copied is said here, where the flag names it.
  const blocks = pem.split('-----BEGIN CERTIFICATE-----').slice(1);
  for (const [i, block] of blocks.entries()) {
    const end = block.indexOf('-----END CERTIFICATE-----');
    let readable = end >= 0;
    if (readable) {
      try {
        new X509Certificate(`-----BEGIN CERTIFICATE-----${block.slice(0, end)}-----END CERTIFICATE-----\n`);
      } catch {
        readable = false;
      }
    }
    if (!readable) throw new MarathonSetupError(`${path}: certificate ${i + 1} of the CA file is not a readable PEM certificate (cut short or altered?)`);
  }
  return pem;
}

/** The access flags every Marathon user takes (marathon-lint --marathon, marathon-gate, dvdi-bridge's cluster commands). */
export interface MarathonAccessFiles {
  /** `--marathon-token-file`: a DC/OS token. */
  tokenFile?: string;
  /** `--marathon-credentials-file`: one line `user:password`. */
  credentialsFile?: string;
  /** `--marathon-ca`: PEM CA bundle. */
  caFile?: string;
  /** A token handed over directly (the editor keeps it in SecretStorage); wins over the files. */
  token?: string;
}

/** What names each access file to the user: a command's flags, or an editor's settings. */
export interface AccessFileNames {
  tokenFile: string;
  credentialsFile: string;
  caFile: string;
}

const accessFlags: AccessFileNames = { tokenFile: '--marathon-token-file', credentialsFile: '--marathon-credentials-file', caFile: '--marathon-ca' };

/**
 * The access flags' files → authentication and CA, read once, the one way for every caller. A problem is a
 * MarathonSetupError naming the file, with `flag` set to what named it (`names`: the flags unless said otherwise);
 * never the file's content. Giving both a token file and a credentials file is each caller's usage error (they
 * word it differently).
 */
export function readAccessFiles(files: MarathonAccessFiles, names: AccessFileNames = accessFlags): { auth?: MarathonAuth; ca?: string } {
  const via = <T>(flag: string, read: () => T): T => {
    try {
      return read();
    } catch (e) {
      if (e instanceof MarathonSetupError) throw new MarathonSetupError(e.message, flag);
      throw e;
    }
  };
  const { tokenFile, credentialsFile, caFile } = files;
  const problem = files.token ? tokenProblem(files.token) : undefined;
  // The editor hands over the token stored by "Marathon: Connect to Cluster"; other clients set the variable themselves.
  if (problem) throw new MarathonSetupError(`the cluster token (from "Marathon: Connect to Cluster" or MARATHON_CLUSTER_TOKEN) ${problem}: give it again as the one line \`dcos config show core.dcos_acs_token\` prints`);
  const auth: MarathonAuth | undefined = files.token
    ? { kind: 'token', token: files.token }
    : tokenFile !== undefined ? via(names.tokenFile, () => readTokenFile(tokenFile))
    : credentialsFile !== undefined ? via(names.credentialsFile, () => readCredentialsFile(credentialsFile))
    : undefined;
  const ca = caFile !== undefined ? via(names.caFile, () => readCaFile(caFile)) : undefined;
  return { ...(auth ? { auth } : {}), ...(ca !== undefined ? { ca } : {}) };
}

/**
 * For a process that runs for days (marathon-gate, the language server): the authentication the token or credentials
 * file holds at each call, for MarathonClientOptions.currentAuth. A DC/OS token lives 5 days and is rotated by
 * replacing the file (../shared/reference/marathon-api.md §2); read once, the old token would be sent until a
 * restart and every request come back 401. A file that can no longer be read (or holds no usable token now) throws
 * readAccessFiles' MarathonSetupError, naming the file and what named it, on that request. Undefined when there is no
 * file to follow: a token handed over directly wins over the files, and a short run (marathon-lint, dvdi-bridge's
 * cluster commands) reads them once.
 */
export function authFollowingFiles(files: MarathonAccessFiles, names: AccessFileNames = accessFlags): (() => MarathonAuth | undefined) | undefined {
  const { token, tokenFile, credentialsFile } = files;
  if (token || (tokenFile === undefined && credentialsFile === undefined)) return undefined;
  return () => readAccessFiles({ tokenFile, credentialsFile }, names).auth;
}

/** The resources under Marathon's `/v2/` (`@Path("v2/…")` in api/v2, 1.1 to 1.10; the event stream's servlet). */
const API_RESOURCES = new Set(['apps', 'groups', 'pods', 'tasks', 'deployments', 'queue', 'info', 'leader', 'events', 'eventSubscriptions', 'plugins', 'schemas', 'artifacts']);

/** Check a base URL given by a user: http(s) only; user info moves into basic auth rather than the URL. */
export function parseBaseUrl(raw: string): { base: URL; auth?: MarathonAuth } {
  const given = raw.trim();
  if (given === '') throw new MarathonSetupError('no Marathon URL given (expected e.g. http://marathon.example:8080)');
  // `marathon.mesos:8080` parses as a URL of scheme "marathon.mesos:": say what the user wrote, and what to write.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(given)) {
    const hostish = oneLine(given.replace(/^[^@/]*@/, ''), 80); // never the user:password@ part
    throw new MarathonSetupError(`${hostish}: no http:// or https:// in front; write e.g. http://${hostish}`);
  }
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    // The raw text may still hold `user:password@`: show it without, as every other message shows a URL.
    throw new MarathonSetupError(`${oneLine(userFreeUrl(raw), 80)}: not a URL (expected e.g. http://marathon.example:8080)`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new MarathonSetupError(`${u.protocol}//${u.host}: only http:// and https:// Marathon URLs are supported`);
  let auth: MarathonAuth | undefined;
  const shown = () => `${u.protocol}//${u.host}${u.pathname}`;
  if (u.username) {
    try {
      auth = { kind: 'basic', user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) };
    } catch {
      throw new MarathonSetupError(`${shown()}: the user or password in the URL has a malformed %-escape (write % as %25)`);
    }
  }
  // A URL copied from a curl line (`…:8080/v2/apps`): every request would go to `/v2/apps/v2/info` and come back
  // Marathon's 404 "App '/v2/info' does not exist" or 500 "URI not found" (marathon-api.md §12), naming no flag.
  // Marathon's API lives under `/v2/` of the URL it is served at (marathon-api.md §1: `/`, or Admin Router's prefix).
  // A `v2` segment of that prefix is no API path (`/service/v2/marathon`: Marathon-on-Marathon as app /v2/marathon):
  // only `v2` last, or followed by one of the API's resources (the `@Path("v2/…")` of Marathon 1.1 to 1.10), is.
  const segments = u.pathname.split('/').filter((s) => s !== '');
  if (segments.some((s, i) => s === 'v2' && (i === segments.length - 1 || API_RESOURCES.has(segments[i + 1])))) {
    throw new MarathonSetupError(`${shown()}: this is a path of Marathon's API (/v2/…), not the URL it is served at: give the URL whose /v2/info answers, e.g. http://marathon.mesos:8080 or https://<dcos>/service/marathon`);
  }
  u.username = '';
  u.password = '';
  u.hash = '';
  u.search = '';
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  return { base: u, auth };
}

/**
 * A base URL as a user gave it, fit to show (status lines, logs, messages): never its `user:password@`, which
 * parseBaseUrl moves into basic auth. Text that does not parse as a URL loses what stands where user info would.
 */
export function userFreeUrl(raw: string): string {
  try {
    const u = new URL(raw);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return raw.replace(/^(\s*[a-z][a-z0-9+.-]*:\/*)[^/?#]*@/i, '$1');
  }
}

export function authorizationHeader(auth: MarathonAuth | undefined): string | undefined {
  if (!auth) return undefined;
  if (auth.kind === 'token') return `token=${auth.token}`;
  return `Basic ${Buffer.from(`${auth.user}:${auth.password}`, 'utf8').toString('base64')}`;
}
