/**
 * `dvdi-bridge dry-run`: a one-shot client over the shared bridge client (client/bridgeClient.ts). Sends one
 * volume/dryRunMount, shows progress on stderr as it arrives, then prints the steps and the verdict on stdout.
 * Ctrl-C (or --timeout) sends $/cancelRequest and still waits for the bridge's answer, because the bridge
 * unmounts before it answers; a second Ctrl-C stops waiting.
 */
import { readFileSync } from 'node:fs';
import type { DryRunMountParams, DryRunMountResult, EngineName } from '../dryrun/index';
import { BridgeConnection } from '../client/bridgeClient';
import { BridgeError } from '../client/bridgeErrors';
import { parseFlags, UsageError } from './args';
import { readClientToken } from './clientToken';
import { tlsPairProblem } from '../security/tlsPair';

/** setTimeout's largest delay (about 24.8 days). */
const maxTimerMs = 2 ** 31 - 1;
const OK_VERDICTS = new Set(['mounted-and-released', 'would-create']);

function buildParams(f: ReturnType<typeof parseFlags>): DryRunMountParams {
  const driver = f.strings.get('driver');
  const name = f.strings.get('name');
  if (!driver || !name) throw new UsageError('dry-run: --driver D and --name N are required');
  const params: DryRunMountParams = { driver, name };
  for (const kv of f.lists.get('option') ?? []) {
    const eq = kv.indexOf('=');
    if (eq <= 0) throw new UsageError(`dry-run: --option ${kv} is not k=v (dvdcli would panic on an option without "=")`);
    (params.options ??= {})[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  const mode = f.strings.get('mode');
  if (mode !== undefined) {
    if (mode !== 'RW' && mode !== 'RO') throw new UsageError('dry-run: --mode must be RW or RO');
    params.mode = mode;
  }
  const engine = f.strings.get('engine');
  if (engine !== undefined) params.engine = engine as EngineName; // the bridge names the valid values if wrong
  const cp = f.strings.get('container-path');
  if (cp !== undefined) params.containerPath = cp;
  if (f.bools.has('allow-create')) params.allowCreate = true;
  return params;
}

function formatResult(r: DryRunMountResult): string {
  const width = Math.max(4, ...r.steps.map((s) => s.step.length));
  const lines = r.steps.map((s) => `  ${s.ok ? 'ok  ' : 'FAIL'}  ${s.step.padEnd(width)}  ${String(s.ms).padStart(6)} ms${s.detail ? `  ${s.detail}` : ''}`);
  for (const w of r.warnings) lines.push(`  warning: ${w}`);
  if (r.mountpoint) lines.push(`  mountpoint: ${r.mountpoint}`);
  lines.push(`verdict: ${r.verdict}`);
  return lines.join('\n') + '\n';
}

function isResult(v: unknown): v is DryRunMountResult {
  return typeof v === 'object' && v !== null && Array.isArray((v as DryRunMountResult).steps);
}

/**
 * The bridge URL a user meant by an http(s):// URL, another scheme's (Docker's tcp://) or a bare HOST:PORT, with the
 * bridge's path /v1. A scheme is any, in any case (RFC 3986 §3.1): "ws://tcp://…" is no URL to suggest.
 */
function wsUrlFor(given: string): string {
  const m = /^(?:([A-Za-z][A-Za-z0-9+.-]*):\/\/)?([^/]*)(\/.*)?$/.exec(given);
  if (!m || m[2] === '') return 'ws://HOST:PORT/v1';
  return `${/^(?:https|wss)$/i.test(m[1] ?? '') ? 'wss' : 'ws'}://${m[2]}${m[3] && m[3] !== '/' ? m[3] : '/v1'}`;
}

/** Resolves with the process exit status. */
export async function dryRun(argv: string[]): Promise<number> {
  const f = parseFlags(argv, {
    url: 'string', 'token-file': 'string', 'token-name': 'string', driver: 'string', name: 'string', option: 'list',
    engine: 'string', mode: 'string', 'container-path': 'string', 'allow-create': 'bool', ca: 'string', cert: 'string',
    key: 'string', json: 'bool', timeout: 'string',
  }, 'dry-run');
  const url = f.strings.get('url');
  if (!url) throw new UsageError('dry-run: --url ws://HOST:PORT/v1 (or wss://) is required');
  // WS:// and wss:// alike: a scheme is case-insensitive (RFC 3986 §3.1), and the websocket client lower-cases it.
  if (!/^wss?:\/\//i.test(url)) throw new UsageError(`dry-run: --url ${url} is not a websocket URL: write ${wsUrlFor(url)} (wss:// for a bridge serving TLS)`);
  const tokenFile = f.strings.get('token-file');
  if (!tokenFile) throw new UsageError('dry-run: --token-file FILE is required');
  const token = readClientToken(tokenFile, f.strings.get('token-name'));
  const params = buildParams(f);
  const timeoutS = Number(f.strings.get('timeout') ?? 900);
  if (!(timeoutS > 0)) throw new UsageError('dry-run: --timeout must be a positive number of seconds');
  const read = (flag: string) => {
    const p = f.strings.get(flag);
    if (p === undefined) return undefined;
    try {
      return readFileSync(p);
    } catch (e) {
      throw new UsageError(`dry-run: --${flag} ${p}: ${(e as Error).message}`);
    }
  };
  // Read and checked before connecting: a client certificate that is no PEM would otherwise surface as a failed
  // "TLS handshake with the agent", blaming the agent for the local file.
  const ca = read('ca');
  const cert = read('cert');
  const key = read('key');
  if (!!cert !== !!key) throw new UsageError('dry-run: --cert and --key go together; give both or neither');
  const pairProblem = cert && key ? tlsPairProblem(cert, key, { cert: f.strings.get('cert')!, key: f.strings.get('key')! }, { cert: '--cert', key: '--key' }) : undefined;
  if (pairProblem) throw new UsageError(`dry-run: ${pairProblem}`);
  const json = f.bools.has('json');
  const say = (s: string) => process.stderr.write(s.endsWith('\n') ? s : s + '\n');

  let conn: BridgeConnection;
  // Ctrl+C while connecting (an agent that accepts the connection but never answers) gives up at once.
  const connecting = new AbortController();
  const onConnectSigint = () => connecting.abort();
  process.on('SIGINT', onConnectSigint);
  try {
    conn = await BridgeConnection.connect(url, token, { ca, cert, key, signal: connecting.signal });
  } catch (e) {
    say(`dry-run: ${(e as Error).message}`);
    return e instanceof BridgeError && e.kind === 'cancelled' ? 130 : 2;
  } finally {
    process.off('SIGINT', onConnectSigint);
  }
  const abort = new AbortController();
  const cancel = (why: string) => {
    say(`dry-run: ${why}; asking the bridge to cancel (it unmounts before answering)…`);
    abort.abort();
  };
  let interrupts = 0;
  let gaveUp!: (code: number) => void;
  const stopWaiting = new Promise<number>((resolve) => (gaveUp = resolve));
  const onSigint = () => {
    if (++interrupts === 1) return cancel('interrupted');
    say('dry-run: interrupted twice; not waiting for the bridge to confirm the unmount');
    gaveUp(130);
  };
  process.on('SIGINT', onSigint);
  // A longer delay than a timer holds would fire after 1 ms (TimeoutOverflowWarning) and cancel every dry run at
  // once: a generous --timeout (1e10, Infinity) means "wait as long as it takes", so it is capped instead.
  const timer = setTimeout(() => cancel(`no answer after ${timeoutS} s`), Math.min(timeoutS * 1000, maxTimerMs));
  const run = conn
    .dryRunMount(params, (p) => void (json || say(`  … ${p.step} ${p.status}`)), abort.signal, maxTimerMs) // --timeout is ours: it cancels and still waits for the unmount
    .then(
      (r) => {
        process.stdout.write(json ? JSON.stringify(r, null, 2) + '\n' : formatResult(r));
        return OK_VERDICTS.has(r.verdict) ? 0 : 1;
      },
      (e: unknown) => {
        const data = e instanceof BridgeError ? e.rpc?.data : undefined;
        if (json && e instanceof BridgeError && e.rpc) process.stdout.write(JSON.stringify({ code: e.rpc.code, message: e.message, data }, null, 2) + '\n');
        else if (isResult(data)) process.stdout.write(formatResult(data));
        say(`dry-run: ${(e as Error).message}`);
        return e instanceof BridgeError && e.kind === 'cancelled' ? 130 : 2;
      },
    );
  try {
    return await Promise.race([run, stopWaiting]);
  } finally {
    clearTimeout(timer);
    process.off('SIGINT', onSigint);
    conn.close();
  }
}
