// Part of bench section "lsp": what a keystroke's completion and a hover cost in each server, on groups of each
// size (--sizes), at the first, middle and last app, both servers real processes over stdio (bench/lspServer.mjs).
// Three cases per request: again on the same version (the editor asks twice), right after a keystroke that leaves
// valid JSON (a letter of the app's `cmd`), and right after typing a new key (`"c"` on a line of its own above
// `cmd`: the text is no longer JSON, which is what completion sees while the user types). The client announces pull
// diagnostics and never pulls, so no lint of either server is timed with a request unless the request itself
// runs one. The two servers get the same edits, interleaved, so load on a shared host hits both alike.
import { median } from './measure.mjs';
import { groupText, startServer, uri } from './lspServer.mjs';

/** LSP position of an offset (the bench's text has \n line ends and no astral characters). */
function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/** The spots of app `i`: its `cmd` key's line, a letter of its value, where a typed key goes. */
function spots(text, i) {
  const id = text.indexOf(`"/bench/app-${String(i).padStart(5, '0')}"`);
  const cmd = text.indexOf('"cmd"', id);
  const cmdPos = positionAt(text, cmd);
  const letter = text.indexOf('exec', cmd) + 3; // the `c` of "exec": alternately `q` and back
  const lineStart = cmd - cmdPos.character;
  const indent = text.slice(lineStart, cmd);
  return {
    /** Completion: a new key above `cmd` (at the key's opening quote: before the property, not in its key). */
    complete: cmdPos,
    /** Hover: inside the `cmd` key. */
    hover: { line: cmdPos.line, character: cmdPos.character + 2 },
    letter: (k) => ({ range: { start: positionAt(text, letter), end: positionAt(text, letter + 1) }, text: k % 2 === 0 ? 'q' : 'c' }),
    /** `"c"` typed on a new line above `cmd` (the editor closes the quote), then taken out again. */
    typeKey: { range: { start: { line: cmdPos.line, character: 0 }, end: { line: cmdPos.line, character: 0 } }, text: `${indent}"c"\n` },
    untypeKey: { range: { start: { line: cmdPos.line, character: 0 }, end: { line: cmdPos.line + 1, character: 0 } }, text: '' },
    /** Completion inside the typed key, after its `c`. */
    inTypedKey: { line: cmdPos.line, character: indent.length + 2 },
  };
}

const requests = {
  completion: (server, position) => server.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position }),
  hover: (server, position) => server.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position }),
};

async function timed(server, request, position) {
  const t0 = performance.now();
  const r = await requests[request](server, position);
  return { ms: performance.now() - t0, r };
}

/** One cell: `rounds` of (edit, request) on each server in turn; the last `runs` timed. Returns the medians. */
async function cell(servers, state, { request, edit, position, warmup, runs }) {
  const times = servers.map(() => []);
  let items;
  for (let k = 0; k < warmup + runs; k++) {
    const changes = edit ? edit(k) : [];
    for (const [s, server] of servers.entries()) {
      for (const c of changes) {
        const version = ++state.versions[s];
        await server.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [c.change] });
        // An untimed request on an intermediate version (taking a typed key out again), as an editor would send one.
        if (!c.timed) await requests[request](server, c.position ?? position);
      }
      const { ms, r } = await timed(server, request, changes.at(-1)?.position ?? position);
      if (k >= warmup) times[s].push(ms);
      if (s === 0 && request === 'completion') items = r?.items?.length ?? r?.length ?? 0;
    }
  }
  return { medians: times.map(median), items };
}

/**
 * `[ours, theirs]` medians per (size, request, case, where). Each server is started once per size; the document is
 * opened and asked once (its first tree, or parse, and V8's warm-up are not timed).
 */
export async function requestLatency(ctx, { bundle, jsonServer, jsonSettings, profileDir }) {
  const warmup = 3;
  // An odd count of timed rounds after 3 warm-ups: the letter goes back to what it was by the end of each cell.
  const runs = Math.max(ctx.runs, 5) | 1;
  const table = [];
  for (const n of ctx.sizes) {
    const text = groupText(n);
    ctx.log(`bench lsp: completion and hover, ${n} apps`);
    const servers = [await startServer([bundle], { pull: true, profileDir }), await startServer([jsonServer], { pull: true, settings: jsonSettings, profileDir })];
    try {
      for (const server of servers) await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
      const state = { versions: servers.map(() => 1) };
      const where = { start: spots(text, 0), middle: spots(text, Math.floor(n / 2)), end: spots(text, n - 1) };
      for (const s of Object.values(where)) for (const server of servers) await requests.hover(server, s.hover); // warm
      for (const request of ['completion', 'hover']) {
        const row = { n, request, cases: {} };
        for (const kase of ['same version', 'after a letter', 'after typing a key']) {
          row.cases[kase] = {};
          for (const [name, s] of Object.entries(where)) {
            const position = request === 'completion' ? s.complete : s.hover;
            // The letter edit and the typed key happen in the app the request is about.
            const edit =
              kase === 'same version'
                ? undefined
                : kase === 'after a letter'
                  ? (k) => [{ change: s.letter(k), timed: true }]
                  : (k) => [
                      ...(k > 0 ? [{ change: s.untypeKey }] : []),
                      { change: s.typeKey, timed: true, position: request === 'completion' ? s.inTypedKey : { line: s.hover.line + 1, character: s.hover.character } },
                    ];
            const after = kase === 'after typing a key' ? s.untypeKey : undefined;
            const c = await cell(servers, state, { request, edit, position, warmup, runs });
            // Take the typed key out again, so the next cell starts from the generated text.
            if (after) for (const [i, server] of servers.entries()) await server.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++state.versions[i] }, contentChanges: [after] });
            row.cases[kase][name] = c;
          }
        }
        table.push(row);
      }
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  }
  return table;
}

/** The table: one row per (size, request, case), ours and the JSON server's median at each place, and their ratio. */
export function requestLines(table, runs) {
  const ms = (x) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
  const lines = [
    `Completion and hover latency (client → answer), median of ${Math.max(runs, 5) | 1} requests after 3 warm-up, per place: the first, middle and last app; ` +
      'ours / vscode-json-language-server, in ms; the ratio is the worst place of ours over the worst of theirs.',
    '',
    '| apps | request | case | start | middle | end | ratio | goal |',
    '| ---: | --- | --- | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const row of table) {
    for (const [kase, places] of Object.entries(row.cases)) {
      const cells = Object.values(places).map((c) => `${ms(c.medians[0])} / ${ms(c.medians[1])}`);
      const worst = (i) => Math.max(...Object.values(places).map((c) => c.medians[i]));
      const items = row.request === 'completion' ? ` (${Object.values(places)[0].items} items)` : '';
      const goal = row.request === 'completion' ? '< 20 ms' : '';
      lines.push(`| ${row.n} | ${row.request}${items} | ${kase} | ${cells.join(' | ')} | ${(worst(0) / worst(1)).toFixed(2)}× | ${goal} |`);
    }
  }
  return lines;
}
