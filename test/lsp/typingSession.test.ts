/**
 * A user typing, over stdio, as a property (fast-check): realistic documents (rule fixtures, examples/, the shared
 * corpus), LF or CRLF, take random incremental didChange edits (ranges past a line's end or between the halves of a
 * surrogate pair, multi-line replacements, pasted slices, deleting everything, several changes in one notification,
 * fragments that leave a string, bracket or comment open for the lines below), interleaved with completion, hover,
 * code actions (applied, and codeAction/resolve), code lenses, symbols and definition, some cancelled with
 * $/cancelRequest while in flight. Push diagnostics, as most clients use them.
 *
 * Invariants: the server never exits nor logs a failure or a stack; every request gets a result or a proper LSP
 * error in bounded time, with its ranges inside the text it was asked about; once the edits settle, the pushed
 * diagnostics are marathon-lint's findings for the same text (as test/parity compares them); every quick fix
 * clears its finding without a new syntax error; a completion item accepted at a key or value
 * position of strict JSON leaves strict JSON.
 *
 * Reproduce a failure with the seed and path it prints: SEED=… FCPATH=… RUNS=… node scripts/test.mjs typingSession
 * (NO_SHRINK=1 to see a failure without shrinking it first).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { CancellationTokenSource } from 'vscode-jsonrpc';
import { startClient, type TestClient } from './lspClient';
import { applyRangeEdit, lineCount, offsetOfPos, posInside, posOfOffset, sequentialChanges, wholeRange, type LspPos, type RangeEdit } from './editorText';
import { acceptItem, cliVerdict, freeSlotAt, sessionDocuments, serverFindings, strictJson } from './typingChecks';

let c: TestClient;
let stderr = '';
let exited: number | null | undefined;
const dir = mkdtempSync(join(tmpdir(), 'lsp-typing-session-'));
before(async () => {
  c = await startClient();
  c.proc.stderr!.on('data', (d) => (stderr += d));
  c.proc.once('exit', (code) => (exited = code));
});
after(async () => {
  assert.equal(await c.shutdown(), 0);
  rmSync(dir, { recursive: true, force: true });
});

const docs = sessionDocuments(3_000);
const fragments = ['"', ',', ':', '{', '}', '[', ']', ' ', '\t', '\n', '\r\n', '\r', '1', '-', '.5', 'true', 'null', '\\', 'é', '😀', '\uD83D', '\uDE00', '"id": "/x"', ',\n  "cmd": "sleep 1"', ',\r\n  "instances": 2\r\n', '"container": {"type": "DOCKER", "docker": {"image": "nginx"}}', '{\n  "a": [\r\n1,\r2]}', '',
  // Left open for the lines below: a string, an array, an object, a block comment, a string ending in a backslash.
  ',\n  "cmd": "exec ./x\n', '"args": ["a",\n', '"labels": {"x": "y",\n', '/* note\n', '"a\\\n', ',\r\n  "env": {\r\n    "A": "1",\r\n'];

const pos = fc.record({ at: fc.nat(), past: fc.nat({ max: 3 }) });
const action = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), edits: fc.array(fc.record({ from: pos, len: fc.oneof(fc.nat({ max: 3 }), fc.nat({ max: 200 })), ins: fc.oneof(fc.constantFrom(...fragments), fc.record({ slice: fc.nat(), len: fc.nat({ max: 80 }) })) }), { minLength: 1, maxLength: 2 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'deleteAll' as const }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('ask' as const), method: fc.constantFrom('completion', 'hover', 'codeAction', 'codeLens', 'documentSymbol', 'definition', 'codeAction/resolve'), at: pos, cancel: fc.constantFrom('no', 'now', 'soon') }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('complete' as const), at: fc.nat(), slot: fc.boolean(), accept: fc.option(fc.nat(), { nil: undefined }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('fix' as const), pick: fc.nat() }) },
);

let n = 0;
let version = 0;
/** What the runs exercised, printed so that a run that checks nothing shows. */
const seen = { requests: 0, cancelled: 0, acceptedAtSlots: 0, fixesChecked: 0, findingsCompared: 0 };
type Pending = { what: string; p: Promise<unknown> };

/** A position from a seed: anywhere in the text, sometimes past the end of its line (the server clamps it). */
function position(text: string, p: { at: number; past: number }): LspPos {
  const q = posOfOffset(text, p.at % (text.length + 1));
  return { line: q.line, character: q.character + p.past };
}

async function send(uri: string, text: string, changes: RangeEdit[]): Promise<string> {
  let out = text;
  for (const ch of changes) out = applyRangeEdit(out, ch);
  await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: changes.map((ch) => ({ range: ch.range, text: ch.newText })) });
  return out;
}

/** A request that must be answered in bounded time: a result, or an LSP error (cancelled, method not found). */
function ask(what: string, method: string, params: unknown, token?: CancellationTokenSource): Pending {
  const p = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer within 10 s`)), 10_000);
    (token ? c.conn.sendRequest(method, params, token.token) : c.conn.sendRequest(method, params)).then(
      (r) => (clearTimeout(timer), resolve(r)),
      (e: { code?: number; message?: string }) => {
        clearTimeout(timer);
        // -32800 RequestCancelled, -32801 ContentModified, -32601 MethodNotFound (a method the server does not offer)
        if (e && [-32800, -32801, -32601].includes(e.code as number)) {
          if (e.code === -32800) seen.cancelled++;
          resolve(e);
        }
        else reject(new Error(`${what}: answered with ${JSON.stringify(e)}`));
      },
    );
  });
  seen.requests++;
  return { what, p };
}

function rangesInside(what: string, text: string, value: unknown, problems: string[]): void {
  const visit = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, any>;
    for (const k of ['range', 'selectionRange']) {
      const r = o[k];
      if (r?.start && r?.end && !(posInside(text, r.start) && posInside(text, r.end))) problems.push(`${what}: ${k} ${JSON.stringify(r)} lies outside the text ${JSON.stringify(text)}`);
    }
    for (const child of Object.values(o)) visit(child);
  };
  visit(value);
}

/** Waits out the push debounce: a round trip (the server has every change), the debounce, and another round trip. */
async function settle(): Promise<void> {
  const ping = () => c.conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nowhere/ping.json' }, position: { line: 0, character: 0 } });
  await ping();
  await new Promise((r) => setTimeout(r, 400));
  await ping();
}

async function parity(uri: string, text: string, path: string): Promise<string[]> {
  await settle();
  const cli = await cliVerdict(path, text);
  // A file cannot hold a lone surrogate: saved, it is U+FFFD (one UTF-16 unit too), which marathon-lint then reads.
  const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  // A syntax message names a lone surrogate by its code (core/syntaxMessage.ts), the saved file's U+FFFD as itself.
  const saved = (f: string) => f.replace(/\\{1,2}u[dD][89a-fA-F][0-9a-fA-F]{2}/g, '\uFFFD').replace(/the lone surrogate U\+D[89A-F][0-9A-F]{2}/g, "'\uFFFD'");
  const pushed = serverFindings(c.published, uri).map((f) => (lone.test(text) ? saved(f) : f));
  const expected = cli.kind === 'unknown' ? [] : cli.findings;
  seen.findingsCompared += expected.length;
  return JSON.stringify(pushed) === JSON.stringify(expected) ? [] : [`pushed diagnostics differ from marathon-lint's findings for ${JSON.stringify(text)}:\n  server: ${pushed.join('\n          ')}\n  cli:    ${expected.join('\n          ')}`];
}

/** Every quick fix on the text is checked against marathon-lint; the one picked is applied as an editor would. */
async function fixes(uri: string, text: string, path: string, pick: number, problems: string[]): Promise<string> {
  const actions = (await ask('codeAction', 'textDocument/codeAction', { textDocument: { uri }, range: wholeRange(text), context: { diagnostics: [] } }).p) as any[];
  rangesInside('codeAction', text, actions, problems);
  if (!Array.isArray(actions) || actions.length === 0) return text;
  const before = await cliVerdict(path, text);
  const key = (f: string) => JSON.stringify(JSON.parse(f).filter((_: unknown, i: number) => i !== 1 && i !== 3));
  const chosen = actions[pick % actions.length];
  for (const a of actions.slice(0, 3).concat(actions.includes(chosen) && actions.indexOf(chosen) >= 3 ? [chosen] : [])) {
    seen.fixesChecked++;
    const d = a.diagnostics[0];
    const fixed = sequentialChanges(text, a.edit.changes[uri]).text;
    const afterFix = await cliVerdict(path, fixed);
    const target = JSON.stringify([d.code, d.data?.pointer, d.message]);
    const what = `fix "${a.title}" on ${JSON.stringify(text)} gives ${JSON.stringify(fixed)}`;
    if (fixed === text) problems.push(`${what}: changes nothing`);
    if (afterFix.findings.some((f) => key(f) === target)) problems.push(`${what}: its finding stays`);
    const syntax = (v: typeof before) => v.findings.filter((f) => JSON.parse(f)[0] === 'syntax').length;
    if (syntax(afterFix) > syntax(before)) problems.push(`${what}: a new syntax error`);
    // Other findings may appear: a valid id lets the rules that need one speak (their mistakes were there already).
  }
  return send(uri, text, sequentialChanges(text, chosen.edit.changes[uri]).changes);
}

async function complete(uri: string, text: string, offset: number, accept: number | undefined, problems: string[]): Promise<string> {
  const at = posOfOffset(text, offset);
  const list = (await ask('completion', 'textDocument/completion', { textDocument: { uri }, position: at }).p) as any;
  const items: any[] = Array.isArray(list) ? list : (list?.items ?? []);
  rangesInside('completion', text, items, problems);
  const at0 = offsetOfPos(text, at);
  if (strictJson(text) && freeSlotAt(text, at0)) {
    for (const item of items) {
      seen.acceptedAtSlots++;
      const after = sequentialChanges(text, acceptItem(text, at0, item)).text;
      if (!strictJson(after)) problems.push(`completion at ${JSON.stringify(text.slice(0, at0))}|${JSON.stringify(text.slice(at0))}: accepting ${JSON.stringify(item.label)} leaves ${JSON.stringify(after)}`);
    }
  }
  if (accept === undefined || items.length === 0) return text;
  return send(uri, text, sequentialChanges(text, acceptItem(text, at0, items[accept % items.length])).changes);
}

async function session(start: string, eol: string, actions: any[]): Promise<void> {
  const path = join(dir, `${n++}.json`);
  const uri = pathToFileURL(path).href;
  let text = start.replace(/\r?\n/g, eol);
  const problems: string[] = [];
  const pending: Pending[] = [];
  await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: ++version, text } });
  for (const a of actions) {
    if (a.kind === 'edit') {
      const changes: RangeEdit[] = [];
      let t = text;
      for (const e of a.edits) {
        const start = position(t, e.from);
        const s = offsetOfPos(t, start);
        const end = posOfOffset(t, Math.min(t.length, s + e.len));
        const ins = typeof e.ins === 'string' ? e.ins : t.slice(e.ins.slice % (t.length + 1), (e.ins.slice % (t.length + 1)) + e.ins.len);
        const ch = { range: { start, end }, newText: ins };
        changes.push(ch);
        t = applyRangeEdit(t, ch);
      }
      text = await send(uri, text, changes);
    } else if (a.kind === 'deleteAll') {
      text = await send(uri, text, [{ range: { start: { line: 0, character: 0 }, end: { line: lineCount(text), character: 0 } }, newText: '' }]);
    } else if (a.kind === 'ask') {
      const p = position(text, a.at);
      const doc = { textDocument: { uri } };
      const params =
        a.method === 'codeAction' ? { ...doc, range: { start: p, end: p }, context: { diagnostics: [] } }
        : a.method === 'codeAction/resolve' ? { title: 'Rename', kind: 'quickfix', data: { uri } }
        : a.method === 'codeLens' || a.method === 'documentSymbol' ? doc
        : { ...doc, position: p };
      const token = a.cancel === 'no' ? undefined : new CancellationTokenSource();
      const method = a.method === 'codeAction/resolve' ? a.method : `textDocument/${a.method}`;
      const asked = ask(`${a.method} at ${JSON.stringify(p)}`, method, params, token);
      const snapshot = text;
      pending.push({ what: asked.what, p: asked.p.then((r) => rangesInside(asked.what, snapshot, r, problems)) });
      if (a.cancel === 'now') token!.cancel();
      if (a.cancel === 'soon') setTimeout(() => token!.cancel(), 1);
    } else if (a.kind === 'complete') {
      // Mostly where a user would ask: a key or value position of the text, when it is strict JSON.
      // The first free slot from a random offset on (a bounded search: each test is a scan of the text).
      const from = a.at % (text.length + 1);
      const near = a.slot && strictJson(text) ? Array.from({ length: Math.min(300, text.length + 1) }, (_, i) => (from + i) % (text.length + 1)).find((i) => freeSlotAt(text, i)) : undefined;
      text = await complete(uri, text, near ?? from, a.accept, problems);
    } else if (a.kind === 'fix') {
      text = await fixes(uri, text, path, a.pick, problems);
    }
  }
  await Promise.all(pending.map((x) => x.p));
  problems.push(...(await parity(uri, text, path)));
  await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  if (exited !== undefined) problems.push(`the server exited (${exited}): ${stderr}`);
  const failures = c.logs.filter((l) => /failed|uncaught|unhandled|\n\s+at /i.test(l));
  if (failures.length > 0) problems.push(`the server logged failures:\n${failures.join('\n')}`);
  if (/\n\s+at |Error/.test(stderr)) problems.push(`the server wrote to stderr:\n${stderr}`);
  assert.deepEqual(problems, []);
}

const seed = process.env.SEED ? Number(process.env.SEED) : Math.floor(Math.random() * 2 ** 31);
// NO_SHRINK=1 reports the first failing run as found: shrinking re-runs whole sessions, which can take many minutes.
const params = { seed, numRuns: Number(process.env.RUNS ?? 25), ...(process.env.FCPATH ? { path: process.env.FCPATH } : {}), ...(process.env.NO_SHRINK ? { endOnFailure: true } : {}) };

test('random incremental edits, requests and cancellations: answers in time, inside the text, diagnostics as marathon-lint, fixes and completions keep JSON', { timeout: Number(process.env.TIMEOUT ?? 120_000) }, async (t) => {
  t.diagnostic(`seed ${seed} (SEED=${seed} reproduces)`);
  await fc.assert(
    fc.asyncProperty(fc.oneof(fc.constantFrom(...docs), fc.constantFrom(...docs.filter((d) => d.fixable))), fc.constantFrom('\n', '\r\n'), fc.array(action, { minLength: 1, maxLength: 20 }), async (d, eol, actions) => session(d.text, eol, actions)),
    // One session is given, not drawn: a fixable document whose fix is picked at once, so that every seed checks a
    // fix (a seed drawing no fix on a document that had one left the run checking none: seed 1287045864).
    { ...params, examples: [[docs.find((x) => x.fixable)!, '\n', [{ kind: 'fix' as const, pick: 0 }]]] },
  );
  t.diagnostic(JSON.stringify(seen));
  assert.ok(seen.acceptedAtSlots > 0 && seen.fixesChecked > 0 && seen.findingsCompared > 0, 'the runs exercised completion, fixes and diagnostics');
});

test('typing a document from empty, one character at a time: every answer in time, then the diagnostics of the CLI', { timeout: 120_000 }, async (t) => {
  const small = docs.filter((d) => d.text.length <= 400);
  const typingSeed = seed + 1;
  t.diagnostic(`seed ${typingSeed} (SEED=${seed} reproduces)`);
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...small), fc.constantFrom('\n', '\r\n'), fc.nat({ max: 30 }), async (d, eol, every) => {
      const path = join(dir, `${n++}.json`);
      const uri = pathToFileURL(path).href;
      const target = d.text.replace(/\r?\n/g, eol);
      const problems: string[] = [];
      const pending: Pending[] = [];
      let text = '';
      await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: ++version, text } });
      // As an editor sends a CRLF: one change of two characters.
      for (const ch of target.match(/\r\n|[\s\S]/g) ?? []) {
        const end = posOfOffset(text, text.length);
        text = await send(uri, text, [{ range: { start: end, end }, newText: ch }]);
        if (every > 0 && text.length % (every + 3) === 0) {
          const snapshot = text;
          const asked = ask(`completion after typing ${JSON.stringify(text)}`, 'textDocument/completion', { textDocument: { uri }, position: posOfOffset(text, text.length) });
          pending.push({ what: asked.what, p: asked.p.then((r) => rangesInside(asked.what, snapshot, r, problems)) });
        }
      }
      await Promise.all(pending.map((x) => x.p));
      assert.equal(text, target);
      problems.push(...(await parity(uri, text, path)));
      await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
      assert.deepEqual(problems, []);
    }),
    { ...params, seed: typingSeed, numRuns: Number(process.env.RUNS ?? 25) > 10 ? 6 : 3 },
  );
});
