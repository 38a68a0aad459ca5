/**
 * Completion below something left unclosed several lines up, over stdio: a string without its closing quote, an
 * `[` or `{` not closed yet, a comment. A user expects the items of the place the cursor is in (the keys of its
 * object, the values of its key), as in the document mended, and text that leaves the rest as it was: accepted, and
 * the break then mended by hand, the document is strict JSON. Inside a comment nothing is offered.
 *
 * A case is the mended document with `|` at the cursor and `⟨…⟩` around what the user left out.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { offsetOfPos, sequentialChanges } from './editorText';
import { startClient, type TestClient } from './lspClient';
import { acceptItem, completionItemsAt, freeSlotAt, sessionDocuments, strictJson } from './typingChecks';

let c: TestClient;
before(async () => {
  c = await startClient();
});
after(async () => {
  assert.equal(await c.shutdown(), 0);
});

const items = (text: string, offset: number) => completionItemsAt(c, 'lsp-below-unclosed', text, offset);

/** The broken text (without what `⟨…⟩` holds), the mended one, the cursor in each, and what was left out where. */
function parse(marked: string): { broken: string; mended: string; at: number; mendedAt: number; gap: number; left: string } {
  const gap = marked.indexOf('⟨');
  const close = marked.indexOf('⟩');
  const left = marked.slice(gap + 1, close);
  const mendedMarked = marked.slice(0, gap) + left + marked.slice(close + 1);
  const brokenMarked = marked.slice(0, gap) + marked.slice(close + 1);
  const at = brokenMarked.indexOf('|');
  const mendedAt = mendedMarked.indexOf('|');
  return { broken: brokenMarked.replace('|', ''), mended: mendedMarked.replace('|', ''), at, mendedAt, gap: at < gap ? gap - 1 : gap, left };
}

/** Accepts `item` in the broken text, then puts back what was left out (the item must not have edited it). */
function acceptThenMend(broken: string, at: number, item: any, gap: number, left: string): { out: string; touches: boolean } {
  const edits = acceptItem(broken, at, item).map((e) => ({ s: offsetOfPos(broken, e.range.start), e: offsetOfPos(broken, e.range.end), t: e.newText }));
  const touches = edits.some((e) => e.s < gap && e.e > gap);
  let out = broken;
  let g = gap;
  for (const e of [...edits].sort((x, y) => y.s - x.s)) {
    out = out.slice(0, e.s) + e.t + out.slice(e.e);
    // An insertion right at a gap above the cursor goes after what is put back; at the cursor, before it.
    if (e.e < gap || (e.e === gap && (e.s < gap || gap >= at))) g += e.t.length - (e.e - e.s);
  }
  return { out: out.slice(0, g) + left + out.slice(g), touches };
}

// [what the user left, the mended document with `|` at the cursor and `⟨…⟩` around what is missing, an item it must offer]
const cases: [string, string, string][] = [
  ['an array not closed, then a key of the next object', '{\n  "id": "/a",\n  "args": ["a", "b"⟨]⟩,\n  "container": {\n    "type": "DOCKER",\n    |\n  }\n}', 'docker'],
  ['an array not closed, then a value in the next object', '{\n  "id": "/a",\n  "args": ["a", "b"⟨]⟩,\n  "container": {\n    "type": |\n  }\n}', 'DOCKER'],
  ['nested arrays not closed, then a key', '{\n  "id": "/a",\n  "constraints": [["hostname", "UNIQUE"]⟨]⟩,\n  "container": {\n    |\n  }\n}', 'docker'],
  ['an array not closed nor followed by its comma, two lines up (CRLF)', '{\r\n  "id": "/a",\r\n  "args": ["a"⟨],⟩\r\n  "cpus": 1,\r\n  "container": {"type": |}\r\n}', 'MESOS'],
  ['an object not closed, then a key of its parent', '{\n  "id": "/a",\n  "container": {\n    "type": "DOCKER",\n    "docker": {"image": "x"}⟨\n  }⟩,\n  |\n  "cpus": 1\n}', 'cmd'],
  ['an object not closed, the cursor on a line of its own in it', '{\n  "id": "/a",\n  "upgradeStrategy": {\n    "minimumHealthCapacity": 1,\n    |\n  ⟨},⟩\n  "container": {"type": "DOCKER"}\n}', 'maximumOverCapacity'],
  ['an array not closed, the cursor on a line of its own in it (CRLF)', '{\r\n  "id": "/a",\r\n  "constraints": [\r\n    ["hostname", "UNIQUE"],\r\n    |\r\n  ⟨],⟩\r\n  "container": {"type": "DOCKER"}\r\n}', 'Constraint [field, operator, value]'],
  ['an object not closed on its line, then a key of its parent', '{\n  "id": "/a",\n  "labels": {"x": "y"⟨}⟩,\n  "container": {"type": "DOCKER", |}\n}', 'docker'],
  ['an object not closed in an array item, the array closed below', '{\n  "id": "/a",\n  "healthChecks": [\n    {\n      "protocol": "COMMAND",\n      "command": {\n        "value": "curl"\n      ⟨}⟩,\n      "gracePeriodSeconds": 5,\n      |\n    }\n  ]\n}', 'intervalSeconds'],
  ['an object not closed in an array item, the next item below', '{\n  "id": "/a",\n  "container": {\n    "volumes": [\n      {\n        "external": {\n          "name": "v"\n        ⟨}⟩,\n        "mode": "RW"\n      },\n      {\n        "hostPath": "h",\n        |\n      }\n    ]\n  }\n}', 'containerPath'],
  ['an array item not closed, then the next item', '{\n  "id": "/a",\n  "container": {\n    "volumes": [\n      {\n        "containerPath": "a",\n        "mode": "RW"\n      ⟨}⟩,\n      {\n        "containerPath": "b",\n        |\n      }\n    ]\n  }\n}', 'mode'],
  ['an array item not closed, then the next item on its line', '{\n  "id": "/a",\n  "constraints": [\n    ["hostname", "UNIQUE"⟨]⟩,\n    ["rack", |]\n  ]\n}', 'GROUP_BY'],
  ['an object not closed, then a layout that does not indent below it', '{\n  "id": "/a",\n  "labels": {"x": "y"⟨}⟩,\n  "container": {\n    "docker": {\n    "image": "a",\n    |\n    }\n  }\n}', 'privileged'],
  ['an array not closed inside an object in an array', '{\n  "id": "/a",\n  "container": {"volumes": [{"containerPath": "d", "hostPath": "/d", "x": [1⟨]⟩,\n    "mode": |}]}\n}', 'RW'],
  ['a string not closed after a backslash, then a key of the next object', '{\n  "id": "/a",\n  "cmd": "exec ./x\\⟨\\",⟩\n  "container": {"type": "DOCKER", |}\n}', 'docker'],
  ['a string not closed after a backslash, then a value in the next object', '{\n  "id": "/a",\n  "cmd": "exec ./x\\⟨\\",⟩\n  "container": {\n    "type": |\n  }\n}', 'MESOS'],
  ['a key not closed, then a value in the next object', '{\n  "id": "/a",\n  "labels": {"a⟨": "b"},⟩\n  "container": {\n    "type": |\n  }\n}', 'MESOS'],
  ['a key not closed after a backslash, then a value in the next object (CRLF)', '{\r\n  "id": "/a",\r\n  "labels": {"a\\⟨\\": "b"},⟩\r\n  "container": {\r\n    "type": |\r\n  }\r\n}', 'MESOS'],
  // These held before: kept so that a fix for the ones above does not break them. The layout decides only where
  // the brackets leave something open and the document indents its members.
  ['nothing left open, a key indented as its object\'s line: read as written', '⟨⟩{\n  "id": "/a",\n  "container": {\n  "type": |\n  }\n}', 'DOCKER'],
  // Typed top-down, the end not written yet, in a layout that puts a container's members at its key's indentation:
  // such a container is not indented, so a member at that indentation is its own, not the parent's.
  ['objects left open at the end, an object whose members stand at its key\'s indentation', '{\n  "id": "/a",\n  "container": {\n  "type": "DOCKER",\n  |⟨\n  }\n}⟩', 'docker'],
  ['objects left open at the end, array items at the array\'s key\'s indentation', '{\n  "id": "/a",\n  "container": {\n    "type": "DOCKER",\n    "volumes": [\n    {\n      "containerPath": "a",\n      |⟨\n    }\n    ]\n  }\n}⟩', 'mode'],
  ['objects left open at the end, flat layout', '{\n"id": "/a",\n"container": {\n"type": "DOCKER",\n|⟨\n}}⟩', 'docker'],
  ['objects left open at the end, a deeper key below the cursor', '{\n  "id": "/a",\n  "container": {\n    "type": "DOCKER",\n    |\n    "docker": {"image": "x"⟨}}}⟩', 'volumes'],
  ['a string not closed, then a key of the next object', '{\n  "id": "/a",\n  "cmd": "exec ./x⟨"⟩,\n  "container": {\n    "type": "DOCKER",\n    |\n  }\n}', 'docker'],
  ['a string not closed, then a value of the next object (tabs)', '{\n\t"id": "/a",\n\t"cmd": "exec ./x⟨"⟩,\n\t"container": {\n\t\t"type": |\n\t}\n}', 'MESOS'],
  ['a value not closed before its comma, then a key whose items it decides', '{\n  "id": "/a",\n  "container": {"type": "MESOS", "volumes": [{"containerPath": "d", "mode": "RW", "external": {"name": "v", "provider": "dvdi", "options": {\n    "dvdi/driver": "rexray⟨"⟩,\n    |\n  }}}]}\n}', 'dvdi/availabilityzone'],
  ['a string not closed, then a key on the next line', '{\n  "id": "/a",\n  "cmd": "exec ./x⟨",⟩\n  |\n}', 'args'],
];

for (const [what, marked, expected] of cases) {
  test(`completion below ${what}: the items of the mended document, and text that leaves the rest as it was`, async () => {
    const { broken, mended, at, mendedAt, gap, left } = parse(marked);
    const offered = await items(broken, at);
    const want = (await items(mended, mendedAt)).map((i) => i.label).sort();
    assert.ok(want.includes(expected), `the mended document offers ${expected}: ${JSON.stringify(want)}`);
    assert.deepEqual(offered.map((i) => i.label).sort(), want, `the items at the cursor in ${JSON.stringify(broken)}`);
    for (const item of offered) {
      const r = acceptThenMend(broken, at, item, gap, left);
      assert.ok(!r.touches, `accepting ${JSON.stringify(item.label)} edits what was left open`);
      assert.ok(strictJson(r.out), `accepting ${JSON.stringify(item.label)} then mending gives strict JSON: ${JSON.stringify(r.out)}`);
    }
  });
}

test('inside a comment, closed or left open above the cursor, nothing is offered (an item would land in the comment)', async () => {
  // vscode-json-languageservice's completion answers nothing in a comment too (jsonCompletion.ts, isInComment).
  for (const marked of [
    '{"id": "/a", /* | */ "cmd": "x"}',
    '{\n  "id": "/a", // note |\n  "cmd": "x"\n}',
    '{\n  "id": "/a",\n  /* note\n  "cmd": "x",\n  "container": {"type": "DOCKER", |}\n}',
    '{\r\n  "id": "/a",\r\n  /* note\r\n  "cmd": "x",\r\n  |\r\n}',
    // A comment ending in a comma on the last line of an object closed by the layout: that comma is no separator.
    '{\n  "id": "/a",\n  "container": {\n    "type": "DOCKER"\n  // see the runbook, |\n  "cpus": 1\n}',
  ]) {
    const { text, offset } = { text: marked.replace('|', ''), offset: marked.indexOf('|') };
    assert.deepEqual((await items(text, offset)).map((i) => i.label), [], `in ${JSON.stringify(marked)}`);
  }
  // At either end of a comment the cursor is outside it.
  for (const marked of ['{"id": "/a", |/* c */ "cmd": "x"}', '{"id": "/a", /* c */| "cmd": "x"}', '{\n  "id": "/a", // c\n  |\n}']) {
    const { text, offset } = { text: marked.replace('|', ''), offset: marked.indexOf('|') };
    assert.ok((await items(text, offset)).some((i) => i.label === 'cpus'), `cpus is offered in ${JSON.stringify(marked)}`);
  }
});

/**
 * The ways a user leaves something open that the items must see through: a string value ending its line without its
 * closing quote (`"exec ./x,`), an array without its `]` before the next key, and an object or array without its
 * closer before the next member of its parent in a layout that indents members (that member at the indentation of
 * the line that opened it). Each is one token deleted from strict JSON.
 */
function openings(text: string): { at: number; left: string; what: string }[] {
  const out: { at: number; left: string; what: string }[] = [];
  const s = createScanner(text, false);
  const tokens: { kind: SyntaxKind; at: number; end: number }[] = [];
  for (let k = s.scan(); k !== SyntaxKind.EOF; k = s.scan()) {
    if (k === SyntaxKind.Trivia || k === SyntaxKind.LineBreakTrivia) continue;
    tokens.push({ kind: k, at: s.getTokenOffset(), end: s.getTokenOffset() + s.getTokenLength() });
  }
  const opened: number[] = [];
  const lineIndent = (offset: number) => /[ \t]*/.exec(text.slice(text.lastIndexOf('\n', offset - 1) + 1))![0];
  const startsLine = (offset: number) => /(^|[\r\n])[ \t]*$/.test(text.slice(0, offset));
  tokens.forEach((t, i) => {
    const [next, key, colon] = [tokens[i + 1], tokens[i + 2], tokens[i + 3]];
    const beforeKey = next?.kind === SyntaxKind.CommaToken && key?.kind === SyntaxKind.StringLiteral && colon?.kind === SyntaxKind.ColonToken;
    if (t.kind === SyntaxKind.OpenBraceToken || t.kind === SyntaxKind.OpenBracketToken) opened.push(t.at);
    if (t.kind === SyntaxKind.StringLiteral && /^,[ \t]*(\r?\n|\r)/.test(text.slice(t.end))) {
      out.push({ at: t.end - 1, left: '"', what: 'a string left open at its line end' });
    }
    if (t.kind === SyntaxKind.CloseBracketToken && beforeKey) out.push({ at: t.at, left: ']', what: 'an array left open before a key' });
    else if (t.kind === SyntaxKind.CloseBraceToken || t.kind === SyntaxKind.CloseBracketToken) {
      const open = opened[opened.length - 1];
      // The next member of the parent starts its line at the indentation of the line that opened this one (its key's
      // or its bracket's: where the bracket stands in these documents), and the parent's members are indented.
      const member = tokens[i + 2];
      if (next?.kind === SyntaxKind.CommaToken && member && startsLine(member.at) && lineIndent(member.at) === lineIndent(open) && lineIndent(open).length > 0 && opened.length > 1 && lineIndent(opened[opened.length - 2]).length < lineIndent(open).length) {
        out.push({ at: t.at, left: text[t.at], what: `${t.kind === SyntaxKind.CloseBraceToken ? 'an object' : 'an array'} left open before the next member of its parent` });
      }
    }
    if (t.kind === SyntaxKind.CloseBraceToken || t.kind === SyntaxKind.CloseBracketToken) opened.pop();
  });
  return out;
}

test('random openings above or below the cursor: the items of the mended document, accepted, leave the rest as it was', { timeout: 120_000 }, async (t) => {
  const docs = sessionDocuments(1_500).filter((d) => strictJson(d.text) && openings(d.text).length > 0);
  const seed = process.env.SEED ? Number(process.env.SEED) : Math.floor(Math.random() * 2 ** 31);
  t.diagnostic(`seed ${seed} (SEED=${seed} reproduces; NO_SHRINK=1 reports the first failure as found)`);
  const lineOf = (text: string, offset: number) => text.slice(0, offset).split(/\r\n|\r|\n/).length;
  let accepted = 0;
  /** What the runs exercised, printed so that a run that checks nothing shows. */
  const seen: Record<string, number> = {};
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...docs), fc.nat(), fc.nat(), fc.constantFrom('\n', '\r\n'), async (d, slotSeed, openSeed, eol) => {
      const text = d.text.replace(/\r?\n/g, eol);
      // A kind first, then one of that kind: string values outnumber the rest by far.
      const candidates = openings(text);
      const kinds = [...new Set(candidates.map((c) => c.what))];
      const ofKind = candidates.filter((c) => c.what === kinds[openSeed % kinds.length]);
      const o = ofKind[Math.floor(openSeed / kinds.length) % ofKind.length];
      const slots = [...Array(text.length + 1).keys()].filter((i) => freeSlotAt(text, i) && lineOf(text, i) !== lineOf(text, o.at));
      if (slots.length === 0) return;
      const slot = slots[slotSeed % slots.length];
      seen[o.what] = (seen[o.what] ?? 0) + 1;
      const broken = text.slice(0, o.at) + text.slice(o.at + 1);
      const at = o.at < slot ? slot - 1 : slot;
      const where = `${o.what} ${o.at < slot ? 'above' : 'below'} the cursor in …${JSON.stringify(broken.slice(Math.max(0, Math.min(o.at, at) - 80), at) + '|' + broken.slice(at, Math.max(o.at, at) + 80))}…`;
      const offered = await items(broken, at);
      const want = (await items(text, slot)).map((i) => i.label).sort();
      assert.deepEqual(offered.map((i) => i.label).sort(), want, `${where}: the items of the mended document`);
      for (const item of offered) {
        accepted++;
        const r = acceptThenMend(broken, at, item, o.at, o.left);
        assert.ok(!r.touches, `${where}: accepting ${JSON.stringify(item.label)} edits what was left open`);
        assert.ok(strictJson(r.out), `${where}: accepting ${JSON.stringify(item.label)} and mending gives …${JSON.stringify(r.out.slice(Math.max(0, Math.min(o.at, at) - 80), Math.max(o.at, at) + 200))}…`);
      }
    }),
    { seed, numRuns: Number(process.env.RUNS ?? 60), ...(process.env.FCPATH ? { path: process.env.FCPATH } : {}), ...(process.env.NO_SHRINK ? { endOnFailure: true } : {}) },
  );
  t.diagnostic(JSON.stringify(seen));
  assert.ok(accepted > 0, 'items were accepted');
});

test('below a stray closer (a garbage line, a } typed twice): the items of the document without it', async () => {
  // [the document with `|` at the cursor and `⟪…⟫` around what the user typed too much, an item it must offer]
  const extra: [string, string][] = [
    ['{\n  "id": "/a",\n⟪  ]] oops }\n⟫  "container": {\n    "type": "DOCKER",\n    |\n  }\n}', 'docker'],
    ['{\r\n  "id": "/a",\r\n  "labels": {"a": "b"}⟪\r\n  }⟫,\r\n  "container": {\r\n    "type": |\r\n  }\r\n}', 'MESOS'],
  ];
  for (const [marked, expected] of extra) {
    const [before, rest] = marked.split('⟪');
    const [junk, after] = rest.split('⟫');
    const withJunk = before + junk + after;
    const at = withJunk.indexOf('|');
    const broken = withJunk.replace('|', '');
    const clean = (before + after).replace('|', '');
    const offered = await items(broken, at);
    const want = (await items(clean, (before + after).indexOf('|'))).map((i) => i.label).sort();
    assert.ok(want.includes(expected), `the document without it offers ${expected}: ${JSON.stringify(want)}`);
    assert.deepEqual(offered.map((i) => i.label).sort(), want, `the items at the cursor in ${JSON.stringify(broken)}`);
    for (const item of offered) {
      const out = sequentialChanges(broken, acceptItem(broken, at, item)).text;
      assert.ok(out.includes(junk) && strictJson(out.replace(junk, '')), `accepting ${JSON.stringify(item.label)} then removing the stray text gives strict JSON: ${JSON.stringify(out)}`);
    }
  }
});
