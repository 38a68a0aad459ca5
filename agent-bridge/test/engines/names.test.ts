// Every engine refuses the same unsafe names (issue 8): ".", "..", a leading "-", "/", control characters and
// unpaired surrogates — in the shared request rules, in the runner (verdict refused, nothing sent to the plugin),
// and in each engine itself, on the exact string it would run (a lone surrogate would reach dvdcli as U+FFFD).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { EngineName } from '../../src/dryrun/contract';
import { createDryRunner } from '../../src/dryrun/runner';
import { DockerVolumeEngine } from '../../src/engines/dockerVolume';
import { DvdiModuleEngine } from '../../src/engines/dvdiModule';
import type { Engine } from '../../src/engines/engine';
import { PluginEngine } from '../../src/engines/pluginEngine';
import { checkVolumeRequest } from '../../src/validation/request';
import { ctx, DVDCLI_STANDIN, makeLab, runnerConfig, startFault, type Lab, type Proc } from '../e2e/harness';

const UNSAFE = ['.', '..', '-x', '--volumedriver=evil', 'a/b', '../etc', 'a\u0001b', 'a\nb', 'a\u007fb', 'a\uD800b', '\uDC00', 'b\uDBFF'];
const ENGINES: EngineName[] = ['docker-volume', 'dvdi-module', 'plugin'];

describe('unsafe volume names', () => {
  test('the shared rules refuse each one for every engine', () => {
    for (const engine of ENGINES) {
      for (const name of UNSAFE) {
        const p = checkVolumeRequest({ driver: 'rexray', name }, engine);
        assert.ok(p, `${engine} accepted ${JSON.stringify(name)}`);
        assert.deepEqual(p.field, ['name']);
        // The module's own refusal of "/" is what the agent would say; everything else is unsafe for the bridge.
        assert.equal(p.kind, engine === 'dvdi-module' && name.includes('/') && name !== '../etc' ? 'agent-refuses' : p.kind);
      }
    }
    assert.match(checkVolumeRequest({ driver: 'rexray', name: 'a\uD800b' }, 'dvdi-module')!.message, /unpaired surrogate \(\\uD800\).*U\+FFFD/);
    assert.equal(checkVolumeRequest({ driver: 'rexray', name: 'ok-\uD83D\uDE00' }, 'plugin'), undefined, 'a paired surrogate (an emoji) is a fine name');
  });

  test('each engine refuses them on the string it would run, before running anything', async () => {
    const plugin = { transport: 'unix' as const, socketPath: '/nonexistent.sock', address: '/nonexistent.sock', source: 'test' };
    const engines: Engine[] = [new DockerVolumeEngine(DVDCLI_STANDIN), new DvdiModuleEngine(DVDCLI_STANDIN), new PluginEngine()];
    for (const e of engines) {
      for (const name of UNSAFE) {
        const m = await e.mount({ driver: 'rexray', name, options: {}, create: false, plugin, timeoutMs: 1000 });
        assert.equal(m.ok, false);
        assert.match(m.detail, /^mount: not run: /, `${e.name} ${JSON.stringify(name)}: ${m.detail}`);
        assert.equal(m.indeterminate, undefined);
        const u = await e.unmount({ driver: 'rexray', name, plugin, timeoutMs: 1000 });
        assert.match(u.detail, /^unmount: not run: /);
      }
    }
  });
});

describe('through the runner', () => {
  let lab: Lab;
  let fault: Proc;
  before(async () => {
    lab = await makeLab('names');
    fault = await startFault(lab, 'nm', 'ok');
  });
  after(async () => {
    await fault.stop();
    await lab.cleanup();
  });

  test('every engine answers refused and the plugin sees no Mount', async () => {
    const runner = await createDryRunner(runnerConfig(lab));
    for (const engine of ENGINES) {
      for (const name of UNSAFE) {
        const r = await runner.dryRunMount({ driver: 'nm', name, engine }, ctx());
        assert.equal(r.verdict, 'refused', `${engine} ${JSON.stringify(name)}: ${JSON.stringify(r)}`);
        assert.deepEqual(r.steps.map((s) => s.step), ['validate']);
      }
    }
    await runner.close();
  });
});
