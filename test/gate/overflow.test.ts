// A number too large to read (`1e400`, which JSON.parse makes Infinity) in a body the gate rebuilds before judging:
// an app merged into the deployed one (partial PUT), a group's app judged on its own beside cached ones. Marathon's
// reader cannot read such a number; marathon-lint on the body says so. The gate must say the same, not judge the
// field as left out (JSON.stringify writes Infinity as null).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { textForLint } from '../../gate/src/textForLint';
import { call, gateDenial, gateInFrontOfStandin } from './harness';

const lab = gateInFrontOfStandin();
const overflow = (a: Awaited<ReturnType<typeof call>>, path: string) => {
  const d = gateDenial(a);
  assert.ok(d, `${a.status} ${a.body}`);
  const detail = d.details.find((x) => x.path === path);
  assert.ok(detail, a.body);
  assert.ok(detail.errors.some((e) => /too large to represent/.test(e) && e.endsWith('(schema)')), a.body);
};

test('a partial PUT of an existing app with "cpus": 1e400 is refused by the gate, as marathon-lint refuses the number', async () => {
  const { gate, marathon } = lab;
  assert.equal((await call('POST', `${gate.url}/v2/apps`, JSON.stringify({ id: '/overflow/web', cmd: 'sleep 100', cpus: 0.1, mem: 32 }))).status, 201);
  const before = marathon.requests.length;
  overflow(await call('PUT', `${gate.url}/v2/apps/overflow/web`, '{"cpus": 1e400}'), '/cpus');
  overflow(await call('PATCH', `${gate.url}/v2/apps/overflow/web`, '{"mem": -1e400}'), '/mem');
  assert.equal(marathon.requests.slice(before).filter((r) => r.method !== 'GET').length, 0);
});

test('a group PUT whose one changed app has "mem": 1e400 is refused with the finding at that app, its other apps cached', async () => {
  const { gate } = lab;
  const apps = Array.from({ length: 6 }, (_, i) => `{"id":"/overflow/g/a${i}","cmd":"sleep 100","cpus":0.1,"mem":32}`);
  const group = (list: string[]) => `{"id":"/overflow/g","apps":[${list.join(',')}]}`;
  assert.equal((await call('PUT', `${gate.url}/v2/groups/overflow/g`, group(apps))).status, 200);
  const changed = [...apps];
  changed[4] = '{"id":"/overflow/g/a4","cmd":"sleep 100","cpus":0.1,"mem":1e400}';
  overflow(await call('PUT', `${gate.url}/v2/groups/overflow/g`, group(changed)), '/apps(4)/mem');
});

test('textForLint: the text reads back as the same value, ±Infinity and strings of NULs included', () => {
  const leaf = fc.oneof(fc.constantFrom(Infinity, -Infinity, null, '\u0000', '\u0000+', '\u0000\u0000-'), fc.string({ unit: fc.constantFrom('\u0000', '+', '-', 'a', '"') }), fc.double({ noNaN: true }));
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
    array: fc.array(tie('value'), { maxLength: 4 }),
    object: fc.dictionary(fc.string({ maxLength: 3 }), tie('value'), { maxKeys: 4 }),
  }));
  fc.assert(fc.property(value, (v) => assert.deepEqual(JSON.parse(textForLint(v)), restore(v))), { numRuns: 2000 });
});

/** The value as JSON text can hold it: -0 is 0, everything else as it is. */
function restore(v: unknown): unknown {
  if (typeof v === 'number') return Object.is(v, -0) ? 0 : v;
  if (Array.isArray(v)) return v.map(restore);
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, restore(x)]));
  return v;
}
