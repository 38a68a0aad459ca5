/**
 * The bridge's request check is the protocol schema (schema/source/protocol.ts), nothing else: for every method,
 * each field the schema declares is accepted and any other is refused with a message listing exactly the
 * schema's fields. So adding a request field is one edit of the schema source, and a hand-written shape check
 * creeping back (one that forgets a field, or lists its own) fails here.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import bridgeProtocolSchema from '@marathon-devtools/schema/dvdi-bridge-protocol.schema.json';
import { bridgeParamsDefinitions } from '@marathon-devtools/schema/validators';
import { checkParams, type ReceivedParams } from '../../src/server/paramsValidation';

type Node = { $ref?: string; type?: string; enum?: unknown[]; examples?: unknown[]; anyOf?: Node[]; properties?: Record<string, Node>; required?: string[] };
const definitions = bridgeProtocolSchema.definitions as unknown as Record<string, Node>;

/** A value the schema accepts for this property: its first example or enum value, else one of its type. */
function sample(node: Node): unknown {
  if (node.$ref) return sample(definitions[node.$ref.replace('#/definitions/', '')]);
  if (node.examples?.length) return node.examples[0];
  if (node.enum?.length) return node.enum[0];
  if (node.anyOf?.length) return sample(node.anyOf[0]);
  return { string: 'x', boolean: false, integer: 1, number: 1, object: {}, array: [] }[node.type ?? 'string'];
}

const received = Object.keys(bridgeParamsDefinitions).filter((m): m is keyof ReceivedParams => m !== 'volume/dryRunProgress');

describe('request params: the schema is the one check', () => {
  for (const method of received) {
    const definition = definitions[bridgeParamsDefinitions[method]];
    const fields = Object.keys(definition.properties ?? {});
    const base = Object.fromEntries((definition.required ?? []).map((f) => [f, sample(definition.properties![f])]));

    it(`${method}: every field the schema declares is accepted (${fields.join(', ') || 'none'})`, () => {
      for (const f of fields) {
        const params = { ...base, [f]: sample(definition.properties![f]) };
        const c = checkParams(method, params, 'plugin');
        assert.ok(c.ok, `${method} ${JSON.stringify(params)}: ${c.ok ? '' : c.message}`);
        assert.deepEqual(c.value, params, 'passed on as sent');
      }
    });

    it(`${method}: a field the schema does not declare is refused, naming the schema's fields`, () => {
      const c = checkParams(method, { ...base, notInTheSchema: 'x' }, 'plugin');
      assert.equal(c.ok, false);
      if (c.ok) return;
      assert.equal(c.field, 'params.notInTheSchema');
      if (fields.length > 0) assert.ok(c.message.endsWith(`expected only ${fields.join(', ')}`), c.message);
    });

    for (const f of definition.required ?? []) {
      it(`${method}: the required field ${f} is named when missing`, () => {
        const { [f]: _omitted, ...rest } = base;
        const c = checkParams(method, rest, 'plugin');
        assert.ok(!c.ok && c.field === `params.${f}` && c.message === `params.${f}: is required`, JSON.stringify(c));
      });
    }
  }
});
