// The `marathon.agents` setting of the language server (server/settings.ts): an agent URL with its scheme in capitals
// (`WS://HOST:8474`) is a websocket URL (RFC 3986 §3.1: schemes are case-insensitive; `dvdi-bridge dry-run --url`
// takes it too), so Test mount goes to it instead of saying no agent is set. Real server over stdio; nothing listens
// at the agent's address, so the mount itself ends in a connection error, after the "connecting to" message.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startClient } from './lspClient';

const dir = mkdtempSync(join(tmpdir(), 'lsp-agent-scheme-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('marathon.agents: a WS:// URL is an agent, not an ignored setting', async () => {
  const tokenFile = join(dir, 'tokens');
  writeFileSync(tokenFile, 'agent-1 s3cret\n');
  const client = await startClient({ settings: () => ({ agents: [{ name: 'agent-1', url: 'WS://127.0.0.1:9/v1' }], tokenFile }) });
  try {
    // The settings are read once the server is initialized: a first document's diagnostics (its one-letter cmd) come after that read.
    await client.open('file:///tmp/lsp-agent-scheme/app.json', '{"id": "/db", "cmd": "x"}');
    await client.waitDiagnostics('file:///tmp/lsp-agent-scheme/app.json', () => true);
    const args = { uri: 'file:///tmp/lsp-agent-scheme/app.json', pointer: '/container/volumes/0/external', volume: { driver: 'rexray', name: 'pgdata', options: {}, mode: 'RW' }, containerizer: 'MESOS', engine: 'docker-volume' };
    await client.conn.sendRequest('workspace/executeCommand', { command: 'marathon.testMount', arguments: [args] }).catch(() => undefined);
    const texts = client.messages.map((m) => m.message);
    assert.ok(!texts.some((t) => /needs an agent/.test(t)), texts.join('\n'));
    assert.ok(texts.some((t) => t.startsWith('Test mount pgdata on agent-1: connecting to WS://127.0.0.1:9/v1')), texts.join('\n'));
    assert.ok(!client.logs.some((l) => /marathon\.agents: ignored/.test(l)), client.logs.join('\n'));
  } finally {
    await client.shutdown();
  }
});
