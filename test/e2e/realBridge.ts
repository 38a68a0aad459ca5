/**
 * Starts the real dvdi-bridge bundle (`agent-bridge/dist/bridge.cjs serve`) on loopback with a token file and
 * a fresh state dir. With no engine configured it serves its embedded `local` Docker volume plugin on
 * `<state>/plugins/local.sock`, so dry runs really bind-mount and release. Used by the bridge client tests
 * and the VS Code e2e.
 */
import { startServe } from '../../agent-bridge/test/serveProcess';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Tests run from the repo root (scripts/test.mjs); this file is loaded both as CJS and from ESM tests.
const bridgeBundle = resolve(process.cwd(), 'agent-bridge/dist/bridge.cjs');

export interface RealBridge {
  url: string;
  token: string;
  stateDir: string;
  /** The bridge's JSON log lines (stderr), for asserting on what reached it. */
  logs: Record<string, unknown>[];
  /** Creates a volume in the embedded local driver through its plugin socket, as `docker volume create` would. */
  createVolume(name: string): Promise<void>;
  stop(): Promise<void>;
}

/** `policy`: the bridge's --policy file content (keyed by token name; the token here is named "ext"). */
export async function startRealBridge(token = `ext-test-${Math.random().toString(16).slice(2)}${Date.now()}`, policy?: object): Promise<RealBridge> {
  if (!existsSync(bridgeBundle)) throw new Error(`${bridgeBundle} is missing: run "npm run build" first (the tests use the shipped bridge bundle).`);
  const dir = mkdtempSync(join(tmpdir(), 'md-bridge-'));
  const tokenFile = join(dir, 'tokens');
  writeFileSync(tokenFile, `ext:${token}\n`, { mode: 0o600 });
  const stateDir = join(dir, 'state');
  const policyArgs: string[] = [];
  if (policy) {
    writeFileSync(join(dir, 'policy.json'), JSON.stringify(policy));
    policyArgs.push('--policy', join(dir, 'policy.json'));
  }
  const { proc: child, url, logs, exited } = await startServe([bridgeBundle, 'serve', '--listen', '127.0.0.1:0', '--token-file', tokenFile, '--state-dir', stateDir, ...policyArgs]);
  const socketPath = join(stateDir, 'plugins/local.sock');
  return {
    url,
    token,
    stateDir,
    logs,
    createVolume: (name) =>
      new Promise((res, rej) => {
        const body = JSON.stringify({ Name: name, Opts: {} });
        const req = request({ socketPath, path: '/VolumeDriver.Create', method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (r) => {
          let text = '';
          r.on('data', (c) => (text += c));
          r.on('end', () => (r.statusCode === 200 && !JSON.parse(text).Err ? res() : rej(new Error(`VolumeDriver.Create ${name}: HTTP ${r.statusCode} ${text}`))));
        });
        req.on('error', rej);
        req.end(body);
      }),
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Mount points under `dir` in this process's mount table: a dry run must leave none behind. */
export function mountsUnder(dir: string): string[] {
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((l) => l.split(' ')[4])
    .filter((p): p is string => !!p && p.startsWith(dir));
}
