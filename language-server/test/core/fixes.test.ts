import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyTextEdits, fixToTextEdits, lint } from '../../src/index';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures/fixes', name), 'utf8');

/** Applies the first fix until none is left; returns the final text. */
function applyAllFixes(text: string): string {
  for (let i = 0; i < 20; i++) {
    const d = lint(text).diagnostics.find((x) => x.fix);
    if (!d) return text;
    text = applyTextEdits(text, fixToTextEdits(text, d.fix!));
  }
  throw new Error('fixes do not converge');
}

for (const file of ['four-spaces-two-enum-typos.json', 'tabs-crlf-enum-typo.json']) {
  test(`fixes: ${file} round-trips to a document without schema errors, keeping its formatting`, () => {
    const before = fixture(file);
    assert.ok(lint(before).diagnostics.some((d) => d.ruleId === 'schema' && d.fix));
    const after = applyAllFixes(before);
    assert.deepEqual(lint(after).diagnostics.filter((d) => d.ruleId === 'schema'), []);
    // Only the bad values changed: same lines, same indentation and line endings.
    assert.equal(after.split('\n').length, before.split('\n').length);
    assert.equal(after.includes('\r\n'), before.includes('\r\n'));
    assert.deepEqual(after.split('\n').map((l) => /^\s*/.exec(l)![0]), before.split('\n').map((l) => /^\s*/.exec(l)![0]));
  });
}

test('fixes: a quoted number or boolean loses its quotes, a number where a name goes gains them, and nothing else moves', () => {
  const before = fixture('quoted-values.json');
  const fixes = lint(before).diagnostics.filter((d) => d.ruleId === 'schema').map((d) => [d.pointer, d.fix?.title]);
  assert.deepEqual(fixes, [
    ['/cpus', 'Remove the quotes: 0.5'],
    ['/mem', 'Remove the quotes: 128'],
    ['/requirePorts', 'Remove the quotes: true'],
    ['/portDefinitions/0/port', 'Remove the quotes: 0'],
    ['/portDefinitions/0/name', 'Put it in double quotes: "8080"'],
  ]);
  const after = applyAllFixes(before);
  assert.deepEqual(lint(after).diagnostics.filter((d) => d.ruleId === 'schema'), []);
  assert.equal(after, before.replace('"0.5"', '0.5').replace('"128"', '128').replace('"TRUE"', 'true').replace('"0"', '0').replace(': 8080', ': "8080"'));
});

test('fixes: quoted text that is no JSON number, or a fraction where a whole number goes, gets the hint but no fix', () => {
  for (const [field, value] of [['cpus', '"0x10"'], ['instances', '"1.5"'], ['mem', '" "'], ['cpus', '"Infinity"']]) {
    const text = `{ "id": "/a", "cmd": "sleep 1000", "${field}": ${value} }`;
    const d = lint(text).diagnostics.find((x) => x.pointer === `/${field}` && x.ruleId === 'schema');
    assert.ok(d, `${field}: ${value} is a schema error`);
    assert.equal(d.fix, undefined, `${field}: ${value}`);
  }
});

test('fixes: a key added to an object written on one line stays on that line; the rest of the layout is untouched', () => {
  const volume = '{ "containerPath": "data", "mode": "RW", "external": { "name": "pgdata", "provider": "dvdi", "options": {} } }';
  const before = `{\n  "id": "/shop/db",\n  "cmd": "postgres -D /data",\n  "container": {\n    "type": "MESOS",\n    "volumes": [\n      ${volume}\n    ]\n  },\n  "upgradeStrategy": { "minimumHealthCapacity": 0, "maximumOverCapacity": 0 }\n}\n`;
  const d = lint(before).diagnostics.find((x) => x.ruleId === 'dvdi-driver-required');
  assert.ok(d?.fix, 'dvdi-driver-required offers a fix');
  const after = applyTextEdits(before, fixToTextEdits(before, d.fix));
  assert.equal(after, before.replace('"options": {}', '"options": { "dvdi/driver": "rexray" }'));
  const added = applyTextEdits(after, fixToTextEdits(after, { title: 'add', edits: [{ op: 'add', pointer: '/upgradeStrategy/x', value: { a: [1, 2] } }] }));
  assert.equal(added, after.replace('"maximumOverCapacity": 0 }', '"maximumOverCapacity": 0, "x": { "a": [1, 2] } }'));
  // Text inside strings is kept as written, spaces around brackets included.
  const quoted = applyTextEdits(after, fixToTextEdits(after, { title: 'add', edits: [{ op: 'add', pointer: '/upgradeStrategy/y', value: ['[ a ]', { b: '{ }' }] }] }));
  assert.deepEqual(JSON.parse(quoted).upgradeStrategy.y, ['[ a ]', { b: '{ }' }]);
});

test('fixes: the edit replaces exactly the bad value', () => {
  const text = fixture('four-spaces-two-enum-typos.json');
  const d = lint(text).diagnostics.find((x) => x.pointer === '/container/type')!;
  const edits = fixToTextEdits(text, d.fix!);
  assert.equal(edits.length, 1); // the smallest edit: only the changed characters
  const [e] = edits;
  assert.ok(e.range.start.line === d.range.start.line && e.range.start.character >= d.range.start.character && e.range.end.character <= d.range.end.character);
  assert.equal(applyTextEdits(text, edits), text.replace('"DOCKR"', '"DOCKER"'));
});

test('fixes: add and remove edits follow the document indentation', () => {
  const text = fixture('four-spaces-two-enum-typos.json');
  const added = applyTextEdits(text, fixToTextEdits(text, { title: 'add', edits: [{ op: 'add', pointer: '/instances', value: 2 }] }));
  assert.match(added, /\n {4}"instances": 2\n\}/);
  const removed = applyTextEdits(text, fixToTextEdits(text, { title: 'rm', edits: [{ op: 'remove', pointer: '/cmd' }] }));
  assert.deepEqual(Object.keys(JSON.parse(removed)), ['id', 'container']);
  const appended = applyTextEdits(text, fixToTextEdits(text, { title: 'append', edits: [{ op: 'add', pointer: '/container/volumes', value: [] }, { op: 'add', pointer: '/container/volumes/-', value: { containerPath: 'd', mode: 'RW' } }] }));
  assert.deepEqual(JSON.parse(appended).container.volumes, [{ containerPath: 'd', mode: 'RW' }]);
});

test('fixes: a pointer that no longer fits the document yields no edit rather than a throw', () => {
  assert.deepEqual(fixToTextEdits('[1, 2]', { title: 'x', edits: [{ op: 'replace', pointer: '/a/b/c', value: 1 }] }), []);
});

test('fixes: "contianer" is one finding, and its rename edits only the key, in place', () => {
  const text = fixture('contianer-typo.json');
  const findings = lint(text).diagnostics;
  assert.deepEqual(findings.map((d) => d.ruleId), ['unknown-property'], 'no "nothing to run" error on top of the typo');
  const edits = fixToTextEdits(text, findings[0].fix!);
  assert.equal(findings[0].fix!.title, 'Rename "contianer" to "container"');
  assert.equal(edits.length, 1);
  assert.ok(edits[0].range.start.line === 2 && edits[0].range.end.line === 2, `one edit inside the key's line: ${JSON.stringify(edits)}`);
  assert.equal(applyTextEdits(text, edits), text.replace('"contianer"', '"container"'));
  assert.deepEqual(lint(applyTextEdits(text, edits)).diagnostics, []);
});

test('fixes: an unknown property with no near name is offered for removal, and only its line goes', () => {
  const text = '{\n  "id": "/a",\n  "cmd": "sleep 1",\n  "frobnicate": true,\n  "instances": 1\n}\n';
  const d = lint(text).diagnostics.find((x) => x.ruleId === 'unknown-property')!;
  assert.equal(d.fix?.title, 'Remove "frobnicate"');
  assert.equal(applyTextEdits(text, fixToTextEdits(text, d.fix!)), '{\n  "id": "/a",\n  "cmd": "sleep 1",\n  "instances": 1\n}\n');
});

test('fixes: a destructive dvdi/overwritefs is removed, and a DVDI_VOLUME_NAME loses the characters the module refuses', () => {
  const app = (extra: string) => `{\n  "id": "/db",\n  "cmd": "sleep 1",\n  "instances": 1,\n  "upgradeStrategy": { "minimumHealthCapacity": 0, "maximumOverCapacity": 0 },\n${extra}\n}\n`;
  const vol = app('  "container": {\n    "type": "MESOS",\n    "volumes": [{ "containerPath": "data", "mode": "RW", "external": { "name": "pg", "provider": "dvdi", "options": { "dvdi/driver": "rexray", "dvdi/overwritefs": "true" } } }]\n  }');
  const d = lint(vol).diagnostics.find((x) => x.ruleId === 'dvdi-destructive-option')!;
  assert.equal(d.fix?.title, 'Remove dvdi/overwritefs');
  const fixed = applyTextEdits(vol, fixToTextEdits(vol, d.fix!));
  assert.equal(fixed, vol.replace(', "dvdi/overwritefs": "true"', ''));
  const env = app('  "env": { "DVDI_VOLUME_NAME": "pg data/1", "DVDI_VOLUME_DRIVER": "rexray" }');
  const e = lint(env).diagnostics.find((x) => x.ruleId === 'dvdi-env-value-chars')!;
  assert.match(e.fix!.title, /^Remove "\/", " " from DVDI_VOLUME_NAME/);
  assert.equal(applyTextEdits(env, fixToTextEdits(env, e.fix!)), env.replace('"pg data/1"', '"pgdata1"'));
});

test('fixes: an id with accented letters is renamed to their base letters ("/Böse-App" → "/bose-app"), not to dashes', () => {
  const cases: [string, string][] = [
    ['/Böse-App', '/bose-app'],
    ['/prod/Café.Crème', '/prod/cafe.creme'],
    ['/naïve_straße', '/naive-stra-e'],
  ];
  // Marathon's id pattern (marathon-rules.md §4.1, app-id-pattern), each segment matched fully.
  const segment = /^(?:(?:(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])\.)*(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])|\.|\.\.)$/;
  for (const [id, expected] of cases) {
    const text = JSON.stringify({ id, cmd: 'sleep 1000' });
    const d = lint(text).diagnostics.find((x) => x.ruleId === 'app-id-pattern');
    assert.ok(d?.fix, `app-id-pattern offers a fix for ${id}`);
    const fixed = JSON.parse(applyTextEdits(text, fixToTextEdits(text, d.fix))).id as string;
    assert.equal(fixed, expected);
    assert.ok(fixed.split('/').filter((s) => s !== '').every((s) => segment.test(s)), fixed);
    assert.deepEqual(lint(JSON.stringify({ id: fixed, cmd: 'sleep 1000' })).diagnostics.filter((x) => x.pointer === '/id'), []);
  }
});

test('fixes: a misspelt option whose meant key would erase the volume ("dvdi/overwrite" → overwritefs) gets no one-click rename', () => {
  // The rename would make REX-Ray format the volume on creation (dvdi-destructive-option): the finding says what the
  // meant option does, and the edit is left to the user.
  const app = (options: Record<string, string>) =>
    JSON.stringify({ id: '/db', cmd: 'postgres', container: { type: 'MESOS', volumes: [{ containerPath: 'data', mode: 'RW', external: { name: 'db-data', provider: 'dvdi', options: { 'dvdi/driver': 'rexray', ...options } } }] } }, null, 2);
  const misspelt = (text: string) => lint(text).diagnostics.filter((d) => d.ruleId === 'dvdi-option-misspelled');
  const [d] = misspelt(app({ 'dvdi/overwrite': 'true' }));
  assert.ok(d, 'the misspelling is still reported');
  assert.equal(d.fix, undefined);
  assert.match(d.message, /"dvdi\/overwritefs"/);
  assert.match(d.message, /format|erase|destroy|wipe/i);
  // A harmless meant key keeps its rename.
  assert.ok(misspelt(app({ 'dvdi/iop': '3000' }))[0]?.fix);
});

test('fixes: a misspelt dvdi/driver on the Docker containerizer ends as "dvdi/driver" with the driver the user wrote, whatever else the options hold', () => {
  // "Keep only dvdi/driver" used to delete the misspelt key with the user's driver in it, and dvdi-driver-required then
  // added its default: the value the user wrote was lost (issue 14).
  for (const [driver, extra] of [['rexray', {}], ['rexray', { 'dvdi/size': '10' }], ['pxd', { 'dvdi/repl': '2' }]] as const) {
    const options = { 'dvdi/drive': driver, ...extra };
    const text = JSON.stringify({ id: '/db', cmd: 'postgres', container: { type: 'DOCKER', docker: { image: 'postgres:16' }, volumes: [{ containerPath: '/data', mode: 'RW', external: { name: 'db-data', provider: 'dvdi', options } }] } }, null, 2);
    const after = JSON.parse(applyAllFixes(text));
    assert.deepEqual(after.container.volumes[0].external.options, { 'dvdi/driver': driver }, JSON.stringify(options));
  }
});
