/**
 * `marathon-gate --listen HOST:PORT --marathon URL [--mode deny|warn|audit] [--fail open|closed]
 *  [--config marathon-lint.config.json] [--marathon-token-file F | --marathon-credentials-file F]
 *  [--marathon-ca F] [--tls-cert F --tls-key F]` (the contract of issue 9, kept exactly), plus
 *  `[--marathon-timeout SECONDS]` (the gate's own reads; marathon-lint's flag of the same name and meaning).
 * Pure: no I/O, so every usage mistake is one line on stderr and exit 2 before anything starts.
 */
import { parseArgs } from 'node:util';
import { MarathonSetupError, parseBaseUrl, userFreeUrl } from '@marathon-devtools/cluster/marathon/options';
import type { FailMode, Mode } from '../gate';

export interface GateCliOptions {
  host: string;
  port: number;
  marathon: URL;
  mode: Mode;
  fail: FailMode;
  config?: string;
  tokenFile?: string;
  credentialsFile?: string;
  caFile?: string;
  tlsCert?: string;
  tlsKey?: string;
  /** `--marathon-timeout SECONDS` in ms: each of the gate's own requests to Marathon, and connecting to it (default 5 s). */
  marathonTimeoutMs: number;
  help: boolean;
  version: boolean;
}

const defaultMarathonTimeoutMs = 5_000;

export type ParsedGateArgs = { ok: true; options: GateCliOptions } | { ok: false; message: string };

export const usage = `Usage: marathon-gate --listen HOST:PORT --marathon URL [--mode deny|warn|audit] [--fail open|closed]
                     [--config marathon-lint.config.json]
                     [--marathon-token-file F | --marathon-credentials-file F] [--marathon-ca F]
                     [--tls-cert F --tls-key F] [--marathon-timeout SECONDS]

A validating admission proxy in front of Marathon's REST API: writes to /v2/apps, /v2/groups and /v2/pods are
linted with the marathon-lint rules; everything else is proxied untouched.

  --listen HOST:PORT            address to serve on, e.g. 0.0.0.0:8080 or [::1]:8080 (port 0: any free port)
  --marathon URL                Marathon's base URL, e.g. http://marathon.mesos:8080
  --mode deny|warn|audit        deny (default): refuse writes with errors (422, Marathon's error body);
                                warn: let them through with Warning headers; audit: only log and count
  --fail open|closed            when the deployed apps cannot be read: closed (default) answers 503,
                                open lets the write through with a Warning naming the skipped checks
  --config FILE                 marathon-lint.config.json (Marathon version, features, rule severities)
  --marathon-token-file F       DC/OS token for the gate's own reads (Authorization: token=<t>)
  --marathon-credentials-file F user:password for the gate's own reads (HTTP basic)
  --marathon-ca F               PEM CA bundle that signs Marathon's certificate
  --marathon-timeout SECONDS    how long each of the gate's own requests to Marathon may take (default 5):
                                reading the deployed root group, asking Marathon whether it turns a client
                                away, following a non-leader's event stream; raise it for a large root group.
                                Also how long any connection to Marathon may take to be answered
  --tls-cert F --tls-key F      serve HTTPS with this PEM certificate and key

Own endpoints: GET /_gate/healthz, /_gate/metrics (Prometheus), /_gate/audit (marathon-lint JSON).`;

/**
 * node:util refuses `--marathon-timeout -1` as "argument is ambiguous", which tells a user who gave a value nothing;
 * joined as `--marathon-timeout=-1` it reaches the flag's own check, in marathon-lint's words (its cli/args.ts does the same).
 */
function joinNegativeTimeout(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') return [...out, ...argv.slice(i)];
    if (argv[i] === '--marathon-timeout' && /^-\d+(\.\d+)?$/.test(argv[i + 1] ?? '')) out.push(`--marathon-timeout=${argv[++i]}`);
    else out.push(argv[i]);
  }
  return out;
}

export function parseGateArgs(argv: readonly string[]): ParsedGateArgs {
  let values: Record<string, string | boolean | undefined>;
  let tokens: { kind: string; name?: string }[] = [];
  try {
    ({ values, tokens = [] } = parseArgs({
      args: joinNegativeTimeout(argv),
      allowPositionals: false,
      strict: true,
      tokens: true,
      options: {
        listen: { type: 'string' },
        marathon: { type: 'string' },
        mode: { type: 'string' },
        fail: { type: 'string' },
        config: { type: 'string' },
        'marathon-token-file': { type: 'string' },
        'marathon-credentials-file': { type: 'string' },
        'marathon-ca': { type: 'string' },
        'marathon-timeout': { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }));
  } catch (e) {
    return { ok: false, message: String((e as Error).message).split('\n')[0] };
  }
  // parseArgs keeps the last of a repeated option: `--mode deny --mode warn` would quietly run in warn mode.
  const seen = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== 'option' || !t.name) continue;
    if (seen.has(t.name)) return { ok: false, message: `--${t.name} is given more than once: give it once` };
    seen.add(t.name);
  }
  const help = values.help === true;
  const version = values.version === true;
  const base = { mode: 'deny' as Mode, fail: 'closed' as FailMode, marathonTimeoutMs: defaultMarathonTimeoutMs, help, version };
  if (help || version) return { ok: true, options: { ...base, host: '', port: 0, marathon: new URL('http://localhost') } };

  const listen = values.listen as string | undefined;
  if (listen === undefined) return { ok: false, message: '--listen HOST:PORT is required, e.g. --listen 0.0.0.0:8080' };
  const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(listen);
  const port = m ? Number(m[3]) : NaN;
  if (!m || port > 65535) return { ok: false, message: `--listen "${listen}" is not HOST:PORT (e.g. 127.0.0.1:8080, [::1]:8080, 0.0.0.0:0)` };
  const host = m[1] ?? m[2];

  const raw = values.marathon as string | undefined;
  if (raw === undefined) return { ok: false, message: '--marathon URL is required, e.g. --marathon http://marathon.mesos:8080' };
  let marathon: URL;
  try {
    marathon = new URL(raw);
  } catch {
    return { ok: false, message: `--marathon "${userFreeUrl(raw)}" is not a URL (e.g. http://marathon.mesos:8080)` };
  }
  if (marathon.protocol !== 'http:' && marathon.protocol !== 'https:') {
    return { ok: false, message: `--marathon "${userFreeUrl(raw)}" must be an http:// or https:// URL` };
  }
  if (marathon.search !== '' || marathon.hash !== '') return { ok: false, message: `--marathon "${userFreeUrl(raw)}" must not carry a query or fragment` };
  try {
    // What the gate's own reads make of it (the Marathon client's one parser): `user:password@` that does not
    // decode (a bare % in a password) is a usage mistake here, not an internal error once the client is built.
    parseBaseUrl(raw);
  } catch (e) {
    if (e instanceof MarathonSetupError) return { ok: false, message: `--marathon ${e.message}` };
    throw e;
  }

  const mode = (values.mode as string | undefined) ?? 'deny';
  if (mode !== 'deny' && mode !== 'warn' && mode !== 'audit') return { ok: false, message: `--mode "${mode}" is not one of deny, warn, audit` };
  const fail = (values.fail as string | undefined) ?? 'closed';
  if (fail !== 'open' && fail !== 'closed') return { ok: false, message: `--fail "${fail}" is not one of open, closed` };

  const tokenFile = values['marathon-token-file'] as string | undefined;
  const credentialsFile = values['marathon-credentials-file'] as string | undefined;
  if (tokenFile !== undefined && credentialsFile !== undefined) {
    return { ok: false, message: '--marathon-token-file and --marathon-credentials-file exclude each other: give one' };
  }
  const tlsCert = values['tls-cert'] as string | undefined;
  const tlsKey = values['tls-key'] as string | undefined;
  if ((tlsCert === undefined) !== (tlsKey === undefined)) return { ok: false, message: '--tls-cert and --tls-key go together: give both or neither' };

  const rawTimeout = values['marathon-timeout'] as string | undefined;
  let marathonTimeoutMs = defaultMarathonTimeoutMs;
  if (rawTimeout !== undefined) {
    // The same words as marathon-lint's --marathon-timeout (language-server/src/cli/args.ts).
    if (!/^\d+(\.\d+)?$/.test(rawTimeout) || Number(rawTimeout) <= 0) return { ok: false, message: `--marathon-timeout expects a number of seconds above 0, got '${rawTimeout}'` };
    // Whole ms, never 0, and within what Node's timers hold (a longer one fires at once: cluster transport.ts).
    marathonTimeoutMs = Math.min(2 ** 31 - 1, Math.max(1, Math.ceil(Number(rawTimeout) * 1000)));
  }

  return {
    ok: true,
    options: {
      ...base, host, port, marathon, mode, fail, tokenFile, credentialsFile, tlsCert, tlsKey, marathonTimeoutMs,
      config: values.config as string | undefined,
      caFile: values['marathon-ca'] as string | undefined,
    },
  };
}
