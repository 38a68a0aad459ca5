/**
 * Completion in a document that is already broken somewhere else, over stdio: a comma left out or one too many, a
 * `}` or `]` missing, a string without its closing quote on another line. A user expects items that make sense at
 * the cursor and leave the rest as it was: accepted, and the break then mended by hand, the document is strict JSON
 * (or the item mended it already, as the comma a key brings after the last value does: features/commaBefore.ts).
 * Where only a comma is wrong the structure is not in doubt, so the items are those of the mended document.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { offsetOfPos, posOfOffset } from './editorText';
import { cursor, startClient, type TestClient } from './lspClient';
import { acceptItem, freeSlotAt, sessionDocuments, strictJson } from './typingChecks';

let c: TestClient;
before(async () => {
  c = await startClient();
});
after(async () => {
  assert.equal(await c.shutdown(), 0);
});

let n = 0;
async function items(text: string, offset: number): Promise<any[]> {
  const uri = `file:///tmp/lsp-broken-completion/${n++}.json`;
  await c.open(uri, text);
  const list: any = await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: posOfOffset(text, offset) });
  await c.close(uri);
  return Array.isArray(list) ? list : list.items;
}

/** The text after accepting `item`, and where a break at `at` (its `ins` in place of `del`) has moved to. */
function acceptAround(text: string, offset: number, item: any, brk: Break): { out: string; repaired?: string; touches: boolean } {
  const edits = acceptItem(text, offset, item).map((e) => ({ s: offsetOfPos(text, e.range.start), e: offsetOfPos(text, e.range.end), t: e.newText }));
  const touches = edits.some((e) => e.s < brk.at + brk.ins.length && e.e > brk.at);
  let out = text;
  let at = brk.at;
  for (const e of [...edits].sort((x, y) => y.s - x.s)) {
    out = out.slice(0, e.s) + e.t + out.slice(e.e);
    if (e.e <= brk.at) at += e.t.length - (e.e - e.s);
  }
  return { out, repaired: touches ? undefined : out.slice(0, at) + brk.del + out.slice(at + brk.ins.length), touches };
}

interface Break {
  at: number;
  del: string;
  ins: string;
  what: 'missing comma' | 'trailing comma' | 'missing close' | 'unterminated string';
}

/** The ways a user leaves strict JSON broken: each a small edit of one token. */
function breaks(text: string): Break[] {
  const out: Break[] = [];
  const s = createScanner(text, false);
  for (let k = s.scan(); k !== SyntaxKind.EOF; k = s.scan()) {
    const at = s.getTokenOffset();
    if (k === SyntaxKind.CommaToken) out.push({ at, del: ',', ins: '', what: 'missing comma' });
    if (k === SyntaxKind.CloseBraceToken || k === SyntaxKind.CloseBracketToken) out.push({ at, del: '', ins: ',', what: 'trailing comma' }, { at, del: text[at], ins: '', what: 'missing close' });
    if (k === SyntaxKind.StringLiteral) out.push({ at: at + s.getTokenLength() - 1, del: '"', ins: '', what: 'unterminated string' });
  }
  return out;
}

const lineOf = (text: string, offset: number) => text.slice(0, offset).split(/\r\n|\r|\n/).length;

test('a key after a value whose closing quote is missing brings no comma into that string', async () => {
  // The user typed `"sleep 1,` and has not closed the string yet: a comma after it would end up inside the command.
  const { text, offset } = cursor('{\n  "id": "/a",\n  "cmd": "sleep 1,\n  |\n}');
  const offered = await items(text, offset);
  assert.ok(offered.length > 0, 'keys are offered');
  const brk: Break = { at: text.indexOf('1,') + 1, del: '"', ins: '', what: 'unterminated string' };
  for (const item of offered) {
    const r = acceptAround(text, offset, item, brk);
    assert.ok(!r.touches && strictJson(r.repaired!), `accepting ${JSON.stringify(item.label)} then closing the string gives strict JSON: ${JSON.stringify(r.repaired ?? r.out)}`);
  }
});

test('a key typed without its closing quote before its colon is completed as the key alone', async () => {
  // Renaming a key: the user deleted from the cursor to the closing quote (`"heal|: [...]`); the value stays.
  for (const marked of ['{\n  "id": "/a",\n  "cmd": "x",\n  "heal|: []\n}', '{\r\n  "id": "/a",\r\n  "cmd": "x",\r\n  "heal|th  :  [],\r\n  "cpus": 1\r\n}']) {
    const { text, offset } = cursor(marked);
    const offered = await items(text, offset);
    const item = offered.find((i) => i.label === 'healthChecks');
    assert.ok(item, `healthChecks is offered in ${JSON.stringify(marked)}`);
    assert.equal(item.textEdit?.newText, '"healthChecks"', 'only the key is inserted: its value follows already');
    const after = acceptAround(text, offset, item, { at: 0, del: '', ins: '', what: 'missing comma' }).out;
    assert.ok(strictJson(after), `accepted: ${JSON.stringify(after)}`);
  }
});
