// The two language servers the lsp bench sections drive, both real processes over stdio: marathon-language-server
// (our bundle) and vscode-json-language-server (vscode-langservers-extracted, the JSON server VS Code runs, given our
// group schema through its `json.schemas` setting, as a user would configure it). Shared by bench/lsp.mjs and
// bench/lspRequests.mjs.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { makeApp } from './gen.mjs';

const require = createRequire(import.meta.url);
export const uri = 'file:///bench/group.json';

export function groupText(n) {
  const apps = Array.from({ length: n }, (_, i) => makeApp(i));
  return JSON.stringify({ id: '/bench', apps }, null, 2);
}

/**
 * Where the two servers are, and the JSON server's settings; `skip` says why the section cannot run
 * (a bundle not built, vscode-langservers-extracted not installed).
 */
export function serverSetup(ctx) {
  const bundle = process.env.MARATHON_SERVER_BUNDLE ?? join(ctx.root, 'language-server/dist/server.cjs');
  if (!existsSync(bundle)) return { skip: `${bundle} missing: run npm run build` };
  let jsonServer;
  try {
    jsonServer = require.resolve('vscode-langservers-extracted/lib/json-language-server/node/jsonServerMain.js');
  } catch {
    return { skip: '(skipped: vscode-langservers-extracted is not installed; run npm ci)' };
  }
  const schema = JSON.parse(readFileSync(join(ctx.root, 'schema/marathon-group.schema.json'), 'utf8'));
  // VS Code's own settings shape: the schema inline, matched to every .json file; validation on.
  const jsonSettings = { json: { validate: { enable: true }, schemas: [{ fileMatch: ['*.json'], url: schema.$id, schema }] } };
  // MARATHON_LSP_CPU_PROF=<dir> writes a V8 CPU profile of each server (open it in Chrome DevTools).
  return { bundle, jsonServer, jsonSettings, profileDir: process.env.MARATHON_LSP_CPU_PROF };
}

/**
 * Starts a language server over stdio. `pull`: the client announces pull diagnostics (both servers then answer
 * `textDocument/diagnostic` without a debounce); otherwise both push `publishDiagnostics` after their own debounce.
 */
export async function startServer(argv, { pull, settings, profileDir }) {
  const rpc = require('vscode-jsonrpc/node');
  const prof = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const proc = spawn(process.execPath, [...prof, ...argv, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
  const statuses = [];
  const waiters = [];
  conn.onNotification('marathon/status', (s) => statuses.push(s));
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    if (p.uri !== uri) return;
    for (const w of waiters.splice(0)) w(p);
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.listen();
  const textDocument = { completion: { completionItem: { snippetSupport: true } }, ...(pull ? { diagnostic: {} } : {}) };
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument, workspace: { configuration: true } } });
  await conn.sendNotification('initialized', {});
  if (settings) await conn.sendNotification('workspace/didChangeConfiguration', { settings });
  const nextPublish = () => new Promise((resolve) => waiters.push(resolve));
  const stop = async () => {
    await conn.sendRequest('shutdown').catch(() => undefined);
    await conn.sendNotification('exit').catch(() => undefined);
    // Let the server exit on its own after `exit`, so a CPU profile gets written.
    await new Promise((r) => {
      const t = setTimeout(() => (proc.kill(), r()), 2000);
      proc.once('exit', () => (clearTimeout(t), r()));
    });
  };
  return { conn, statuses, nextPublish, stop };
}

