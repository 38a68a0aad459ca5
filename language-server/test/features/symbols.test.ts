import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { documentSymbols } from '../../src/features/symbols';
import { at, json } from './inline';

/** The outline as indented `name [detail]` lines: compact to write, and the order shows too. */
function outline(symbols: DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name}${s.detail ? ` [${s.detail}]` : ''}`, ...outline(s.children ?? [], depth + 1)]);
}

// [case, document, outline]
const cases: [string, string, string[]][] = [
  [
    'app with a container and an external volume',
    "{'id': '/a', 'cmd': 'x', 'container': {'type': 'DOCKER', 'docker': {'image': 'nginx'}, 'volumes': [{'containerPath': 'd', 'external': {'name': 'pg', 'provider': 'dvdi'}}, {'containerPath': '/tmp', 'hostPath': '/t'}]}}",
    ['/a [app]', '  container [DOCKER nginx]', '    pg [external dvdi]', '    /tmp [/tmp]'],
  ],
  [
    'nested groups with apps and pods',
    "{'id': '/g', 'apps': [{'id': 'web', 'cmd': 'x'}], 'groups': [{'id': '/g/db', 'apps': [{'id': 'pg', 'cmd': 'x'}], 'pods': [{'id': 'p', 'containers': [{'name': 'c1', 'image': {'id': 'busybox'}}]}]}]}",
    ['/g [group]', '  web [app]', '  /g/db [group]', '    pg [app]', '    p [pod]', '      c1 [busybox]'],
  ],
  ['pod with pod-level volumes', "{'id': '/p', 'containers': [{'name': 'c'}], 'volumes': [{'name': 'v1'}]}", ['/p [pod]', '  c', '  v1']],
  ['Chronos job', "{'name': 'nightly', 'command': 'x', 'schedule': 'R/2020-01-01T00:00:00Z/PT1H'}", ['nightly [Chronos job]']],
  ['app without an id', "{'cmd': 'x'}", ['(no id) [app]']],
  ['batch of apps (PUT /v2/apps): one app per element', "[{'id': '/a', 'cpus': 1}, 3, {'id': '/b', 'container': {'type': 'MESOS', 'volumes': [{'containerPath': 'd', 'external': {'name': 'pg', 'provider': 'dvdi'}}]}}]", ['/a [app]', '/b [app]', '  container [MESOS]', '    pg [external dvdi]']],
  ['not a definition: no outline', "{'name': 'x'}", []],
];

for (const [name, text, expected] of cases) {
  test(`symbols: ${name}`, () => {
    assert.deepEqual(outline(documentSymbols(at(json(text)).doc)), expected);
  });
}

test('symbols: the selection range is the id property, the range the whole object', () => {
  const text = json("{'id': '/a', 'cmd': 'x'}");
  const [app] = documentSymbols(at(text).doc);
  assert.deepEqual(app.range, { start: { line: 0, character: 0 }, end: { line: 0, character: text.length } });
  assert.deepEqual(app.selectionRange, { start: { line: 0, character: 1 }, end: { line: 0, character: 1 + '"id": "/a"'.length } });
});

test('in a document left open above, each symbol\'s selectionRange lies in its range (VS Code drops an outline that breaks it)', () => {
  // LSP's DocumentSymbol: "selectionRange must be contained in the range". A string left open before its comma
  // ("/g/a, then the next app) is closed by the layout (features/indentation.ts) around the whole string.
  const before = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  for (const text of ['{\n  "id": "/g",\n  "apps": [\n    {\n      "id": "/g/a,\n    {\n      "id": "/g/b"\n    }\n  ]\n}', '{\r\n  "id": "/g",\r\n  "apps": [\r\n    {\r\n      "cmd": "x",\r\n      "id": "/g/a,\r\n    {\r\n      "id": "/g/b"\r\n    }\r\n  ]\r\n}']) {
    const { doc } = at(text);
    const visit = (s: DocumentSymbol): void => {
      assert.ok(before(s.range.start, s.selectionRange.start) && before(s.selectionRange.end, s.range.end), `${s.name}: ${JSON.stringify(s.selectionRange)} in ${JSON.stringify(s.range)} of ${JSON.stringify(text)}`);
      (s.children ?? []).forEach(visit);
    };
    const symbols = documentSymbols(doc);
    assert.deepEqual(outline(symbols), ['/g [group]', '  /g/a [app]', '  /g/b [app]']);
    symbols.forEach(visit);
  }
});

test('an outline stops at 20,000 apps, within one group or batch too (the cap was checked only between groups)', () => {
  const apps = Array.from({ length: 25_000 }, (_, i) => ({ id: `/g/app-${i}`, cmd: 'sleep 1' }));
  const count = (ss: DocumentSymbol[]): number => ss.reduce((n, s) => n + (s.detail === 'app' ? 1 : 0) + count(s.children ?? []), 0);
  for (const value of [apps, { id: '/g', apps }]) {
    const symbols = documentSymbols(at(JSON.stringify(value)).doc);
    assert.equal(count(symbols), 20_000, Array.isArray(value) ? 'batch' : 'group');
  }
});
