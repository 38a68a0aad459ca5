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
import { acceptItem, completionItemsAt, freeSlotAt, sessionDocuments, strictJson } from './typingChecks';

let c: TestClient;
before(async () => {
  c = await startClient();
});
after(async () => {
  assert.equal(await c.shutdown(), 0);
});

const items = (text: string, offset: number) => completionItemsAt(c, 'lsp-broken-completion', text, offset);

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
    const after = acceptAround(text, offset, item, { at: 0, del: '', ins: '', what: 'missing comma' }).out;
    assert.match(after, /\n  "healthChecks"(th)? *: *\[\]/, 'only the key is inserted: its value follows already');
    assert.ok(strictJson(after), `accepted: ${JSON.stringify(after)}`);
  }
});

test('on the line after a key whose closing quote is missing, an item is a new key at the cursor, not that key', async () => {
  // `"cpus: 0.1,` runs to its line's end; the cursor on the next line is not in it (the item replaced it and the line break).
  const { text, offset } = cursor('{\n  "id": "basic-1",\n  "cpus: 0.1,\n|  "mem": 10.0\n}');
  const item = (await items(text, offset)).find((i) => i.label === 'args');
  assert.ok(item, 'args is offered');
  const edit = acceptItem(text, offset, item)[0];
  assert.deepEqual([edit.range.start, edit.range.end], [posOfOffset(text, offset), posOfOffset(text, offset)], 'inserted at the cursor');
  const brk: Break = { at: text.indexOf('s: 0.1') + 1, del: '"', ins: '', what: 'unterminated string' };
  assert.ok(strictJson(acceptAround(text, offset, item, brk).repaired!), 'strict JSON once the key is closed');
});

test('random breaks elsewhere: items accepted at a key or value position leave the rest as it was', { timeout: 120_000 }, async (t) => {
  const docs = sessionDocuments(1_500).filter((d) => strictJson(d.text));
  const seed = process.env.SEED ? Number(process.env.SEED) : Math.floor(Math.random() * 2 ** 31);
  t.diagnostic(`seed ${seed} (SEED=${seed} reproduces)`);
  let accepted = 0;
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...docs), fc.nat(), fc.nat(), fc.constantFrom('\n', '\r\n'), async (d, slotSeed, breakSeed, eol) => {
      const text = d.text.replace(/\r?\n/g, eol);
      const slots = [...Array(text.length + 1).keys()].filter((i) => freeSlotAt(text, i));
      const slot = slots[slotSeed % slots.length];
      // On other lines than the cursor's: on its own line the break is what the user is typing.
      const candidates = breaks(text).filter((b) => lineOf(text, b.at) !== lineOf(text, slot) && lineOf(text, b.at + b.del.length) !== lineOf(text, slot));
      if (candidates.length === 0) return;
      const brk = candidates[breakSeed % candidates.length];
      const broken = text.slice(0, brk.at) + brk.ins + text.slice(brk.at + brk.del.length);
      const at = brk.at < slot ? slot + brk.ins.length - brk.del.length : slot;
      const offered = await items(broken, at);
      const from = Math.max(0, Math.min(brk.at, at) - 80);
      const to = Math.max(brk.at, at) + 80;
      const where = `${brk.what} ${brk.at < slot ? 'above' : 'below'} the cursor in …${JSON.stringify(broken.slice(from, at) + '|' + broken.slice(at, to))}…`;
      if (brk.what === 'missing comma' || brk.what === 'trailing comma') {
        const labels = (await items(text, slot)).map((i) => i.label).sort();
        assert.deepEqual(offered.map((i) => i.label).sort(), labels, `${where}: the items of the mended document`);
      }
      for (const item of offered) {
        accepted++;
        const r = acceptAround(broken, at, item, brk);
        assert.ok(!r.touches, `${where}: accepting ${JSON.stringify(item.label)} edits the break itself`);
        // A missing quote or bracket can leave the structure in doubt: the tolerant parse cannot always know where
        // the string or object was meant to end, so its items may be for another place. Those whose place the text
        // or its layout shows (a string ending its line, a `]` before a key, a `}` in an indented layout) are
        // checked in completionBelowUnclosed.test.ts.
        if (brk.what !== 'missing comma' && brk.what !== 'trailing comma') continue;
        assert.ok(strictJson(r.out) || strictJson(r.repaired!), `${where}: accepting ${JSON.stringify(item.label)} and mending the break leaves …${JSON.stringify(r.repaired!.slice(from, to + 200))}…`);
      }
    }),
    { seed, numRuns: Number(process.env.RUNS ?? 60), ...(process.env.FCPATH ? { path: process.env.FCPATH } : {}) },
  );
  assert.ok(accepted > 0, 'items were accepted');
});

test('a key or value typed without its closing quote before more members on its line keeps their quotes', async () => {
  // `"cp|, "mem": 1}`: the scanner closes the string typed at the quote that opens "mem" (`"cp, "`), and replacing
  // that token ate the user's quote (`"cmd": "",mem": 1}`). Only what the user is typing is replaced.
  const cases: [string, string, string][] = [
    ['{"id": "/a", "cp|, "mem": 1}', 'cmd', '{"id": "/a", "cmd": "", "mem": 1}'],
    ['{"id": "/a", "cp|: 1, "mem": 1}', 'cmd', '{"id": "/a", "cmd": 1, "mem": 1}'],
    ['{"id": "/a", "cp|, {"a": 1}}', 'cmd', '{"id": "/a", "cmd": "", {"a": 1}}'],
    ['{\r\n\t"id": "/a", "cp|\t, "mem": 1\r\n}', 'cmd', '{\r\n\t"id": "/a", "cmd": ""\t, "mem": 1\r\n}'],
    ['{"id": "/a", "container": {"type": "DO|, "volumes": []}}', 'DOCKER', '{"id": "/a", "container": {"type": "DOCKER", "volumes": []}}'],
  ];
  for (const [marked, label, expected] of cases) {
    const { text, offset } = cursor(marked);
    const item = (await items(text, offset)).find((i) => i.label === label);
    assert.ok(item, `${label} is offered in ${JSON.stringify(marked)}`);
    const out = acceptAround(text, offset, item, { at: 0, del: '', ins: '', what: 'missing comma' }).out;
    assert.equal(out.replace(/\$\{?\d+(:[^}]*)?\}?/g, ''), expected, `accepting ${label} in ${JSON.stringify(marked)}`);
  }
});

test('a key after an object or array closed on a later line than its unclosed string still brings its comma', async () => {
  // Only a string that runs to the member's end swallows the comma; `{"a": "b` closed by `}` on the next line ends
  // with that `}`, after which the comma belongs (features/commaBefore.ts).
  for (const marked of ['{\n  "id": "/a",\n  "labels": {"a": "b\n  }\n  |\n}', '{\r\n  "id": "/a",\r\n  "args": ["b\r\n  ]\r\n  |\r\n}']) {
    const { text, offset } = cursor(marked);
    const item = (await items(text, offset)).find((i) => i.label === 'cmd');
    assert.ok(item, `cmd is offered in ${JSON.stringify(marked)}`);
    const at = text.indexOf('"b') + 2;
    const r = acceptAround(text, offset, item, { at, del: '"', ins: '', what: 'unterminated string' });
    assert.ok(!r.touches && strictJson(r.repaired!), `accepting cmd then closing "b gives strict JSON: ${JSON.stringify(r.repaired ?? r.out)}`);
  }
});
