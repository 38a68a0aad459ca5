import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../src/features/hover';
import type { Diagnostic } from '../../src/core/types';
import { at, ctx, json } from './inline';

// [case, document with `|` at the cursor, fragments the markdown must contain (none: no hover)]
const cases: [string, string, string[]][] = [
  ['a key: name, type and description', "{'id': '/a', 'cmd': 'x', 'me|m': 128}", ['**mem**', '`number`']],
  ['a value: the property it belongs to', "{'id': '/a', 'cmd': 'x', 'mem': 12|8}", ['**mem**']],
  ['an enum value: allowed values listed', "{'id': '/a', 'cmd': 'x', 'container': {'type': 'DOC|KER'}}", ['**type**', 'Allowed:', '`"DOCKER"`', '`"MESOS"`']],
  ['between properties: nothing', "{'id': '/a', 'cmd': 'x',|  'mem': 128}", []],
  ['a key of an app in a batch (PUT /v2/apps): as in an app file', "[{'id': '/a', 'cpus': 1}, {'id': '/b', 'me|m': 128}]", ['**mem**', '`number`']],
  ['not a Marathon document: nothing', "{'name': 'x', 'me|m': 1}", []],
  ['mode of an external volume on the Mesos containerizer: what the rule allows', "{'id': '/a', 'container': {'type': 'MESOS', 'volumes': [{'external': {'name': 'v'}, 'mo|de': 'RW'}]}}", ['Allowed here: `"RW"`', 'dvdi-mesos-mode-rw']],
  ['docker parameter key: the docker run flag', "{'id': '/a', 'container': {'docker': {'image': 'pg', 'parameters': [{'key': 'volume-dri|ver', 'value': 'rexray'}]}}}", ['**--volume-driver**', 'Volume plugin']],
  ['docker volume-driver value: the plugin and its notes', "{'id': '/a', 'container': {'docker': {'image': 'pg', 'parameters': [{'key': 'volume-driver', 'value': 'rex|ray'}]}}}", ['**rexray**', 'REX-Ray', 'v2 plugins']],
  ['docker volume value: what is mounted where, and the inline options', "{'id': '/a', 'container': {'docker': {'image': 'pg', 'parameters': [{'key': 'volume-driver', 'value': 'pxd'}, {'key': 'volume', 'value': 'name=pg,repl=2:/da|ta:ro'}]}}}", ['the volume `pg` of the volume driver (pxd)', 'at `/data`, read-only', '`repl=2` (Replication factor']],
  ['docker volume value that Docker cannot read: why', "{'id': '/a', 'container': {'docker': {'image': 'pg', 'parameters': [{'key': 'volume', 'value': 'pg:da|ta'}]}}}", ['Not a volume Docker can read', 'not absolute']],
];

for (const [name, text, fragments] of cases) {
  test(`hover: ${name}`, () => {
    const { doc, offset } = at(json(text));
    const h = hover(doc, offset, [], ctx);
    if (fragments.length === 0) return assert.equal(h, null);
    const value = (h?.contents as { value: string } | undefined)?.value ?? '';
    for (const f of fragments) assert.ok(value.includes(f), `${f} missing from ${value}`);
  });
}

test('hover: a finding under the cursor adds its rule summary and docs link; one elsewhere does not', () => {
  const { doc, offset } = at(json("{'id': '/a', 'cmd': 'x', 'mem': -|1}"));
  const p = doc.lines.positionAt(offset);
  const finding = (line: number, from: number, to: number): Diagnostic => ({
    ruleId: 'schema',
    severity: 'error',
    message: 'mem must be >= 0',
    pointer: '/mem',
    range: { start: { line, character: from }, end: { line, character: to } },
    docsUrl: 'https://example.test/docs/rules/schema.md',
  });
  const on = (hover(doc, offset, [finding(p.line, p.character - 1, p.character + 1)], ctx)?.contents as { value: string }).value;
  assert.match(on, /\*\*schema\*\* \(error\)/);
  assert.match(on, /\[Rule documentation\]\(https:\/\/example\.test\/docs\/rules\/schema\.md\)/);
  const off = (hover(doc, offset, [finding(p.line + 3, 0, 1)], ctx)?.contents as { value: string }).value;
  assert.doesNotMatch(off, /Rule documentation/);
});
