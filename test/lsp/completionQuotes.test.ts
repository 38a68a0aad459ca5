/**
 * Completion in and around a string's quotes over stdio, as VS Code filters and applies an item: a key or value
 * typed part way, at an empty `""` (VS Code closes a quote as it is typed), after a bare `"`, in the middle of a word,
 * and right after the closing quote (the user typed it, or stepped over the one VS Code inserted, then asked), at the
 * top of an app, in a group's apps and in a batch of apps (PUT /v2/apps).
 *
 * VS Code keeps an item only when the text from its edit's start to the cursor matches its filterText, or its label
 * without one (CompletionModel in src/vs/editor/contrib/suggest/browser/completionModel.ts scores it with fuzzyScore,
 * which first requires each of its characters, in order and in any case, in that text: isPatternInWord in
 * src/vs/base/common/filters.ts), and an edit on another line than the cursor, or over several, is not applied at all
 * (CompletionItem.isInvalid in suggest.ts). Accepted, the item must leave strict JSON with the key or value once,
 * between one pair of quotes.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { offsetOfPos } from './editorText';
import { cursor, startClient, type TestClient } from './lspClient';
import { acceptItem, completionItemsAt, strictJson } from './typingChecks';
import { lint } from '../../language-server/src/index';

let c: TestClient;
before(async () => {
  c = await startClient();
});
after(async () => {
  assert.equal(await c.shutdown(), 0);
});

const app = (members: string) => `{"id": "/a", "cmd": "sleep 1", ${members}}`;
const inGroup = (members: string) => `{"id": "/g", "apps": [{"id": "a", "cmd": "sleep 1", ${members}}]}`;
const inBatch = (members: string) => `[{"id": "/a", "cmd": "sleep 1"}, {"id": "/b", "cmd": "sleep 1", ${members}}]`;
const appSchema = 'https://marathon-devtools.github.io/schema/marathon-app.schema.json';

// [where, the document with `|` at the cursor, the item's label, what the accepted text holds]
const cases: [string, string, string, string][] = [];
for (const [container, wrap] of [['an app', app], ["a group's app", inGroup], ['a batch element', inBatch]] as const) {
  cases.push(
    [`${container}: a key typed part way, its quote closed by the editor`, wrap('"ins|"'), 'instances', '"instances": 1'],
    [`${container}: a key typed part way after a bare quote`, wrap('"ins|'), 'instances', '"instances": 1'],
    [`${container}: an empty "" `, wrap('"|"'), 'instances', '"instances": 1'],
    [`${container}: a bare quote`, wrap('"|'), 'instances', '"instances": 1'],
    [`${container}: in the middle of a key`, wrap('"ins|tances": 2'), 'instances', '"instances": 2'],
    [`${container}: right after a key's closing quote`, wrap('"ins"|'), 'instances', '"instances": 1'],
    [`${container}: an enum value typed part way`, wrap('"container": {"type": "D|"}'), 'DOCKER', '"type": "DOCKER"'],
    [`${container}: an enum value after a bare quote`, wrap('"container": {"type": "|}'), 'MESOS', '"type": "MESOS"'],
    [`${container}: right after an enum value's closing quote`, wrap('"container": {"type": "D"|}'), 'DOCKER', '"type": "DOCKER"'],
    [`${container}: a boolean typed in quotes`, wrap('"requirePorts": "t|"'), 'true', '"requirePorts": true'],
  );
}
cases.push(
  ['$schema typed as a key', '{"$|"}', '$schema', `{"$schema": "${appSchema}"}`],
  ['$schema typed as a key after a bare quote', '{"$sch|}', '$schema', `{"$schema": "${appSchema}"}`],
  ["right after $schema's closing quote", '{"$sch"|}', '$schema', `{"$schema": "${appSchema}"}`],
  ['$schema above a property', '{\n  "$sch|"\n  "id": "/a",\n  "cmd": "sleep 1"\n}', '$schema', `"$schema": "${appSchema}",\n`],
  ["$schema's value", '{"$schema": "|"}', appSchema, `{"$schema": "${appSchema}"}`],
);

/** Whether VS Code keeps `item` with the cursor at `offset` (the first test fuzzyScore makes), and why not. */
function vsCodeDrops(text: string, offset: number, item: any): string | undefined {
  if (!item.textEdit) return undefined; // filtered by the word before the cursor, as for any item without an edit
  const range = item.textEdit.range ?? item.textEdit.insert;
  const line = text.slice(0, offset).split(/\r\n|\r|\n/).length - 1;
  if (range.start.line !== line || range.end.line !== line) return `its edit is not on the cursor's line: ${JSON.stringify(range)}`;
  const start = offsetOfPos(text, range.start);
  if (start > offset || offsetOfPos(text, range.end) < offset) return `its edit does not hold the cursor: ${JSON.stringify(range)}`;
  const word = text.slice(start, offset).replace(/^[ \t]+/, '').toLowerCase();
  const target = String(item.filterText ?? item.label).toLowerCase();
  let i = 0;
  for (const ch of target) if (i < word.length && ch === word[i]) i++;
  return i === word.length ? undefined : `${JSON.stringify(text.slice(start, offset))} typed since its edit's start is not in ${JSON.stringify(item.filterText ?? item.label)}`;
}

function accepted(text: string, offset: number, item: any): string {
  const edits = acceptItem(text, offset, item).map((e) => ({ s: offsetOfPos(text, e.range.start), e: offsetOfPos(text, e.range.end), t: e.newText }));
  let out = text;
  for (const e of [...edits].sort((x, y) => y.s - x.s)) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}

test('completion in and around quotes: VS Code keeps the item, and accepting it leaves the key or value once in one pair of quotes', async () => {
  const problems: string[] = [];
  for (const [what, marked, label, holds] of cases) {
    const { text, offset } = cursor(marked);
    const item = (await completionItemsAt(c, 'lsp-completion-quotes', text, offset)).find((i) => i.label === label);
    if (!item) {
      problems.push(`${what}: ${label} not offered in ${JSON.stringify(marked)}`);
      continue;
    }
    const dropped = vsCodeDrops(text, offset, item);
    if (dropped) problems.push(`${what}: VS Code drops ${label}: ${dropped}`);
    const out = accepted(text, offset, item);
    if (!strictJson(out) || !out.includes(holds) || /""\w|\w""/.test(out)) problems.push(`${what}: accepting ${label} leaves ${JSON.stringify(out)}`);
  }
  assert.deepEqual(problems, []);
});

// A `"` typed in an empty object, bare or closed by VS Code, on one line or between lines of their own, and under a
// `$schema` (its kind's skeletons only): every skeleton is still offered, kept by VS Code's filter with the `"` typed,
// and accepted it replaces the quote(s), leaving strict JSON that lints clean.
const skeletonLabels = ['Marathon app with an external volume', 'Marathon app', 'Marathon pod', 'Marathon group', 'Chronos job'];
const skeletonCases: [string, string, string[]][] = [
  ['a bare quote in {}', '{"|}', skeletonLabels],
  ['a quote VS Code closed in {}', '{"|"}', skeletonLabels],
  ['a bare quote on a line of its own', '{\n  "|\n}\n', skeletonLabels],
  ['a quote VS Code closed on a line of its own (CRLF)', '{\r\n  "|"\r\n}\r\n', skeletonLabels],
  ['a quote VS Code closed below an app $schema', `{\n  "$schema": "${appSchema}",\n  "|"\n}\n`, ['Marathon app with an external volume', 'Marathon app']],
];

test('skeletons after a " typed in an empty object: VS Code keeps them, and each accepted lints clean', async () => {
  const problems: string[] = [];
  for (const [what, marked, labels] of skeletonCases) {
    const { text, offset } = cursor(marked);
    const items = await completionItemsAt(c, 'lsp-completion-quotes', text, offset);
    for (const label of labels) {
      const item = items.find((i) => i.label === label);
      if (!item) {
        problems.push(`${what}: ${label} not offered`);
        continue;
      }
      const dropped = vsCodeDrops(text, offset, item);
      if (dropped) problems.push(`${what}: VS Code drops ${label}: ${dropped}`);
      const out = accepted(text, offset, item);
      if (!strictJson(out)) {
        problems.push(`${what}: accepting ${label} leaves ${JSON.stringify(out)}`);
        continue;
      }
      const findings = lint(out).diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.ruleId} ${d.pointer}`);
      if (findings.length > 0) problems.push(`${what}: ${label} accepted gets ${findings.join(', ')}`);
    }
  }
  assert.deepEqual(problems, []);
});
