// Bench section "lsp": marathon-language-server against vscode-json-language-server (vscode-langservers-extracted,
// the JSON server VS Code runs, given our group schema through its `json.schemas` setting), both as real processes
// over stdio, on one 1,000-app group. Issue 14's goal: edit → pushed diagnostics ≤ 0.3× the JSON server's time,
// each server with its own debounce (ours 150 ms, language-server/src/server/validation.ts; the JSON server's
// 500 ms, its utils/validation.js). Also the same edit pulled (`textDocument/diagnostic`, no debounce on either
// side). Then completion and hover latency of both, on each --sizes group (bench/lspRequests.mjs).
// Contract of scripts/bench.mjs: `title` and `run(ctx)` → lines of text.
import { median } from './measure.mjs';
import { groupText, serverSetup, startServer, uri } from './lspServer.mjs';
import { requestLatency, requestLines } from './lspRequests.mjs';

export const title = 'Language server: edit → diagnostics on a 1,000-app group, completion and hover on each size, vs vscode-json-language-server';

/**
 * The keystroke: one letter of a port mapping's `"protocol": "tcp"` in the middle app, alternating between a
 * value both servers reject ("tcx") and the valid one, so every version's diagnostics differ from the last
 * (a server may skip re-publishing identical diagnostics) and both servers have the same finding to report.
 */
function protocolEdits(text) {
  const key = text.indexOf('"protocol": "tcp"', text.length / 2);
  const at = key + '"protocol": "tc'.length;
  const before = text.slice(0, at);
  const start = { line: before.split('\n').length - 1, character: at - (before.lastIndexOf('\n') + 1) };
  const range = { start, end: { line: start.line, character: start.character + 1 } };
  return (i) => ({ range, text: i % 2 === 0 ? 'x' : 'p' });
}

/** didChange → the next publishDiagnostics for the document (push, with the server's own debounce). */
async function pushed(server, change, version) {
  const t0 = performance.now();
  const published = server.nextPublish();
  await server.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
  const p = await published;
  return { ms: performance.now() - t0, count: p.diagnostics.length };
}

/** didChange → the answer to textDocument/diagnostic (pull: no debounce on either side). */
async function pulled(server, change, version) {
  const t0 = performance.now();
  await server.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
  const r = await server.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  return { ms: performance.now() - t0, count: r.items.length };
}

/** Both servers get the same edits, interleaved, so load on a shared host hits both alike. */
async function compare(ours, theirs, text, edit, measure, { warmup, runs }) {
  const openParams = { textDocument: { uri, languageId: 'json', version: 1, text } };
  const opened = [ours.nextPublish(), theirs.nextPublish()];
  await ours.conn.sendNotification('textDocument/didOpen', openParams);
  await theirs.conn.sendNotification('textDocument/didOpen', openParams);
  if (measure === pushed) await Promise.all(opened); // the initial validation, so it is not timed with the first edit
  const times = { ours: [], theirs: [] };
  const counts = { ours: new Set(), theirs: new Set() };
  let first;
  for (let i = 0; i < warmup + runs; i++) {
    const a = await measure(ours, edit(i), i + 2);
    const b = await measure(theirs, edit(i), i + 2);
    if (i === 0) first = { ours: a.ms, theirs: b.ms };
    counts.ours.add(a.count);
    counts.theirs.add(b.count);
    if (i < warmup) continue;
    times.ours.push(a.ms);
    times.theirs.push(b.ms);
  }
  return { ours: median(times.ours), theirs: median(times.theirs), first, counts };
}

export async function run(ctx) {
  const setup = serverSetup(ctx);
  if (setup.skip) return [setup.skip];
  const { bundle, jsonServer, jsonSettings, profileDir } = setup;
  const n = 1000;
  const text = groupText(n);
  const edit = protocolEdits(text);
  // perf-anchors.md §2.3: warm-up keystrokes before timing, since V8 needs several lints of a 1 MB document to
  // optimise either server; the first edit is printed on its own as well.
  const warmup = 10;
  const runs = Math.max(ctx.runs, 11);

  ctx.log('bench lsp: push (each server with its own debounce)');
  let push;
  {
    const ours = await startServer([bundle], { pull: false, profileDir });
    const theirs = await startServer([jsonServer], { pull: false, settings: jsonSettings, profileDir });
    try {
      push = await compare(ours, theirs, text, edit, pushed, { warmup, runs });
      push.lint = median(ours.statuses.slice(-runs).map((s) => s.validationTimeMs));
    } finally {
      await Promise.all([ours.stop(), theirs.stop()]);
    }
  }

  ctx.log('bench lsp: pull (no debounce)');
  let pull;
  {
    const ours = await startServer([bundle], { pull: true, profileDir });
    const theirs = await startServer([jsonServer], { pull: true, settings: jsonSettings, profileDir });
    try {
      pull = await compare(ours, theirs, text, edit, pulled, { warmup, runs });
    } finally {
      await Promise.all([ours.stop(), theirs.stop()]);
    }
  }

  const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
  const ms = (x) => `${x.toFixed(1)} ms`;
  const counts = (s) => [...s].sort((a, b) => a - b).join(' / ');
  return [
    `${n} apps, ${(text.length / 1024).toFixed(0)} KiB; edit: one letter of "protocol" in the middle app ("tcp" ↔ "tcx"), median of ${runs} edits ` +
      `after ${warmup} warm-up, the two servers interleaved; diagnostics per version: ours ${counts(push.counts.ours)}, JSON server ${counts(push.counts.theirs)}`,
    '',
    '| measure | marathon-language-server | vscode-json-language-server | ratio | goal |',
    '| --- | ---: | ---: | ---: | --- |',
    `| didChange → publishDiagnostics (push, each server's own debounce: 150 ms / 500 ms) | ${ms(push.ours)} | ${ms(push.theirs)} | ${ratio(push.ours, push.theirs)} | ≤ 0.3× |`,
    `| of which: engine lint inside our server (marathon/status) | ${ms(push.lint)} | | | |`,
    `| didChange → textDocument/diagnostic answer (pull, no debounce) | ${ms(pull.ours)} | ${ms(pull.theirs)} | ${ratio(pull.ours, pull.theirs)} | |`,
    `| first edit after didOpen (cold JIT), pull | ${ms(pull.first.ours)} | ${ms(pull.first.theirs)} | ${ratio(pull.first.ours, pull.first.theirs)} | |`,
    '',
    ...requestLines(await requestLatency(ctx, setup), ctx.runs),
  ];
}
