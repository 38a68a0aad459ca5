/**
 * A small real LSP client for tests: spawns the bundled server (`language-server/dist/server.cjs --stdio`)
 * and talks JSON-RPC over its stdio with vscode-jsonrpc's node transport. No mocks.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before } from 'node:test';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** MARATHON_SERVER_BUNDLE lets a test run point at another build of the same entry. */
export const serverBundle = process.env.MARATHON_SERVER_BUNDLE ?? join(repoRoot, 'language-server/dist/server.cjs');
export const corpusDir = join(repoRoot, '../shared/corpus');

export interface Published {
  uri: string;
  version?: number;
  diagnostics: any[];
}

export interface TestClient {
  conn: MessageConnection;
  proc: ChildProcess;
  published: Published[];
  statuses: any[];
  /** `marathon/clusterStatus` notifications, in order. */
  clusterStatuses: any[];
  /** Resolves with the first cluster status (already received or next) that satisfies pred. */
  waitClusterStatus(pred: (s: any) => boolean, timeoutMs?: number): Promise<any>;
  logs: string[];
  /** window/showMessage notifications (type and message). */
  messages: { type: number; message: string }[];
  /** Resolves with the next publishDiagnostics for uri that satisfies pred. */
  waitDiagnostics(uri: string, pred?: (p: Published) => boolean, timeoutMs?: number): Promise<Published>;
  open(uri: string, text: string, version?: number): Promise<void>;
  change(uri: string, text: string, version: number): Promise<void>;
  close(uri: string): Promise<void>;
  shutdown(): Promise<number | null>;
}

export interface ClientOptions {
  /** Advertise pull diagnostics (textDocument.diagnostic). Default false: push. */
  pull?: boolean;
  /** Answer to workspace/configuration for section `marathon`. */
  settings?: () => unknown;
  rootUri?: string;
  /** Extra environment for the server process (e.g. MARATHON_CLUSTER_TOKEN). */
  env?: NodeJS.ProcessEnv;
}

export async function startClient(opts: ClientOptions = {}): Promise<TestClient> {
  if (!existsSync(serverBundle)) throw new Error(`${serverBundle} missing: run npm run build first`);
  const proc = spawn(process.execPath, [serverBundle, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], ...(opts.env ? { env: { ...process.env, ...opts.env } } : {}) });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const published: Published[] = [];
  const statuses: any[] = [];
  const logs: string[] = [];
  const messages: { type: number; message: string }[] = [];
  const waiters: { uri: string; pred: (p: Published) => boolean; resolve: (p: Published) => void }[] = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: Published) => {
    published.push(p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.pred(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  conn.onNotification('marathon/status', (s) => void statuses.push(s));
  const clusterStatuses: any[] = [];
  const clusterWaiters: { pred: (s: any) => boolean; resolve: (s: any) => void }[] = [];
  conn.onNotification('marathon/clusterStatus', (s) => {
    clusterStatuses.push(s);
    for (const w of [...clusterWaiters]) {
      if (!w.pred(s)) continue;
      clusterWaiters.splice(clusterWaiters.indexOf(w), 1);
      w.resolve(s);
    }
  });
  conn.onNotification('window/showMessage', (m: { type: number; message: string }) => void messages.push(m));
  conn.onNotification('window/logMessage', (m: { message: string }) => void logs.push(m.message));
  conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => opts.settings?.() ?? {}));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/diagnostic/refresh', () => null);
  conn.listen();

  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: opts.rootUri ?? null,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } },
      textDocument: {
        ...(opts.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        publishDiagnostics: { versionSupport: true },
        completion: { completionItem: { snippetSupport: true } },
        hover: { contentFormat: ['markdown'] },
      },
    },
  });
  await conn.sendNotification('initialized', {});

  const client: TestClient = {
    conn,
    proc,
    published,
    statuses,
    clusterStatuses,
    waitClusterStatus(pred, timeoutMs = 10_000) {
      const seen = clusterStatuses.find(pred);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching marathon/clusterStatus within ${timeoutMs} ms; got ${JSON.stringify(clusterStatuses.map((c) => c.text))}`)), timeoutMs);
        clusterWaiters.push({ pred, resolve: (s) => (clearTimeout(timer), resolve(s)) });
      });
    },
    logs,
    messages,
    waitDiagnostics(uri, pred = () => true, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ uri, pred, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
    open: (uri, text, version = 1) => conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version, text } }),
    change: (uri, text, version) => conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] }),
    close: (uri) => conn.sendNotification('textDocument/didClose', { textDocument: { uri } }),
    async shutdown() {
      const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      const code = await exited;
      conn.dispose();
      return code;
    },
  };
  return client;
}

/** Offset of the `|` cursor marker and the text without it. */
export function cursor(textWithBar: string): { text: string; offset: number } {
  const offset = textWithBar.indexOf('|');
  return { text: textWithBar.slice(0, offset) + textWithBar.slice(offset + 1), offset };
}

export function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Applies LSP text edits (non-overlapping) to text. */
export function applyEdits(text: string, edits: { range: { start: any; end: any }; newText: string }[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const off = (p: { line: number; character: number }) => (lineStarts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}

/**
 * A server in pull mode for the calling file's tests (started before them, shut down after, exit code 0 asserted),
 * with `pull(uri)`: the document's diagnostics as `textDocument/diagnostic` answers them.
 */
export function pullModeServer(): { readonly client: TestClient; pull(uri: string): Promise<any[]> } {
  const lab = {
    client: undefined as unknown as TestClient,
    pull: async (uri: string) => ((await lab.client.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as any).items as any[],
  };
  before(async () => {
    lab.client = await startClient({ pull: true });
  });
  after(async () => {
    assert.equal(await lab.client.shutdown(), 0);
  });
  return lab;
}
