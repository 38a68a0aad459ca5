// Each published schema compiles in ajv's strict mode without a single warning, carries its stable $id, and
// stands alone (every $ref points inside the same file), so ajv-cli and VS Code can use it without our code.
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { bridgeProtocolSchemaFile, bridgeProtocolSchemaId, documentSchemaFiles, documentSchemaIds, type DefinitionKind } from '../src/schemaIds';

const schemaDir = join(import.meta.dirname, '..');
const load = (file: string) => JSON.parse(readFileSync(join(schemaDir, file), 'utf8')) as Record<string, unknown>;

function refsOf(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refsOf(n, out));
  else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsOf(v, out);
    }
  }
  return out;
}

const published: [string, string][] = [
  ...(Object.keys(documentSchemaFiles) as DefinitionKind[]).map((k): [string, string] => [documentSchemaFiles[k], documentSchemaIds[k]]),
  [bridgeProtocolSchemaFile, bridgeProtocolSchemaId],
];

for (const [file, id] of published) {
  test(`${file} compiles in strict ajv without warnings`, () => {
    const logged: unknown[] = [];
    const logger = { log: (...a: unknown[]) => logged.push(a), warn: (...a: unknown[]) => logged.push(a), error: (...a: unknown[]) => logged.push(a) };
    const ajv = new Ajv({ strict: true, strictTypes: true, strictTuples: true, strictRequired: true, allErrors: true, logger });
    const schema = load(file);
    ajv.addSchema(schema);
    for (const def of Object.keys((schema.definitions ?? {}) as object)) assert.ok(ajv.getSchema(`${id}#/definitions/${def}`), def);
    assert.ok(ajv.getSchema(id));
    assert.deepEqual(logged, []);
  });

  test(`${file} has $id ${id} and only local $refs`, () => {
    const schema = load(file);
    assert.equal(schema.$id, id);
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    const definitions = (schema.definitions ?? {}) as Record<string, unknown>;
    for (const ref of refsOf(schema)) {
      assert.match(ref, /^#\/definitions\//, `${file}: $ref ${ref} leaves the file`);
      assert.ok(definitions[ref.slice('#/definitions/'.length)], `${file}: $ref ${ref} has no definition`);
    }
  });
}

test('document schemas never close objects (Marathon ignores unknown fields)', () => {
  for (const kind of Object.keys(documentSchemaFiles) as DefinitionKind[]) {
    const text = readFileSync(join(schemaDir, documentSchemaFiles[kind]), 'utf8');
    assert.doesNotMatch(text, /"additionalProperties": false/, documentSchemaFiles[kind]);
  }
});

test('every pattern is anchored (RAML patterns are full matches)', () => {
  for (const [file] of published) {
    const patterns: string[] = [];
    const walk = (n: unknown): void => {
      if (Array.isArray(n)) n.forEach(walk);
      else if (n !== null && typeof n === 'object')
        for (const [k, v] of Object.entries(n)) {
          if (k === 'pattern' && typeof v === 'string') patterns.push(v);
          else walk(v);
        }
    };
    walk(load(file));
    for (const p of patterns) assert.ok(p.startsWith('^') && p.endsWith('$'), `${file}: pattern ${p} is not anchored`);
  }
});
