// The gate reads a body as Marathon's Jackson reader does (fast-check): any JSON text in any encoding Jackson
// detects, with or without its byte-order mark, decodes to that text; an object followed by anything is that object.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeBody, parseBody } from '../src/marathonReader';

function encode(text: string, encoding: string): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-16le') return Buffer.from(text, 'utf16le');
  if (encoding === 'utf-16be') return Buffer.from(text, 'utf16le').swap16();
  const cps = [...text].map((c) => c.codePointAt(0)!);
  const out = Buffer.alloc(cps.length * 4);
  cps.forEach((cp, i) => (encoding === 'utf-32le' ? out.writeUInt32LE(cp, i * 4) : out.writeUInt32BE(cp, i * 4)));
  return out;
}
const boms: Record<string, number[]> = {
  'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff], 'utf-32le': [0xff, 0xfe, 0, 0], 'utf-32be': [0, 0, 0xfe, 0xff],
};
// Jackson tells the encoding without a BOM from the NULs of the first characters: a JSON text starts with ASCII.
const jsonText = fc.jsonValue().map((v) => JSON.stringify(v)).filter((t) => t.length >= 2);

test('any JSON text in UTF-8, UTF-16 or UTF-32, with or without a BOM, decodes to itself', () => {
  fc.assert(
    fc.property(jsonText, fc.constantFrom(...Object.keys(boms)), fc.boolean(), (text, encoding, withBom) => {
      const bytes = encode(text, encoding);
      assert.equal(decodeBody(withBom ? Buffer.concat([Buffer.from(boms[encoding]), bytes]) : bytes), text);
    }),
    { numRuns: 300 },
  );
});

test('an object or array followed by anything is read as that value; its text is the value alone', () => {
  fc.assert(
    fc.property(fc.oneof(fc.object(), fc.array(fc.jsonValue())), fc.string(), (value, rest) => {
      const text = JSON.stringify(value);
      const read = parseBody(text + rest);
      assert.ok(read);
      assert.deepEqual(read.value, JSON.parse(text));
      if (rest.trim() !== '') assert.equal(read.text, text);
    }),
    { numRuns: 300 },
  );
});

test('what Marathon cannot read is not read', () => {
  for (const text of ['', '   ', '{"a":', '{"a" 1} x', "{'a':1}", '/* c */ {}', '1 x', 'nul']) assert.equal(parseBody(text), undefined, JSON.stringify(text));
});
