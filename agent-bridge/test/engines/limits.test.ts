// What a misbehaving dvdcli or plugin sends must not grow the bridge's memory: a dvdcli flooding stdout (a real
// process writing 64 MiB) and a plugin answering a 64 MiB body (a real HTTP server on a unix socket).
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runProcess } from '../../src/engines/runProcess';
import { DockerVolumeEngine } from '../../src/engines/dockerVolume';
import { PluginClient } from '../../src/plugin/client';

const FLOOD = 64 * 1024 * 1024;
let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dvdi-limits-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('output limits', () => {
  test('a dvdcli that floods stdout and stderr: the bridge keeps a bounded prefix and the mount fails', async () => {
    const r = await runProcess('sh', ['-c', `head -c ${FLOOD} /dev/zero | tr '\\0' x; head -c ${FLOOD} /dev/zero | tr '\\0' y >&2; echo /mnt/v`], { timeoutMs: 30_000 });
    assert.equal(r.code, 0);
    assert.ok(r.stdout.length <= 1024 * 1024, `stdout kept ${r.stdout.length} bytes`);
    assert.ok(r.stderr.length <= 1024 * 1024, `stderr kept ${r.stderr.length} bytes`);
    // Through an engine: a flood ending in a path is still no mountpoint the agent would use.
    const script = join(dir, 'flood-dvdcli');
    await (await import('node:fs/promises')).writeFile(script, `#!/bin/sh\nhead -c ${FLOOD} /dev/zero | tr '\\0' x\necho /mnt/v\n`, { mode: 0o755 });
    const m = await new DockerVolumeEngine(script).mount({ driver: 'd', name: 'v', options: {}, create: false, plugin: { transport: 'unix', socketPath: '/nonexistent', address: '/nonexistent', source: 'test' }, timeoutMs: 30_000 });
    assert.equal(m.ok, false);
    assert.equal(m.indeterminate, true);
    assert.ok(m.detail.length < 10_000, `detail is ${m.detail.length} characters`);
  });

  test('a plugin that answers a 64 MiB body is refused without buffering it all', async () => {
    const sock = join(dir, 'huge.sock');
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200);
        res.write('{"Volume":{"Name":"v","Pad":"');
        const chunk = Buffer.alloc(1024 * 1024, 'p');
        let left = 64;
        const more = () => {
          while (left > 0) {
            left--;
            if (!res.write(chunk)) return void res.once('drain', more);
          }
          res.end('"}}');
        };
        res.on('error', () => undefined);
        more();
      });
    });
    await new Promise<void>((r) => server.listen(sock, r));
    try {
      const client = new PluginClient({ transport: 'unix', socketPath: sock, address: sock, source: 'test' });
      await assert.rejects(client.get('v', { timeoutMs: 20_000 }), /more than \d+ bytes/);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
