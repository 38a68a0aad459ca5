// Bench section "lsp": the language server on a 1,000-app group, over stdio like an editor.
// - diagnostics: didChange → textDocument/diagnostic answer (pull, so no debounce is timed), and the
//   server's own lint time from marathon/status;
// - completion latency at a property-name position inside an app;
// side by side with VS Code's JSON language service (in-process, warm) validating the same text with our
// group schema. Goal: diagnostics ≤ 0.3× of vscode-json-languageservice, completion < 20 ms.
// Contract of scripts/bench.mjs: `title` and `run(ctx)` → lines of text.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { makeApp } from './gen.mjs';
import { median } from './measure.mjs';

export const title = 'Language server: diagnostics and completion on a 1,000-app group';

const require = createRequire(import.meta.url);

function groupText(n) {
  const apps = Array.from({ length: n }, (_, i) => makeApp(i));
  return JSON.stringify({ id: '/bench', apps }, null, 2);
}

async function startServer(bundle) {
  const rpc = require('vscode-jsonrpc/node');
  // MARATHON_LSP_CPU_PROF=<dir> writes a V8 CPU profile of the server (open it in Chrome DevTools).
  const prof = process.env.MARATHON_LSP_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.MARATHON_LSP_CPU_PROF}`] : [];
  const proc = spawn(process.execPath, [...prof, bundle, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
  const statuses = [];
  conn.onNotification('marathon/status', (s) => statuses.push(s));
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { diagnostic: {} }, workspace: { configuration: true } } });
  await conn.sendNotification('initialized', {});
  return { conn, proc, statuses };
}

async function timeJsonService(text, schema, runs) {
  const { getLanguageService, TextDocument } = require('vscode-json-languageservice');
  const ls = getLanguageService({ schemaRequestService: () => Promise.reject(new Error('offline')) });
  ls.configure({ validate: true, schemas: [{ uri: schema.$id, fileMatch: ['*.json'], schema }] });
  const times = [];
  for (let i = 0; i <= runs; i++) {
    // A new version each time, as after an edit: parse + validate, nothing cached.
    const doc = TextDocument.create('file:///bench/group.json', 'json', i + 1, text + ' '.repeat(i));
    const t0 = performance.now();
    await ls.doValidation(doc, ls.parseJSONDocument(doc), { schemaValidation: 'error' });
    if (i > 0) times.push(performance.now() - t0); // run 0 warms up schema compilation
  }
  return median(times);
}

export async function run(ctx) {
  const runs = Math.max(ctx.runs, 5);
  const bundle = process.env.MARATHON_SERVER_BUNDLE ?? join(ctx.root, 'language-server/dist/server.cjs');
  if (!existsSync(bundle)) return [`${bundle} missing: run npm run build`];
  const n = 1000;
  const text = groupText(n);
  const schema = JSON.parse(readFileSync(join(ctx.root, 'schema/marathon-group.schema.json'), 'utf8'));
  const uri = 'file:///bench/group.json';

  const { conn, proc, statuses } = await startServer(bundle);
  try {
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
    await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } }); // warm-up
    const roundTrips = [];
    let findings = 0;
    for (let v = 2; v <= runs + 1; v++) {
      // An editor sends incremental changes: one space typed at the very start (same content, new version).
      const t0 = performance.now();
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }] });
      const r = await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      roundTrips.push(performance.now() - t0);
      findings = r.items.length;
    }
    const lintMs = median(statuses.slice(-runs).map((s) => s.validationTimeMs));

    // Completion: a property name inside the middle app's object (after its "cmd" value).
    const current = ' '.repeat(runs) + text; // after the typed spaces
    const at = current.indexOf('"cmd"', current.length / 2);
    const before = current.slice(0, at);
    const position = { line: before.split('\n').length - 1, character: at - (before.lastIndexOf('\n') + 1) };
    const completions = [];
    let items = 0;
    for (let i = 0; i <= runs; i++) {
      const t0 = performance.now();
      const r = await conn.sendRequest('textDocument/completion', { textDocument: { uri }, position });
      if (i > 0) completions.push(performance.now() - t0);
      items = r.items.length;
    }
    const jsonMs = await timeJsonService(text, schema, runs);
    const diagMs = median(roundTrips);
    const complMs = median(completions);
    return [
      `${n} apps, ${(text.length / 1024).toFixed(0)} KiB, ${findings} findings; median of ${runs}`,
      '',
      '| measure | marathon-language-server | vscode-json-languageservice | ratio | goal |',
      '| --- | ---: | ---: | ---: | --- |',
      `| didChange (incremental) → diagnostics, round trip over stdio | ${diagMs.toFixed(1)} ms | ${jsonMs.toFixed(1)} ms (in-process) | ${(diagMs / jsonMs).toFixed(2)}× | ≤ 0.3× |`,
      `| lint time inside the server (marathon/status) | ${lintMs.toFixed(1)} ms | ${jsonMs.toFixed(1)} ms | ${(lintMs / jsonMs).toFixed(2)}× | ≤ 0.3× |`,
      `| completion (${items} items) | ${complMs.toFixed(1)} ms | | | < 20 ms |`,
    ];
  } finally {
    await conn.sendRequest('shutdown').catch(() => undefined);
    await conn.sendNotification('exit').catch(() => undefined);
    // Let the server exit on its own after `exit`, so a CPU profile gets written.
    await new Promise((r) => {
      const t = setTimeout(() => (proc.kill(), r()), 2000);
      proc.once('exit', () => (clearTimeout(t), r()));
    });
  }
}
