// Pattern findings of the `schema` rule: Marathon's code first, the schema's description in words, the regex last
// (cut when long); keys of maps (propertyNames) reported on the key itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentSchemas, marathonAppSchema, marathonPodSchema } from '@marathon-devtools/schema';
import { defaultProfile, detectKind, lint } from '../../src/index';
import type { Finding } from '../../src/core/finding';
import { validateSchema } from '../../src/core/schemaValidation';
import { patternNodeText } from '../../src/core/schemaDescriptions';
import type { DocumentKind } from '../../src/core/types';

// The schema step on its own: in lint(), a semantic rule reporting the same value (e.g. app-id-pattern) hides it.
function schemaFindings(doc: unknown): Finding[] {
  return validateSchema(doc, detectKind(doc), defaultProfile).filter((d) => d.ruleId === 'schema');
}

function only(doc: unknown, pointer: string): string {
  const found = schemaFindings(doc).filter((d) => d.pointer === pointer);
  assert.equal(found.length, 1, `one schema finding at ${pointer}; got ${JSON.stringify(schemaFindings(doc))}`);
  return found[0].message;
}

type Node = { description: string; pattern: string; examples?: string[] };
const pathId = (marathonAppSchema as { definitions: { pathId: Node } }).definitions.pathId;

test('schema pattern: an app id is explained in words, the long regex comes last and cut', () => {
  const m = only({ id: '/Web_Server', cmd: 'sleep 10' }, '/id');
  assert.ok(m.startsWith('error.pattern: "id" is "/Web_Server"'), m);
  const words = m.indexOf(pathId.description);
  const regex = m.indexOf('Pattern (the whole value must match): ');
  assert.ok(words > 0 && regex > words, `description before the regex: ${m}`);
  assert.ok(m.includes(`e.g. ${JSON.stringify(pathId.examples?.[0])}`), m);
  const shown = m.slice(regex + 'Pattern (the whole value must match): '.length);
  assert.ok(shown.endsWith('…') && shown.length <= 60, `regex cut to 60 characters: ${shown}`);
  assert.ok(!shown.startsWith('^(?:'), 'the ^(?:…)$ anchoring added by our schemas is left out');
});

test('schema pattern: the same words for an app inside a group and for dependencies', () => {
  assert.ok(only({ id: '/g', apps: [{ id: 'Bad_Id', cmd: 'sleep 10' }] }, '/apps/0/id').includes(pathId.description));
  assert.ok(only({ id: '/a', cmd: 'sleep 10', dependencies: ['/A_b'] }, '/dependencies/0').includes(pathId.description));
});

test('schema pattern: a definition compiled as its own validator (schemaPath relative to it) finds its description', () => {
  // The pod container validator reports "#/properties/name/pattern", relative to definitions/podContainer.
  const podContainer = (marathonPodSchema as { definitions: { podContainer: { properties: { name: Node } } } }).definitions.podContainer;
  const m = only({ id: '/p', containers: [{ name: 'Web_1', resources: { cpus: 1, mem: 32 } }] }, '/containers/0/name');
  assert.ok(m.includes(podContainer.properties.name.description), m);
});

test('schema pattern: without a description the whole regex is shown, uncut', () => {
  // networks[].name has its pattern in an anyOf branch without a description of its own.
  const m = only({ id: '/a', cmd: 'sleep 10', networks: [{ mode: 'container', name: 'My Net' }] }, '/networks/0/name');
  assert.ok(m.startsWith('error.pattern: "networks[0].name" is "My Net"'), m);
  assert.ok(m.endsWith('Pattern (the whole value must match): [a-z0-9]([-a-z0-9_]*[a-z0-9])?'), m);
});

test('schema pattern: Chronos fields say Chronos', () => {
  const m = only({ name: 'bad name', command: 'true', schedule: 'R/2024-01-01T00:00:00Z/PT1H' }, '/name');
  assert.match(m, /^"name" is "bad name", which does not have the form Chronos requires\. name: Job name: /);
});

test('schema propertyNames: each bad key of a map is one finding on the key', () => {
  const doc = { id: '/p', containers: [{ name: 'web', resources: { cpus: 1, mem: 32 } }], environment: { 'bad-name': 'x', OK: 'y', '9x': 'z' } };
  const found = schemaFindings(doc);
  assert.deepEqual(found.map((d) => d.pointer), ['/environment/bad-name', '/environment/9x']);
  assert.ok(found[0].message.startsWith('error.pattern: "environment" has the key "bad-name"'), found[0].message);
  assert.ok(found[0].message.includes('Change it to a key of that form'), found[0].message);
});

test('schema descriptions: every described pattern in the document schemas is found by its path', () => {
  // An index key two nodes share with different texts is dropped; this catches a schema change that makes
  // a described pattern unreachable that way.
  const lost: string[] = [];
  for (const [kind, schema] of Object.entries(documentSchemas) as [DocumentKind, unknown][]) {
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}/${i}`));
      if (typeof node !== 'object' || node === null) return;
      const o = node as Record<string, unknown>;
      if (typeof o.pattern === 'string' && typeof o.description === 'string') {
        if (patternNodeText(kind, `#${path}/pattern`)?.description !== o.description) lost.push(`${kind} ${path}`);
      }
      for (const [k, v] of Object.entries(o)) if (!['enum', 'const', 'default', 'examples'].includes(k)) walk(v, `${path}/${encodeURIComponent(k.replace(/~/g, '~0').replace(/\//g, '~1'))}`);
    };
    walk(schema, '');
  }
  assert.deepEqual(lost, []);
});

test("schema: a Chronos job's findings name Chronos and quote none of Marathon's reader codes", () => {
  const job = {
    name: 'nightly',
    command: 'make',
    schedule: 'R//PT1H',
    retries: 'many',
    arguments: 'a b',
    environmentVariables: [{ name: 'A' }],
    container: { image: 'busybox', networkInfos: [{ protocol: 'IPv5', portMappings: [{ hostPort: 70000 }] }] },
  };
  const found = schemaFindings(job);
  // The network without "name" and the port mapping without "containerPort": Chronos fails on both (chronos-missing-fails).
  assert.deepEqual(found.map((d) => d.pointer).sort(), [
    '/arguments',
    '/container/networkInfos/0',
    '/container/networkInfos/0/portMappings/0',
    '/container/networkInfos/0/portMappings/0/hostPort',
    '/container/networkInfos/0/protocol',
    '/environmentVariables/0',
    '/retries',
  ]);
  for (const d of found) {
    assert.doesNotMatch(d.message, /Marathon/, d.message);
    assert.doesNotMatch(d.message, /^error\./, `Marathon's play-json codes are not Chronos's words: ${d.message}`);
  }
  assert.match(only(job, '/environmentVariables/0'), /has no "value", which Chronos requires here/);
});

test('schema: Chronos ignores a container without an image, so nothing inside it is checked', () => {
  const job = { name: 'j', command: 'x', schedule: 'R/2020-01-01T00:00:00Z/PT1H', container: { type: 'podman', volumes: [{ mode: 'xx' }] } };
  assert.deepEqual(schemaFindings(job), []);
  const { diagnostics } = lint(JSON.stringify(job));
  assert.deepEqual(diagnostics.map((d) => `${d.severity} ${d.ruleId} ${d.pointer}`), ['warning chronos-container-image /container']);
  assert.match(diagnostics[0].message, /^Chronos ignores this "container" because it has no "image"/);
  // With an image the same container is read, and its mistakes are errors again.
  const read = lint(JSON.stringify({ ...job, container: { ...job.container, image: 'busybox' } })).diagnostics;
  assert.deepEqual(read.map((d) => `${d.severity} ${d.pointer}`), ['error /container/type', 'error /container/volumes/0', 'error /container/volumes/0/mode']);
});

test('schema paths: a key that is no identifier is in brackets, single-quoted unless it holds a quote', () => {
  const ext = (options: Record<string, unknown>) => ({ id: '/a', cmd: 'sleep 10', container: { type: 'MESOS', volumes: [{ containerPath: 'd', mode: 'RW', external: { name: 'v', provider: 'dvdi', options } }] } });
  const at = (k: string) => `/container/volumes/0/external/options/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  assert.match(only(ext({ 'dvdi/driver': 'rexray', 'dvdi/iops': null }), at('dvdi/iops')), /"container\.volumes\[0\]\.external\.options\['dvdi\/iops'\]" must be a string/);
  assert.match(only(ext({ 'dvdi/driver': 'rexray', "it's": 7 }), at("it's")), /"container\.volumes\[0\]\.external\.options\["it's"\]" must be a string/);
});
