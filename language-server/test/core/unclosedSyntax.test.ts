/**
 * A '{', '[' or string that is never closed: the syntax finding points at the opener (not at the end of the file or
 * wherever the parser gave up), names it with its line and column, and keeps the place the parser gave up as related
 * information (docs/rules/syntax.md). Indentation picks the opener where it is unambiguous; a missing comma stays a
 * missing comma. The property at the end deletes each closing bracket of pretty-printed real definitions in turn.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument } from '../../src/core/parse';
import { bracketOpeners } from './bracketOpeners';
import type { Finding } from '../../src/core/finding';

function syntaxOf(text: string): Finding {
  const findings = parseDocument(text).findings;
  assert.equal(findings.length, 1, JSON.stringify(findings));
  assert.equal(findings[0].ruleId, 'syntax');
  return findings[0];
}

/** `‸` marks where the finding must start, `¦` where the parser gave up (its related location); both are removed. */
function marked(withMarks: string): { text: string; at: number; gaveUp: number } {
  const at = withMarks.replace(/¦/g, '').indexOf('‸');
  const gaveUp = withMarks.replace(/‸/g, '').indexOf('¦');
  return { text: withMarks.replace(/[‸¦]/g, ''), at, gaveUp };
}

const cases: { name: string; text: string; says: string[] }[] = [
  {
    name: "missing '}' at the end of a group",
    text: '‸{\n  "id": "/shop",\n  "apps": [\n    {\n      "id": "web",\n      "cmd": "./web"\n    }\n  ]\n¦',
    says: ["the '{' of the document opened at line 1, column 1, never closed", 'line 9, column 1', "The document looks truncated: close it with '}' at the end of the document"],
  },
  {
    // The parser reads "cpus", "mem" and "instances" into "labels" and only gives up at the end, lines below.
    name: "missing '}' in the middle: the parser gives up at the end, indentation says where",
    text: '{\n  "id": "/web",\n  "labels": ‸{\n    "team": "shop",\n  "cpus": 0.1,\n  "mem": 64\n}\n¦',
    says: ["the '{' of \"labels\" opened at line 3, column 13, never closed", "Close it with '}' at line 4, column 19"],
  },
  {
    // A '}' in the middle closes the wrong object, and the parser gives up at a ']' that is in its right place.
    name: "missing '}' of an app in a group: the parser gives up at the group's ']'",
    text: '{\n  "id": "/g",\n  "apps": [\n    {\n      "id": "a",\n      "env": ‸{\n        "A": "1"\n    }\n  ¦]\n}\n',
    says: ["the '{' of \"env\" opened at line 6, column 14, never closed", "Close it with '}' at line 7, column 17"],
  },
  {
    name: "missing '}' between two apps: the parser gives up at the next app's '{'",
    text: '{\n  "apps": [\n    ‸{\n      "id": "a"\n    ,\n    ¦{\n      "id": "b"\n    }\n  ]\n}\n',
    says: ["the '{' of item 1 in \"apps\" opened at line 3, column 5, never closed", "Close it with '}' at line 4, column 16"],
  },
  {
    name: "missing ']': a property below the array",
    text: '{\n  "id": "/a",\n  "args": ‸[\n    "a",\n    "b"\n  ,\n  "cpus"¦: 1\n}\n',
    says: ["the '[' of \"args\" opened at line 3, column 11, never closed", "Close it with ']' at line 5, column 8"],
  },
  {
    name: "missing ']' on one line: a ':' cannot stand in an array",
    text: '{"id": "/a", "args": ‸["a", "b", "cpus"¦: 1, "mem": 32}',
    says: ["the '[' of \"args\" opened at line 1, column 22, never closed", "found ':'", "Close it with ']' at line 1, column 31"],
  },
  {
    name: "a ']' where an object is open, on one line",
    text: '{"apps": [‸{"id": "a", "cmd": "x"¦]}',
    says: ["the '{' of item 1 in \"apps\" opened at line 1, column 11, never closed", "Close it with '}' at line 1, column 33"],
  },
  {
    name: "missing '}' between two apps on one line: a '{' where a property name belongs",
    text: '{"apps": [‸{"id": "a", "cmd": "x", ¦{"id": "b"}]}',
    says: ["the '{' of item 1 in \"apps\" opened at line 1, column 11, never closed", "Close it with '}' at line 1, column 33"],
  },
  {
    name: 'an unterminated string at the end',
    text: '{"id": "/a", "cmd": ‸"sleep 10¦',
    says: ['the string opened at line 1, column 21, never closed', `Add the closing '"'`],
  },
  // An editor sends the buffer with the line break that ends its last line (Neovim always does): a key or value
  // typed there, its closing quote not yet, is the same string never closed, not a line break to escape.
  {
    name: 'a property name being typed on the last line, the text ending with its line break',
    text: '{\n  "id": "/db",\n  ‸"cont¦\n',
    says: ['the string opened at line 3, column 3, never closed', 'found a line break', `Add the closing '"'`],
  },
  {
    name: 'a value being typed on the last line, the text ending with its line break (CRLF)',
    text: '{\r\n  "id": "/db",\r\n  "cmd": ‸"postg¦\r\n',
    says: ['the string opened at line 3, column 10, never closed', `Add the closing '"'`],
  },
  {
    name: "a property name being typed above the object's '}'",
    text: '{\n  "id": "/db",\n  ‸"cont¦\n}\n',
    says: ['the string opened at line 3, column 3, never closed'],
  },
  {
    name: 'a value being typed above the next property',
    text: '{\n  "cmd": ‸"postgres -D /data,¦\n  "mem": 64\n}\n',
    says: ['the string opened at line 2, column 10, never closed'],
  },
  {
    // The array's counterpart of the next property name: the next element, on the line below.
    name: 'a string being typed as the middle element of an array, the next element below',
    text: '{"id":"/a","cmd":"x","args":[‸"a¦\n  "b"\n]}',
    says: ['the string opened at line 1, column 30, never closed', 'found a line break', `Add the closing '"'`],
  },
  {
    name: 'a string being typed as an element of a pretty-printed array, more elements below (CRLF)',
    text: '{\r\n  "args": [\r\n    "-c",\r\n    ‸"echo hi¦\r\n    "--verbose",\r\n    3\r\n  ]\r\n}\r\n',
    says: ['the string opened at line 4, column 5, never closed'],
  },
  {
    name: 'a string being typed as an element, a number below',
    text: '{\n  "constraints": [\n    [‸"rack¦\n    1]\n  ]\n}\n',
    says: ['the string opened at line 3, column 6, never closed'],
  },
  {
    // A property name spans no line: whatever follows, its closing quote is what is missing.
    name: 'a property name broken by a line break, more text below',
    text: '{\n  ‸"cm¦\n  d": "x"\n}\n',
    says: ['the string opened at line 2, column 3, never closed'],
  },
  {
    name: 'a string that runs on into the next: its closing quote is missing',
    text: '{"id": "/a", "cmd": ‸"sleep 10, "¦cpus": 1}',
    says: ['the string opened at line 1, column 21, never closed', `add the closing '"' at line 1, column 30`],
  },
  {
    name: 'nested: two objects open, the innermost is named',
    text: '{\n  "container": {\n    "docker": ‸{\n      "image": "nginx"\n¦',
    says: ["the '{' of \"docker\" opened at line 3, column 15, never closed", 'and the 2 more brackets still open around it'],
  },
  {
    name: 'nested: a block dedented past two open objects names the innermost',
    text: '{\n  "container": {\n    "docker": ‸{\n      "image": "nginx"\n  ,\n  "cpus": 1\n}\n¦',
    says: ["the '{' of \"docker\" opened at line 3, column 15, never closed", "Close it with '}' at line 4, column 23, and the 1 more bracket still open around it"],
  },
  {
    name: 'CRLF line endings: positions count the pair as one line break',
    text: '{\r\n  "id": "/web",\r\n  "labels": ‸{\r\n    "team": "shop",\r\n  "cpus": 0.1\r\n}\r\n¦',
    says: ["the '{' of \"labels\" opened at line 3, column 13, never closed", "Close it with '}' at line 4, column 19", 'line 7, column 1'],
  },
  {
    name: 'tab indentation',
    text: '{\n\t"id": "/web",\n\t"labels": ‸{\n\t\t"team": "shop",\n\t"cpus": 0.1\n}\n¦',
    says: ["the '{' of \"labels\" opened at line 3, column 12, never closed"],
  },
  {
    name: 'typing into an empty file: the first character',
    text: '‸{¦',
    says: ["the '{' of the document opened at line 1, column 1, never closed"],
  },
];

for (const c of cases) {
  test(`unclosed: ${c.name}`, () => {
    const { text, at, gaveUp } = marked(c.text);
    const f = syntaxOf(text);
    assert.equal(f.span?.offset, at, `${f.message}\n(at ${f.span?.offset}, expected ${at})`);
    assert.ok(f.span!.length >= 1, 'the opener itself is underlined');
    assert.deepEqual(f.related?.map((r) => r.offset), [gaveUp], f.message);
    assert.match(f.related![0].message, /^The parser gave up here: expected .+, found .+\.$/);
    for (const s of c.says) assert.ok(f.message.includes(s), `${JSON.stringify(f.message)}\nshould say ${JSON.stringify(s)}`);
    assert.ok(f.message.includes('Marathon rejects a document that is not valid JSON ("Invalid JSON")'), f.message);
  });
}

// Not a bracket: these keep their place and their hint, and have no related location.
const notBrackets: { name: string; text: string; at: string; says: string }[] = [
  { name: 'a missing comma between two properties at the same indentation', text: '{\n  "id": "/a",\n  "labels": {\n    "a": "1"\n    "b": "2"\n  }\n}\n', at: '    "b"', says: "A ',' is probably missing" },
  { name: 'a missing comma after a nested object', text: '{\n  "labels": {\n    "a": "1"\n  }\n  "cpus": 1\n}\n', at: '  "cpus"', says: "A ',' is probably missing" },
  { name: 'a trailing comma below an oddly indented, closed object', text: '{\n  "a": {\n  "b": 1\n  },\n  "c": 2,\n}\n', at: '}\n', says: 'trailing comma' },
  { name: 'a string broken by a line break', text: '{\n  "cmd": "sleep\n 10"\n}\n', at: '\n 10', says: 'line break' },
  // In an array too: the line below goes on with the string, it is no element of its own.
  { name: 'an array element broken by a line break', text: '{\n  "args": ["echo one\n two", "x"]\n}\n', at: '\n two', says: 'line break' },
  { name: 'an array element broken by a line break, a quoted word below', text: '{\n  "args": ["echo one\n"two" three"]\n}\n', at: '\n"two"', says: 'line break' },
  // One closer too many (every bracket is closed): no '[' above is "never closed", and closing one there repairs nothing.
  {
    name: "a '}' typed twice in an app of a group",
    text: '{\n  "id": "/g",\n  "apps": [\n    {\n      "id": "/g/a",\n      "labels": {\n        "x": "y"\n      }}\n    },\n    {\n      "id": "/g/b"\n    }\n  ]\n}\n',
    at: '    },\n    {\n      "id": "/g/b"',
    says: "This '}' does not close the '[' at line 3, column 11, the innermost bracket open here: remove it if it is one too many, or write ']' if it is meant to close that '['.",
  },
  // The array is closed, by the wrong bracket: the finding belongs at that bracket.
  { name: "a '}' written for an array's ']'", text: '{\n  "id": "/a",\n  "args": [\n    "a",\n    "b"\n  },\n  "cpus": 1\n}\n', at: '  },\n  "cpus"', says: "This '}' does not close the '[' at line 3, column 11" },
  // Every '[' has its ']': the array is not left open, the object the key belongs to has no '{'.
  {
    name: "a volume's '{' deleted: its key stands in the array",
    text: '{\n  "id": "/a",\n  "container": {\n    "volumes": [\n        "containerPath": "data",\n        "mode": "RW"\n      }\n    ]\n  }\n}\n',
    at: ': "data"',
    says: "the '[' at line 4, column 16 has its ']' below, so a '{' is probably missing before the property name (or a '}' above closed its object too early)",
  },
  { name: "a ']' written for an object's '}'", text: '{\n  "env": {\n    "A": "1"\n  ],\n  "cpus": 1\n}\n', at: '  ],', says: "This ']' does not close the '{' at line 2, column 10, the innermost bracket open here: remove it if it is one too many, or write '}'" },
];
for (const c of notBrackets) {
  test(`not unclosed: ${c.name}`, () => {
    const f = syntaxOf(c.text);
    assert.equal(f.span?.offset, c.text.lastIndexOf(c.at) + (c.at.startsWith(' ') ? c.at.length - c.at.trimStart().length : 0), f.message);
    assert.equal(f.related, undefined, f.message);
    assert.ok(f.message.includes(c.says), f.message);
    assert.ok(!f.message.includes('never closed'), f.message);
    if ('}]'.includes(f.message.match(/found '(.)'/)?.[1] ?? '')) assert.ok(!f.message.includes("A ',' is probably missing"), f.message);
  });
}

/** Pretty-printed definitions from the rule fixtures: valid JSON, consistently indented. */
function definitions(): unknown[] {
  const dir = join(import.meta.dirname, '../rules');
  const out: unknown[] = [];
  for (const rule of readdirSync(dir).sort()) {
    for (const name of readdirSync(join(dir, rule)).sort()) {
      if (!name.endsWith('.json') || name === 'marathon-lint.config.json') continue;
      try {
        const v = JSON.parse(readFileSync(join(dir, rule, name), 'utf8'));
        if (v && typeof v === 'object' && JSON.stringify(v).length < 4000) out.push(v);
      } catch {
        // invalid fixtures of the syntax rule
      }
    }
  }
  return out;
}

test('property: delete any line-starting closing bracket of an indented definition; the finding names its opener', () => {
  const defs = definitions();
  assert.ok(defs.length > 100, `only ${defs.length} definitions`);
  fc.assert(
    fc.property(fc.constantFrom(...defs), fc.constantFrom('  ', '    ', '\t'), fc.constantFrom('\n', '\r\n'), fc.nat(), (v, indent, eol, pick) => {
      const text = JSON.stringify(v, null, indent).replace(/\n/g, eol) + eol;
      const pairs = bracketOpeners(text);
      // Closers that begin a line: the ones a user deletes with their line, or forgets to type.
      const closers = [...pairs.keys()].filter((o) => /(^|\n)[ \t]*$/.test(text.slice(0, o)));
      if (closers.length === 0) return;
      const del = closers[pick % closers.length];
      const broken = text.slice(0, del) + text.slice(del + 1);
      const f = syntaxOf(broken);
      assert.equal(f.span?.offset, pairs.get(del), `deleted the '${text[del]}' at ${del} of\n${text}\n→ ${f.message}`);
      assert.ok(f.message.includes('never closed'), f.message);
      for (const r of f.related ?? []) assert.ok(r.offset + r.length <= broken.length);
    }),
    { numRuns: 300 },
  );
});

test('property: delete any closing bracket of a one-line definition; the finding points inside the text at an opener that is open', () => {
  const defs = definitions();
  fc.assert(
    fc.property(fc.constantFrom(...defs), fc.nat(), (v, pick) => {
      const text = JSON.stringify(v);
      const closers = [...bracketOpeners(text).keys()];
      const del = closers[pick % closers.length];
      const broken = text.slice(0, del) + text.slice(del + 1);
      const f = syntaxOf(broken);
      assert.ok(f.span!.offset + f.span!.length <= broken.length, f.message);
      if (f.message.includes('never closed')) {
        assert.ok('{['.includes(broken[f.span!.offset]), f.message);
        // The opener is before the deleted bracket: the ones after it are all closed.
        assert.ok(f.span!.offset < del, `${broken}\n${f.message}`);
      }
    }),
    { numRuns: 200 },
  );
});

test('property: type any line-starting closing bracket of an indented definition twice; nothing is called never closed', () => {
  const defs = definitions();
  fc.assert(
    fc.property(fc.constantFrom(...defs), fc.constantFrom('  ', '\t'), fc.constantFrom('\n', '\r\n'), fc.nat(), (v, indent, eol, pick) => {
      const text = JSON.stringify(v, null, indent).replace(/\n/g, eol) + eol;
      const closers = [...bracketOpeners(text).keys()].filter((o) => /(^|\n)[ \t]*$/.test(text.slice(0, o)));
      if (closers.length === 0) return;
      const dup = closers[pick % closers.length];
      const broken = text.slice(0, dup + 1) + text.slice(dup);
      const f = syntaxOf(broken);
      assert.ok(!f.message.includes('never closed'), `typed the '${text[dup]}' at ${dup} twice in\n${text}\n→ ${f.message}`);
    }),
    { numRuns: 300 },
  );
});

test('unclosed: 10,000 nested arrays are named in a few words, without recursion', () => {
  const f = syntaxOf('{"labels": ' + '['.repeat(10_000));
  assert.equal(f.span?.offset, 11 + 9_999);
  assert.ok(f.message.startsWith(`Invalid JSON: the '[' of item 1 of an array 9998 levels deep in "labels" opened at line 1, column ${11 + 9_999 + 1}, never closed.`), f.message.slice(0, 300));
  assert.ok(f.message.length < 1000);
});
