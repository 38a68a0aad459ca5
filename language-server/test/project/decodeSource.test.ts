// The CLI's one decoding of a document's bytes (project/decodeSource.ts): where Marathon's reader (Jackson) stops
// reading UTF-8, in the decoded text's offsets, and nothing for bytes Jackson takes or reads as another encoding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeSource } from '../../src/project/decodeSource';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

test('valid UTF-8, a literal U+FFFD and a UTF-8 byte-order mark included, is plain text', () => {
  const b = bytes([0xef, 0xbb, 0xbf], '{"cmd": "./café � 🐳"}');
  assert.deepEqual(decodeSource(b), { text: b.toString('utf8') });
});

test('the first bad byte: its value and its offset in the decoded text (UTF-16 code units)', () => {
  // 🐳 is 4 bytes and 2 code units, é 2 bytes and 1: the offset is the text's, not the file's.
  assert.deepEqual(decodeSource(bytes('{"cmd": "🐳é', [0xe9], '", "x": "', [0x93], '"}')).invalidUtf8, { offset: 12, byte: 0xe9 });
  assert.deepEqual(decodeSource(bytes('{"cmd": "', [0x93], 'quoted', [0x94], '"}')).invalidUtf8, { offset: 9, byte: 0x93 });
  assert.deepEqual(decodeSource(bytes('{"cmd": "x"}', [0xe2, 0x82])).invalidUtf8, { offset: 12, byte: 0xe2 }, 'cut off inside a character');
  assert.deepEqual(decodeSource(bytes('{"cmd": "', [0xf8, 0x80], '"}')).invalidUtf8, { offset: 9, byte: 0xf8 });
});

test('what Jackson decodes without complaint (an overlong form, an encoded surrogate) is not called invalid', () => {
  assert.equal(decodeSource(bytes('{"cmd": "', [0xc0, 0xaf], '"}')).invalidUtf8, undefined);
  assert.equal(decodeSource(bytes('{"cmd": "', [0xed, 0xa0, 0x80], '"}')).invalidUtf8, undefined);
});

test('UTF-16 (a byte-order mark, or NUL bytes at the start) is not judged as UTF-8: Jackson reads it as UTF-16', () => {
  const utf16 = Buffer.from('{"cmd": "./caf\u00e9"}', 'utf16le');
  assert.equal(decodeSource(utf16).invalidUtf8, undefined);
  assert.equal(decodeSource(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16])).invalidUtf8, undefined);
  assert.equal(decodeSource(Buffer.from(utf16).swap16()).invalidUtf8, undefined);
});
