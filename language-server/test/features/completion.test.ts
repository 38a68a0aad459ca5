import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complete } from '../../src/features/completion';
import { at, ctx, json } from './inline';

// [case, document with `|` at the cursor, labels that must be offered, labels that must not]
const cases: [string, string, string[], string[]][] = [
  ['app: top-level keys, existing ones left out', "{'id': '/a', 'cmd': 'x', |}", ['cpus', 'mem', 'container', 'env'], ['id', 'cmd']],
  ['app: fields GET echoes and create ignores are not offered', "{'id': '/a', 'cmd': 'x', |}", ['healthChecks', 'check'], ['deployments', 'tasks', 'tasksRunning', 'lastTaskFailure', 'version', 'versionInfo']],
  ['group: no version, no pods (create them with POST /v2/pods)', "{'id': '/g', 'apps': [], |}", ['groups', 'dependencies'], ['version', 'pods']],
  ['app: a half-typed key is replaced, itself not counted as existing', "{'id': '/a', 'cmd': 'x', 'me|'}", ['mem', 'cpus'], ['id']],
  ['container.type values', "{'id': '/a', 'cmd': 'x', 'container': {'type': |}}", ['DOCKER', 'MESOS'], []],
  ['boolean field', "{'id': '/a', 'cmd': 'x', 'requirePorts': |}", ['true', 'false'], []],
  ['external.options keys: dvdi/driver first', "{'id': '/a', 'cmd': 'x', 'container': {'volumes': [{'external': {'options': {|}}}]}}", ['dvdi/driver'], []],
  ['dvdi/driver values: the known drivers', "{'id': '/a', 'cmd': 'x', 'container': {'volumes': [{'external': {'options': {'dvdi/driver': |}}}]}}", ['rexray'], []],
  ['batch of apps (PUT /v2/apps): app keys inside an element', "[{'id': '/a', 'cpus': 1}, {'id': '/b', |}]", ['cmd', 'instances', 'container'], ['id', 'apps', 'groups']],
  ['batch of apps: dependencies offer the ids of the other elements', "[{'id': '/db', 'cpus': 1}, {'id': '/web', 'dependencies': [|]}]", ['/db', '/web'], []],
  ['$schema values: not the batch schema, which no object can be', "{'$schema': |}", [], ['https://marathon-devtools.github.io/schema/marathon-apps.schema.json']],
  ['dependencies: app ids of the same file', "{'id': '/g', 'apps': [{'id': 'db'}, {'id': 'web', 'dependencies': [|]}]}", ['/g/db', '/g/web'], []],
  ['constraints: operators in the second slot', "{'id': '/a', 'cmd': 'x', 'constraints': [['hostname', |]]}", ['UNIQUE', 'CLUSTER', 'GROUP_BY'], []],
  ['group: apps/groups keys', "{'id': '/g', 'apps': [], |}", ['groups', 'dependencies'], ['apps']],
  ['not a Marathon document: nothing from a schema', "{'name': 'x', |}", [], ['cpus', 'mem']],
  ['an empty object: a skeleton of each kind', '{|}', ['Marathon app with an external volume', 'Marathon app', 'Marathon pod', 'Marathon group', 'Chronos job'], ['cpus']],
  ['an empty file: skeletons with their braces', '|', ['Marathon app', 'Marathon pod', 'Chronos job'], []],
  ['$schema values: our schemas', "{'$schema': |}", ['https://marathon-devtools.github.io/schema/marathon-app.schema.json', 'https://marathon-devtools.github.io/schema/chronos-job.schema.json'], []],
  ['an id alone, being typed, is an app: app keys, no group keys', "{'id': '/db/postgres', |}", ['cmd', 'container', 'instances'], ['apps', 'groups', 'Marathon app']],
  ['mode of an external volume on the Mesos containerizer: RW only', "{'id': '/a', 'container': {'type': 'MESOS', 'volumes': [{'external': {'name': 'v'}, 'mode': |}]}}", ['RW'], ['RO']],
  ['docker parameters: key values are docker run flags, volume ones first', "{'id': '/a', 'container': {'docker': {'image': 'pg', 'parameters': [{'key': |}]}}}", ['volume-driver', 'volume', 'env'], ['RW']],
  ['docker parameters: volume-driver values are the volume plugins', "{'id': '/a', 'container': {'docker': {'image': 'pg', 'parameters': [{'key': 'volume-driver', 'value': |}]}}}", ['rexray', 'pxd', 'local'], ['name:/path']],
  ['docker parameters: volume values are name:/path forms', "{'id': '/a', 'container': {'docker': {'image': 'pg', 'parameters': [{'key': 'volume-driver', 'value': 'rexray'}, {'key': 'volume', 'value': |}]}}}", ['name:/path', 'name:/path:ro'], ['rexray', 'name=…,size=…,repl=…:/path']],
  ['docker parameters: with pxd, the Portworx inline spec too', "{'id': '/a', 'container': {'docker': {'image': 'pg', 'parameters': [{'key': 'volume-driver', 'value': 'pxd'}, {'key': 'volume', 'value': |}]}}}", ['name=…,size=…,repl=…:/path', 'name:/path'], []],
  ['docker parameters: env values are NAME=value', "{'id': '/a', 'container': {'docker': {'image': 'pg', 'parameters': [{'key': 'env', 'value': |}]}}}", ['NAME=value'], []],
  ['a value deleted before a comma: values, not keys', "{'id': '/a', 'cmd': 'x', 'container': {'type': |, 'volumes': []}}", ['DOCKER', 'MESOS'], ['docker', 'volumes']],
  ['a value deleted before a comma on the next line: values, not keys', "{'id': '/a', 'cmd': 'x', 'requirePorts': |\n, 'mem': 1}", ['true', 'false'], ['cpus', 'mem']],
  ['$schema values before the next property', "{'$schema': |, 'id': '/a'}", ['https://marathon-devtools.github.io/schema/marathon-app.schema.json'], ['cmd']],
  ['mode of an external volume on Docker: RW and RO', "{'id': '/a', 'container': {'type': 'DOCKER', 'volumes': [{'external': {'name': 'v'}, 'mode': |}]}}", ['RW', 'RO'], []],
];

test('completion: a driver option key is offered once (driver list and schema both know it)', () => {
  const { doc, offset } = at(json("{'id': '/a', 'cmd': 'x', 'container': {'volumes': [{'external': {'options': {'dvdi/driver': 'rexray', |}}}]}}"));
  const labels = complete(doc, offset, ctx).items.map((i) => i.label);
  assert.ok(labels.includes('dvdi/overwritefs'));
  assert.deepEqual(labels.filter((l, i) => labels.indexOf(l) !== i), [], 'no duplicates');
});

for (const [name, text, want, notWant] of cases) {
  test(`completion: ${name}`, () => {
    const { doc, offset } = at(json(text));
    const labels = complete(doc, offset, ctx).items.map((i) => i.label);
    for (const l of want) assert.ok(labels.includes(l), `${l} missing from ${JSON.stringify(labels)}`);
    for (const l of notWant) assert.ok(!labels.includes(l), `${l} should not be offered`);
  });
}

test('completion: a key without a colon yet inserts key and value snippet; after a colon only the key', () => {
  const bare = at(json("{'id': '/a', 'cmd': 'x', |}"));
  const mem = complete(bare.doc, bare.offset, ctx).items.find((i) => i.label === 'mem')!;
  assert.match(mem.insertText ?? '', /^"mem": /);
  const typed = at(json("{'id': '/a', 'cmd': 'x', 'me|': 1}"));
  const mem2 = complete(typed.doc, typed.offset, ctx).items.find((i) => i.label === 'mem')!;
  // From after the opening quote the user typed (completion.ts, afterQuote): the rest of the key and its closing quote.
  assert.equal(mem2.textEdit && 'range' in mem2.textEdit ? mem2.textEdit.newText : undefined, 'mem"');
});

test('completion: an enum value with a default is offered once (not also as its quoted default)', () => {
  for (const text of ["{'id': '/a', 'cmd': 'x', 'container': {'type': |}}", "{'id': '/a', 'cmd': 'x', 'healthChecks': [{'protocol': |}]}", "{'id': '/a', 'cmd': 'x', 'container': {'type': 'DOCKER', 'docker': {'image': 'x'}, 'portMappings': [{'containerPort': 1, 'protocol': |}]}}"]) {
    const { doc, offset } = at(json(text));
    const items = complete(doc, offset, ctx).items;
    const texts = items.map((i) => i.insertText ?? (i.textEdit as { newText: string } | undefined)?.newText);
    assert.deepEqual(texts.filter((t, i) => texts.indexOf(t) !== i), [], `${text}: ${items.map((i) => i.label)}`);
    assert.ok(items.some((i) => i.detail === 'default'), 'the default is still marked');
  }
});

test('completion: accepting a docker volume value inserts a quoted snippet', () => {
  const { doc, offset } = at(json("{'id': '/a', 'container': {'docker': {'image': 'pg', 'parameters': [{'key': 'volume', 'value': |}]}}}"));
  const item = complete(doc, offset, ctx).items.find((i) => i.label === 'name:/path');
  assert.equal(item?.insertText ?? (item?.textEdit as { newText: string } | undefined)?.newText, '"${1:name}:${2:/data}"');
});

test('completion: the $schema key offers the schemas an object can name, never the batch schema (an array)', () => {
  // Accepted with marathon-apps.schema.json, the object is judged a batch: "is a JSON array, but this document is an object".
  for (const text of ['{|}', '{"$|"}', "{'id': '/a', 'cmd': 'x', |}"]) {
    const { doc, offset } = at(json(text));
    const item = complete(doc, offset, ctx).items.find((i) => i.label === '$schema');
    const snippet = item?.insertText ?? (item?.textEdit as { newText: string } | undefined)?.newText ?? '';
    assert.match(snippet, /marathon-app\.schema\.json/, `${text}: ${snippet}`);
    assert.doesNotMatch(snippet, /marathon-apps\.schema\.json/, `${text}: ${snippet}`);
  }
});
