// A client that drops the connection while its mount is in flight, end to end: the bundled `dvdi-bridge serve`
// (agent-bridge/dist/bridge.cjs, run `npm run build` first) with the real runner, the fault plugin in `slow` mode
// (a real bind mount, answered after a delay) and a real websocket that is terminated (no close handshake) right
// after the `mount` progress notification. The bridge must finish the mount, release it, and say so in its log.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { connect, until } from '../server/harness';
import { makeLab, mountsUnder, startFault, type Lab } from './harness';
import { startServe } from '../serveProcess';

const BUNDLE = resolve(import.meta.dirname, '../../dist/bridge.cjs');
const TOKEN = 'drop-3c1f9a7e5b2d4c6a8e0f1b3d5c7a9e2f';

describe('client disconnect mid-mount (bundled serve, real runner, fault plugin slow)', { skip: existsSync(BUNDLE) ? undefined : `${BUNDLE} missing: npm run build` }, () => {
  let lab: Lab;
  let fault: Awaited<ReturnType<typeof startFault>>;
  let proc: ChildProcess;
  let url = '';
  let logs: Record<string, any>[] = [];

  before(async () => {
    lab = await makeLab('drop');
    fault = await startFault(lab, 'slowfs', 'slow', 1500);
    const tokenFile = join(lab.root, 'tokens');
    writeFileSync(tokenFile, `drop:${TOKEN}\n`);
    const policy = join(lab.root, 'policy.json');
    writeFileSync(policy, JSON.stringify({ drop: { allowedDrivers: ['slowfs'] } }));
    const serve = await startServe([BUNDLE, 'serve', '--listen', '127.0.0.1:0', '--token-file', tokenFile, '--state-dir', lab.stateDir, '--plugin-dirs', lab.pluginDir, '--policy', policy, '--docker-volume-checkpoint-dir', lab.checkpoints.dockerVolume, '--dvdi-checkpoint-dir', lab.checkpoints.dvdiModule, '--docker-socket', 'none']);
    ({ proc, url } = serve);
    logs = serve.logs;
  });

  after(async () => {
    if (proc && proc.exitCode === null) {
      const gone = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await gone;
    }
    await fault?.stop();
    await lab?.cleanup();
  });

  test('the request ends with the unmount; no mount and no journal entry left', async () => {
    const c = await connect(url, { token: TOKEN });
    const answered = c.request('volume/dryRunMount', { driver: 'slowfs', name: 'vol1', engine: 'plugin' }, 'drop-1');
    answered.catch(() => {});
    await until(() => c.notifications.some((n) => n.params.id === 'drop-1' && n.params.step === 'mount'), 10_000);
    c.ws.terminate();
    await until(() => logs.some((l) => l.event === 'request' && l.id === 'drop-1'), 15_000);
    const line = logs.find((l) => l.event === 'request' && l.id === 'drop-1')!;
    assert.equal(line.method, 'volume/dryRunMount', JSON.stringify(line));
    assert.equal(line.outcome, 'disconnected', JSON.stringify(line));
    // The mount went through after the client left; the run still ended by releasing it.
    assert.ok(line.steps.includes('mount'), JSON.stringify(line));
    assert.deepEqual(line.steps.slice(-2), ['unmount', 'verify-released'], JSON.stringify(line));
    assert.deepEqual(await mountsUnder(lab.root), []);
    assert.deepEqual(await readdir(join(lab.stateDir, 'journal')), []);
  });
});
