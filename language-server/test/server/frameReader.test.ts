// The stdio frame reader on valid input split as a pipe splits it: every frame arrives whole and in order, however
// the bytes are cut, and a large frame costs time in proportion to its size (it re-joined and re-scanned the whole
// buffer for every 64 KiB chunk: a 30 MB didOpen took 30 s to frame, 10 MB 2 s).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { ResyncMessageReader } from '../../src/server/frameReader';

const frame = (msg: object) => {
  const body = Buffer.from(JSON.stringify(msg), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
};

function reader() {
  const input = new PassThrough();
  const messages: unknown[] = [];
  const problems: string[] = [];
  new ResyncMessageReader(input, (l) => problems.push(l), (l) => problems.push(`fatal: ${l}`)).listen((m) => void messages.push(m));
  return { input, messages, problems };
}

test('frames cut at every byte, several per chunk, multi-byte characters split: each message once, in order', () => {
  // A body that quotes a header, and text whose UTF-8 sequences a cut lands inside.
  const msgs = [
    { jsonrpc: '2.0', id: 1, method: 'a', params: { text: 'curl -H "Content-Length: 0" é😀\r\n\r\n' } },
    { jsonrpc: '2.0', method: 'b', params: { text: '{"x": 1}' } },
    { jsonrpc: '2.0', id: 2, result: null },
  ];
  const bytes = Buffer.concat(msgs.map(frame));
  for (const size of [1, 2, 3, 7, 64, bytes.length]) {
    const { input, messages, problems } = reader();
    for (let o = 0; o < bytes.length; o += size) input.write(bytes.subarray(o, o + size));
    assert.deepEqual(messages, msgs, `chunks of ${size} bytes`);
    assert.deepEqual(problems, []);
  }
});

test('a 30 MB didOpen in 64 KiB chunks is framed in linear time', () => {
  const text = JSON.stringify({ id: '/big', apps: Array.from({ length: 330_000 }, (_, i) => ({ id: `app-${i}`, cmd: 'sleep 1000', cpus: 0.1, mem: 64, labels: { a: 'b:c' } })) });
  const msg = { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///big.json', languageId: 'json', version: 1, text } } };
  const bytes = Buffer.concat([frame(msg), frame({ jsonrpc: '2.0', id: 3, method: 'shutdown' })]);
  assert.ok(bytes.length > 30e6, `${bytes.length} bytes`);
  const { input, messages, problems } = reader();
  const t0 = performance.now();
  for (let o = 0; o < bytes.length; o += 65536) input.write(bytes.subarray(o, o + 65536));
  const ms = performance.now() - t0;
  assert.equal(messages.length, 2);
  assert.equal((messages[0] as typeof msg).params.textDocument.text, text);
  assert.deepEqual(messages[1], { jsonrpc: '2.0', id: 3, method: 'shutdown' });
  assert.deepEqual(problems, []);
  // About 0.4 s here (JSON.parse of the body is most of it); it was 14 s.
  assert.ok(ms < 5000, `framed in ${ms.toFixed(0)} ms`);
});
