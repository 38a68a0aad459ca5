// The case-insensitive enum convention: any letter case of a canonical value validates, anything else does
// not, and the canonical values stay readable at anyOf[0].enum.
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import fc from 'fast-check';
import { test } from 'node:test';
import { ciEnum, enumValues } from '../source/jsonSchema';

const values = ['DOCKER', 'MESOS', 'udp,tcp', 'container/bridge', 'IPv6'];
const validate = new Ajv({ strict: true }).compile(ciEnum(values));

const recase = (s: string, flips: boolean[]) => [...s].map((c, i) => (flips[i % flips.length] ? c.toUpperCase() : c.toLowerCase())).join('');

test('any letter case of a canonical value validates', () => {
  fc.assert(
    fc.property(fc.constantFrom(...values), fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }), (v, flips) => validate(recase(v, flips))),
  );
});

test('strings that differ by more than case are rejected', () => {
  for (const bad of ['DOCKERS', ' DOCKER', 'MESOS|DOCKER', 'udp.tcp', 'udpxtcp', 'container-bridge', '', 'IPv66']) assert.equal(validate(bad), false, bad);
  fc.assert(
    fc.property(fc.string(), (s) => validate(s) === values.some((v) => v.toLowerCase() === s.toLowerCase())),
  );
});

test('canonical values are machine-readable', () => {
  assert.deepEqual(enumValues(ciEnum(values)), values);
  assert.deepEqual(enumValues({ enum: ['RW', 'RO'] }), ['RW', 'RO']);
  assert.equal(enumValues({ type: 'string' }), undefined);
});
