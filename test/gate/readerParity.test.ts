// Bodies that Marathon's reader (play-json on Jackson, from the raw bytes) accepts must be judged, not waved
// through as "not JSON": a byte-order mark, UTF-16 or UTF-32 (Jackson detects them itself), content after
// the value (Jackson reads one value and stops), and a Content-Type that Jersey finds compatible with the
// `@Consumes("application/json")` of /v2/apps and /v2/pods (a wildcard). Real HTTP through the gate to the
// stand-in Marathon.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { call, gateDenial, gateInFrontOfStandin } from './harness';

const lab = gateInFrontOfStandin();

const noName = (id: string) => JSON.stringify({ id, cmd: 'sleep 1000', container: { type: 'MESOS', volumes: [{ containerPath: 'var', external: { size: 10 }, mode: 'RW' }] } });
const swap16 = (b: Buffer) => Buffer.from(b).swap16();
function utf32(text: string, littleEndian: boolean): Buffer {
  const cps = [...text].map((c) => c.codePointAt(0)!);
  const out = Buffer.alloc(cps.length * 4);
  cps.forEach((cp, i) => (littleEndian ? out.writeUInt32LE(cp, i * 4) : out.writeUInt32BE(cp, i * 4)));
  return out;
}

const bodies: [string, (text: string) => Buffer][] = [
  ['a UTF-8 byte-order mark', (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)])],
  ['UTF-16LE without a BOM', (t) => Buffer.from(t, 'utf16le')],
  ['UTF-16LE with a BOM', (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])],
  ['UTF-16BE with a BOM', (t) => Buffer.concat([Buffer.from([0xfe, 0xff]), swap16(Buffer.from(t, 'utf16le'))])],
  ['UTF-32BE without a BOM', (t) => utf32(t, false)],
  ['a stray closing brace after the value', (t) => Buffer.from(t + '}')],
  ['a second document after the value', (t) => Buffer.from(t + '\n{"id":"/other","cmd":"sleep 1"}')],
  // Jackson decodes the shape of a UTF-8 sequence, not its value: C1 B8 is "x" (jacksonParity.test.ts checks the rest).
  ['a field name holding an overlong UTF-8 form', (t) => Buffer.from(t.replace('"external"', '"e\xc1\xb8ternal"'), 'latin1')],
];

for (const [what, encode] of bodies) {
  test(`an invalid app sent with ${what} is denied like any other and never reaches Marathon`, async () => {
    const id = `/reader/${what.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
    const before = lab.marathon.requests.length;
    const a = await call('POST', `${lab.gate.url}/v2/apps`, encode(noName(id)));
    const d = gateDenial(a);
    assert.ok(d, `${a.status} ${a.body}`);
    assert.deepEqual(d.details.map((x) => x.path).sort(), ['/container/volumes(0)/external/name', '/container/volumes(0)/external/provider']);
    assert.equal(lab.marathon.requests.slice(before).filter((r) => r.method === 'POST').length, 0);
  });
}

// JAX-RS MediaType.isCompatible, which Jersey's consumes check uses: a wildcard type matches any type, a
// wildcard subtype any subtype of its type.
for (const type of ['*/*', 'application/*', '*/json', '*/xml', 'Application/JSON; charset=UTF-8']) {
  for (const path of ['/v2/apps', '/v2/pods']) {
    test(`POST ${path} with Content-Type ${type}: Marathon reads the body, so the gate judges it`, async () => {
      const before = lab.marathon.requests.length;
      const body = path === '/v2/apps' ? noName('/reader/wildcard') : JSON.stringify({ id: '/reader/wildcard', containers: [] });
      const a = await call('POST', `${lab.gate.url}${path}`, body, { 'Content-Type': type });
      assert.ok(gateDenial(a), `${a.status} ${a.body}`);
      assert.equal(lab.marathon.requests.slice(before).filter((r) => r.method === 'POST').length, 0);
    });
  }
}

test('a valid app with a byte-order mark is forwarded byte for byte', async () => {
  const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ id: '/reader/bom-ok', cmd: 'sleep 1000' }))]);
  const before = lab.marathon.requests.length;
  await call('POST', `${lab.gate.url}/v2/apps`, body);
  const got = lab.marathon.requests.slice(before).filter((r) => r.method === 'POST');
  assert.equal(got.length, 1);
  assert.deepEqual(Buffer.from(got[0].body, 'utf8'), body);
});

test('a body Marathon cannot read either still goes to Marathon for its own 400', async () => {
  for (const text of ['{"id":"/reader/broken",', '/* a comment */ {"id":"/reader/c","cmd":"sleep 1"}', '{"id":"/x" "cmd":"y"} trailing']) {
    const before = lab.marathon.requests.length;
    const a = await call('POST', `${lab.gate.url}/v2/apps`, text);
    assert.equal(a.status, 400, `${text}: ${a.body}`);
    assert.equal(lab.marathon.requests.slice(before).filter((r) => r.method === 'POST').length, 1, text);
  }
});
