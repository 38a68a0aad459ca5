/**
 * Every quick fix the server offers, applied as an editor applies it (over stdio, on each rule's invalid fixtures,
 * with LF and with CRLF line endings): the document stays strict JSON with its line endings, the finding it fixes
 * is gone, and fixing a warning never makes an error (a rename to a field whose type the value does not fit would).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, startClient, type TestClient } from './lspClient';
import { invalidRuleFixtures } from './invalidRuleFixtures';

let c: TestClient;
before(async () => {
  c = await startClient({ pull: true });
});
after(async () => {
  assert.equal(await c.shutdown(), 0);
});

let n = 0;
async function diagnose(text: string): Promise<{ uri: string; items: any[] }> {
  const uri = `file:///tmp/lsp-fixes/${n++}.json`;
  await c.open(uri, text);
  const items = ((await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as any).items as any[];
  return { uri, items };
}

/** Applies each fix offered on `text` in turn (each to the original) and returns what went wrong. */
async function checkFixes(name: string, text: string): Promise<string[]> {
  const problems: string[] = [];
  const { uri, items } = await diagnose(text);
  const whole = { start: { line: 0, character: 0 }, end: { line: text.split(/\r\n|\r|\n/).length, character: 0 } };
  const actions: any[] = await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: items } });
  await c.close(uri);
  const key = (d: any) => `${d.code} ${d.data?.pointer}`;
  for (const action of actions) {
    const target = action.diagnostics[0];
    const fixed = applyEdits(text, action.edit.changes[uri]);
    const what = `${name}: "${action.title}"`;
    try {
      JSON.parse(fixed);
    } catch (e) {
      problems.push(`${what} leaves invalid JSON (${(e as Error).message})`);
      continue;
    }
    if (text.includes('\r\n') && /(^|[^\r])\n/.test(fixed)) problems.push(`${what} brings a bare LF into a CRLF document`);
    const afterFix = await diagnose(fixed);
    await c.close(afterFix.uri);
    if (afterFix.items.some((d) => key(d) === key(target) && d.message === target.message)) problems.push(`${what} leaves its finding`);
    if (target.severity !== 1) {
      const had = new Set(items.map(key));
      const made = afterFix.items.filter((d) => d.severity === 1 && !had.has(key(d)));
      for (const d of made) problems.push(`${what} (fixing a ${target.code} warning) makes the error ${key(d)}: ${d.message}`);
    }
  }
  return problems;
}

test('every quick fix on the rule fixtures leaves strict JSON with its line endings, clears its finding and makes no new error', { timeout: 300_000 }, async () => {
  const problems: string[] = [];
  let checked = 0;
  for (const { rule, file, text } of invalidRuleFixtures(false)) {
    for (const eol of ['\n', '\r\n']) {
      problems.push(...(await checkFixes(`${rule}/${file}${eol === '\r\n' ? ' (CRLF)' : ''}`, text.replace(/\r?\n/g, eol))));
      checked++;
    }
  }
  assert.ok(checked > 100, `${checked} documents checked`);
  assert.deepEqual(problems, []);
});

test('an unknown field whose near name takes another type is not renamed to it ("network": "BRIDGE" is no "networks" array)', async () => {
  const text = '{\n  "id": "/web",\n  "cmd": "python3 -m http.server $PORT0",\n  "network": "BRIDGE"\n}\n';
  assert.deepEqual(await checkFixes('network', text), []);
  const { uri, items } = await diagnose(text);
  const finding = items.find((d) => d.code === 'unknown-property');
  assert.match(finding.message, /Did you mean "networks"\?/, 'the hint stays');
  const actions: any[] = await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: finding.range, context: { diagnostics: [finding] } });
  assert.deepEqual(actions.map((a) => a.title), []);
  // A value the near name takes is still renamed in one step.
  const typo = text.replace('"network": "BRIDGE"', '"heathChecks": []');
  const t = await diagnose(typo);
  const fix: any[] = await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: t.uri }, range: t.items[0].range, context: { diagnostics: t.items } });
  assert.deepEqual(fix.map((a) => a.title), ['Rename "heathChecks" to "healthChecks"']);
});
