// SIGHUP (the terminal of `dvdi-bridge serve &` closed, as in examples/README.md "Try it"; or a `kill -HUP` meant
// as "reload") while a dry run's Mount is in flight. Node's default for SIGHUP ends the process at once: the
// plugin then finishes the Mount and the volume stays mounted until the bridge is started again. It must stop as
// SIGTERM does (docs/dvdi-bridge.md, cli/serve.ts): wait for the run to unmount, then exit 0, nothing left.
// The bundled `serve` (agent-bridge/dist/bridge.cjs, `npm run build` first), the fault plugin in `slow` mode (a
// real bind mount answered after a delay) and a real websocket.
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { connect, until } from '../server/harness';
import { makeLab, mountsUnder, startFault, type Lab } from './harness';
import { startServe, type ServeProcess } from '../serveProcess';

const BUNDLE = resolve(import.meta.dirname, '../../dist/bridge.cjs');
const TOKEN = 'hup-8d2f4a6c0e1b3d5f7a9c2e4b6d8f0a1c';

describe('SIGHUP with a dry run in flight (bundled serve, fault plugin slow)', { skip: existsSync(BUNDLE) ? undefined : `${BUNDLE} missing: npm run build` }, () => {
  let lab: Lab;
  let fault: Awaited<ReturnType<typeof startFault>>;
  let serve: ServeProcess;

  before(async () => {
    lab = await makeLab('hup');
    fault = await startFault(lab, 'slowfs', 'slow', 1500);
    const tokenFile = join(lab.root, 'tokens');
    writeFileSync(tokenFile, `hup:${TOKEN}\n`);
    const policy = join(lab.root, 'policy.json');
    writeFileSync(policy, JSON.stringify({ hup: { allowedDrivers: ['slowfs'] } }));
    serve = await startServe([BUNDLE, 'serve', '--listen', '127.0.0.1:0', '--token-file', tokenFile, '--state-dir', lab.stateDir, '--plugin-dirs', lab.pluginDir, '--policy', policy, '--docker-volume-checkpoint-dir', lab.checkpoints.dockerVolume, '--dvdi-checkpoint-dir', lab.checkpoints.dvdiModule, '--docker-socket', 'none']);
  });

  after(async () => {
    if (serve?.proc.exitCode === null && serve.proc.signalCode === null) {
      serve.proc.kill('SIGTERM');
      await serve.exited;
    }
    // The plugin finished a Mount nobody released: release it through the plugin's own unmount before the lab goes.
    await fault?.stop();
    for (const m of (await mountsUnder(lab.root)).reverse()) (await import('node:child_process')).spawnSync('umount', [m.split(' ')[0]]);
    await lab?.cleanup();
  });

  test('stops like SIGTERM: the run ends with its unmount, exit 0, no mount and no journal entry left', async () => {
    const c = await connect(serve.url, { token: TOKEN });
    const answered = c.request('volume/dryRunMount', { driver: 'slowfs', name: 'vol1', engine: 'plugin' }, 'hup-1');
    answered.catch(() => {});
    await until(() => c.notifications.some((n) => n.params.id === 'hup-1' && n.params.step === 'mount'), 10_000);
    serve.proc.kill('SIGHUP');
    const code = await serve.exited;
    assert.equal(serve.proc.signalCode, null, `serve was killed by ${serve.proc.signalCode} instead of stopping`);
    assert.equal(code, 0);
    assert.ok(serve.logs.some((l) => l.event === 'shutting-down' && l.signal === 'SIGHUP'), JSON.stringify(serve.logs.slice(-3)));
    const line = serve.logs.find((l) => l.event === 'request' && l.id === 'hup-1');
    assert.ok(line, 'the dry run ended before the bridge exited');
    assert.deepEqual(line.steps.slice(-2), ['unmount', 'verify-released'], JSON.stringify(line));
    await new Promise((r) => setTimeout(r, 1500)); // past the plugin's slow Mount: nothing may land afterwards
    assert.deepEqual(await mountsUnder(lab.root), []);
    assert.deepEqual(await readdir(join(lab.stateDir, 'journal')), []);
  });
});
