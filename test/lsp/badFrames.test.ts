/**
 * Bad LSP frames on the server's stdin (LSP specification, "Base Protocol": `Content-Length: N\r\n\r\n` + N
 * bytes of JSON). Each kind of broken frame is written raw into the real server process, followed by a
 * valid request: the server must answer it (resynchronised) and say on stderr, in one line, what it skipped.
 * A stream that never recovers makes it exit with one line, so the editor restarts it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fc from 'fast-check';
import { StreamMessageReader } from 'vscode-jsonrpc/node';
import { serverBundle } from './lspClient';

interface Raw {
  proc: ChildProcess;
  stderr: () => string;
  write(bytes: string | Buffer): void;
  /** Sends a well-framed request and resolves with its answer (or rejects after timeoutMs). */
  request(method: string, params: unknown, timeoutMs?: number): Promise<unknown>;
}

const frame = (msg: object) => {
  const body = Buffer.from(JSON.stringify(msg), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
};

function startRaw(): Raw {
  const proc = spawn(process.execPath, [serverBundle, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (d) => (err += d));
  proc.stdin!.on('error', () => undefined); // EPIPE once the server has exited on purpose
  const waiting = new Map<number, (v: unknown) => void>();
  // Answers are read with the library's reader; requests are written by hand so the test controls every byte.
  const reader = new StreamMessageReader(proc.stdout!);
  reader.listen((m) => {
    const r = m as { id?: number; result?: unknown; error?: unknown; method?: string };
    if (typeof r.id === 'number' && r.method === undefined) waiting.get(r.id)?.(r.error ?? r.result);
    else if (typeof r.id === 'number' && r.method) proc.stdin!.write(frame({ jsonrpc: '2.0', id: r.id, result: r.method === 'workspace/configuration' ? [{}] : null }));
  });
  let nextId = 1;
  return {
    proc,
    stderr: () => err,
    write: (b) => proc.stdin!.write(b),
    request(method, params, timeoutMs = 5000) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no answer to ${method} within ${timeoutMs} ms; stderr: ${err}`)), timeoutMs);
        waiting.set(id, (v) => (clearTimeout(t), resolve(v)));
        proc.stdin!.write(frame({ jsonrpc: '2.0', id, method, params }));
      });
    },
  };
}

async function initialized(): Promise<Raw> {
  const s = startRaw();
  const init = (await s.request('initialize', { processId: null, rootUri: null, capabilities: {} }, 15_000)) as { serverInfo?: { name: string } };
  assert.equal(init.serverInfo?.name, 'marathon-language-server');
  s.write(frame({ jsonrpc: '2.0', method: 'initialized', params: {} }));
  return s;
}

const hover = (s: Raw) => s.request('textDocument/hover', { textDocument: { uri: 'file:///never-opened.json' }, position: { line: 0, character: 0 } });

const badFrames: [string, string | Buffer][] = [
  ['non-numeric Content-Length', 'Content-Length: abc\r\n\r\n{"jsonrpc":"2.0","id":900,"method":"shutdown"}'],
  ['negative Content-Length', 'Content-Length: -5\r\n\r\n{"jsonrpc":"2.0","id":901,"method":"shutdown"}'],
  ['too-small Content-Length', 'Content-Length: 10\r\n\r\n{"jsonrpc":"2.0","id":902,"method":"shutdown"}'],
  ['missing Content-Length header', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{"jsonrpc":"2.0","id":903,"method":"shutdown"}'],
  ['binary junk', Buffer.from([0x00, 0xff, 0xfe, 0x13, 0x37, 0x0d, 0x0a, 0x0d, 0x0a, 0x7b, 0x7b, 0x80, 0x81])],
  ['a header line without a colon', 'Content-Length: 2\r\nthis is not a header\r\n\r\n{}'],
];

test('after each kind of bad frame the server answers the next valid request and logs one line about it', { timeout: 60_000 }, async () => {
  const s = await initialized();
  try {
    assert.equal(await hover(s), null);
    for (const [what, bytes] of badFrames) {
      const before = s.stderr().split('\n').filter(Boolean).length;
      s.write(bytes);
      assert.equal(await hover(s), null, `answered after ${what}`);
      const lines = s.stderr().split('\n').filter(Boolean).slice(before);
      assert.equal(lines.length, 1, `one stderr line for ${what}: ${JSON.stringify(lines)}`);
      assert.match(lines[0], /^marathon-language-server: ignored .* waiting for the next valid frame$/, what);
    }
    // None of the shutdown requests hidden in bad frames was run: the server is still up.
    assert.equal(s.proc.exitCode, null);
  } finally {
    s.proc.kill();
  }
});

test('LF-only header endings are accepted as a frame', { timeout: 30_000 }, async () => {
  const s = await initialized();
  try {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 77, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///x.json' }, position: { line: 0, character: 0 } } });
    const answered = new Promise<void>((resolve) => s.proc.stdout!.on('data', (d) => String(d).includes('"id":77') && resolve()));
    s.write(`Content-Length: ${Buffer.byteLength(body)}\n\n${body}`);
    await answered;
    assert.equal(await hover(s), null);
  } finally {
    s.proc.kill();
  }
});

test('random bytes (fast-check) never silence the server: it answers the next valid frame, or exits with one line', { timeout: 120_000 }, async () => {
  const s = await initialized();
  try {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 300 }), async (junk) => {
        // A junk chunk may end inside what looks like a header; the blank line makes any such header end.
        s.write(Buffer.concat([Buffer.from(junk), Buffer.from('\r\n\r\n')]));
        assert.equal(await hover(s), null);
      }),
      { numRuns: 60 },
    );
  } finally {
    s.proc.kill();
  }
});

test('a stream that is not LSP at all: one line on stderr, then exit 1 so the client restarts the server', { timeout: 30_000 }, async () => {
  const s = await initialized();
  const exited = new Promise<number | null>((r) => s.proc.once('exit', (code) => r(code)));
  const junk = Buffer.alloc(256 * 1024, 'x');
  for (let i = 0; i < 5; i++) s.write(junk);
  assert.equal(await exited, 1);
  const lines = s.stderr().split('\n').filter(Boolean);
  assert.equal(lines.length, 2, JSON.stringify(lines)); // the skip, then the reason for exiting
  assert.match(lines[1], /^marathon-language-server: exiting: no valid frame in the last \d+ bytes of input/);
});
