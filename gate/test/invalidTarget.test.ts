// The answer to a request target Node's parser refused (clientErrors.ts), on any bytes the parser may hand over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { invalidTarget } from '../src/clientErrors';

test('any chunk, any position: a 400 with a one-field JSON message, never a throw', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: -5, max: 320 }), (bytes, at) => {
      const e = invalidTarget(Buffer.from(bytes), at);
      assert.equal(e.status, 400);
      assert.deepEqual(Object.keys(JSON.parse(e.body)), ['message']);
    }),
  );
});

test('a target with raw UTF-8: the target named to send instead is pure ASCII and means the same path', () => {
  const segment = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((s) => !/[\s?#%]/.test(s) && /[^\x00-\x7f]/.test(s));
  fc.assert(
    fc.property(segment, (name) => {
      const raw = Buffer.from(`PUT /v2/apps/${name} HTTP/1.1\r\nHost: m\r\n\r\n`, 'utf8');
      const at = raw.findIndex((b) => b >= 0x80);
      const { message } = JSON.parse(invalidTarget(raw, at).body) as { message: string };
      const sent = /Send (\S+): Marathon reads it as the same path/.exec(message)?.[1];
      assert.ok(sent, message);
      assert.match(sent, /^[\x21-\x7e]+$/);
      assert.equal(decodeURIComponent(sent), `/v2/apps/${name}`);
    }),
  );
});

test('a long target with raw UTF-8 (fast-check seed -1463219194): the target to send is named whole, not cut at 200 characters', () => {
  // 12 family emoji (7 code points, 25 bytes each) percent-encode to 900 characters; a target cut with "…" is no target
  // anyone can send. Node refuses request lines past its header limit (16 KiB) before the gate sees them.
  for (const name of ['👨‍👩‍👧‍👦'.repeat(12), '!𐀀𐀀𐀀𝅘𝅥𝅮&𑂚𐀀𝅘𝅥𝅮ࠀ𝅘𝅥𝅮!'.repeat(3)]) {
    const raw = Buffer.from(`PUT /v2/apps/${name} HTTP/1.1\r\nHost: m\r\n\r\n`, 'utf8');
    const { message } = JSON.parse(invalidTarget(raw, raw.findIndex((b) => b >= 0x80)).body) as { message: string };
    const sent = /Send (\S+): Marathon reads it as the same path/.exec(message)?.[1];
    assert.ok(sent, message);
    assert.ok(sent.length > 200);
    assert.match(sent, /^[\x21-\x7e]+$/);
    assert.equal(decodeURIComponent(sent), `/v2/apps/${name}`);
  }
});
