/**
 * `dvdi-bridge dry-run`: a one-shot client. Connects, sends one volume/dryRunMount, shows progress on stderr
 * as it arrives, then prints the steps and the verdict on stdout. Ctrl-C (or --timeout) sends $/cancelRequest
 * and still waits for the bridge's answer, because the bridge unmounts before it answers.
 */
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import type { DryRunMountParams, DryRunMountResult, EngineName } from '../dryrun/index';
import { parseFlags, UsageError } from './args';
import { readClientToken } from './clientToken';

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

export function formatResult(r: DryRunMountResult): string {
  const width = Math.max(4, ...r.steps.map((s) => s.step.length));
  const lines = r.steps.map((s) => `  ${s.ok ? 'ok  ' : 'FAIL'}  ${s.step.padEnd(width)}  ${String(s.ms).padStart(6)} ms${s.detail ? `  ${s.detail}` : ''}`);
  for (const w of r.warnings) lines.push(`  warning: ${w}`);
  if (r.mountpoint) lines.push(`  mountpoint: ${r.mountpoint}`);
  lines.push(`verdict: ${r.verdict}`);
  return lines.join('\n') + '\n';
}

/** Resolves with the process exit status. */
export async function dryRun(argv: string[]): Promise<number> {
  const f = parseFlags(argv, {
    url: 'string', 'token-file': 'string', 'token-name': 'string', driver: 'string', name: 'string', option: 'list',
    engine: 'string', mode: 'string', 'container-path': 'string', 'allow-create': 'bool', ca: 'string', cert: 'string',
    key: 'string', json: 'bool', timeout: 'string',
  }, 'dry-run');
  const url = f.strings.get('url');
  if (!url || !/^wss?:\/\//.test(url)) throw new UsageError('dry-run: --url ws://HOST:PORT/v1 (or wss://) is required');
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
  const ws = new WebSocket(url, { headers: { authorization: `Bearer ${token}` }, ca: read('ca'), cert: read('cert'), key: read('key'), maxPayload: 16 * 1024 * 1024 });

  return new Promise<number>((resolve) => {
    let settled = false;
    const finish = (code: number, out?: string, err?: string) => {
      if (settled) return;
      settled = true;
      if (out) process.stdout.write(out);
      if (err) process.stderr.write(err.endsWith('\n') ? err : err + '\n');
      clearTimeout(timer);
      process.off('SIGINT', onSigint);
      // A clean close lets the bridge log "disconnected" with 1000 rather than an abnormal 1006.
      if (ws.readyState === ws.OPEN) {
        ws.close(1000);
        setTimeout(() => ws.terminate(), 500).unref();
      } else ws.terminate();
      resolve(code);
    };
    let cancelling = false;
    const cancel = (why: string) => {
      if (cancelling) return finish(130, undefined, 'dry-run: interrupted twice; not waiting for the bridge to confirm the unmount');
      cancelling = true;
      process.stderr.write(`dry-run: ${why}; asking the bridge to cancel (it unmounts before answering)…\n`);
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 1 } }));
      else finish(2);
    };
    const onSigint = () => cancel('interrupted');
    process.on('SIGINT', onSigint);
    const timer = setTimeout(() => cancel(`no answer after ${timeoutS} s`), timeoutS * 1000);

    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => {
        let detail = body;
        try {
          detail = JSON.parse(body).error ?? body;
        } catch { /* not JSON: show it as is */ }
        finish(2, undefined, `dry-run: the bridge refused the connection: HTTP ${res.statusCode}: ${detail}`);
      });
    });
    ws.on('error', (e) => finish(2, undefined, `dry-run: cannot talk to ${url}: ${e.message}${/ECONNREFUSED/.test(e.message) ? ' (is dvdi-bridge serve running there?)' : ''}`));
    ws.on('close', (code, reason) => finish(2, undefined, `dry-run: the bridge closed the connection (${code}${reason.length ? ` ${reason}` : ''}) before answering`));
    ws.on('open', () => ws.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'volume/dryRunMount', params })));
    ws.on('message', (data) => {
      let m: any;
      try {
        m = JSON.parse(data.toString());
      } catch {
        return finish(2, undefined, 'dry-run: the bridge sent something that is not JSON');
      }
      if (m.method === 'volume/dryRunProgress') {
        if (!f.bools.has('json')) process.stderr.write(`  … ${m.params?.step} ${m.params?.status}\n`);
        return;
      }
      if (m.id !== 1) return;
      if (m.error) {
        const steps = m.error.data?.steps ? formatResult(m.error.data as DryRunMountResult) : '';
        if (f.bools.has('json')) return finish(m.error.code === -32800 ? 130 : 2, JSON.stringify(m.error, null, 2) + '\n');
        return finish(m.error.code === -32800 ? 130 : 2, steps, `dry-run: ${m.error.message} (JSON-RPC error ${m.error.code})`);
      }
      const r = m.result as DryRunMountResult;
      finish(OK_VERDICTS.has(r.verdict) ? 0 : 1, f.bools.has('json') ? JSON.stringify(r, null, 2) + '\n' : formatResult(r));
    });
  });
}
