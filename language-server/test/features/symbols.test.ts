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
