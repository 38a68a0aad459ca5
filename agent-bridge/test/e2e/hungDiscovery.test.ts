// Plugin discovery (dvdi-bridge.md §3.2: `stat` of `<dir>/<d>.sock`, reads of `<d>.spec` / `<d>.json`) against a
// FUSE mount whose daemon is stopped: `rclone mount` of a local dir, SIGSTOPped, as in hungParent.test.ts. Tasks in
// the docker/volume checkpoint use a volume through driver names whose `.sock` entries are symlinks into that mount,
// so the in-use check discovers each of them (inuse/driverMatch.ts). Done with node's fs, each such stat held one of
// libuv's four pool threads for good; six names held all four, the dry run never answered, and neither did a dry run
// of a healthy volume (its own discovery and journal wait for a pool thread). Now discovery runs in one killable
// child per check (plugin/discoveryChild.ts): names that do not answer in time are "cannot rule out", so the volume
// is in use, and the rest of the bridge carries on. The bridge runs as its own `serve` process, so a wedged bridge
// cannot wedge the test; the stopped daemon is always continued and every mount taken down in after() (stoppedFuse.ts).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdir, readFile, readdir, symlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { MOUNTINFO_PATH } from '../../src/inuse/mountinfo';
import { PluginClient } from '../../src/plugin/client';
import { discoverPlugin } from '../../src/plugin/discovery';
import { startServe, type ServeProcess } from '../serveProcess';
import { connect } from '../server/harness';
import { DVDCLI_STANDIN, fuseSkipReason, makeLab, mountsUnder, startRclone, within, type Lab } from './harness';
import { startFuse, stopUntilHung, tearDownStoppedFuse, type StoppedFuse } from './stoppedFuse';

const TOKEN = 'hungdisc-7a1c3e5f9b2d4f6a8c0e1b3d5f7a9c2e';
/** More names than libuv has pool threads (4). */
const HUNG = ['h0', 'h1', 'h2', 'h3', 'h4', 'h5'];

describe('plugin discovery into a FUSE mount whose daemon is stopped (rclone mount + rclone serve docker)', { skip: fuseSkipReason(), timeout: 180_000 }, () => {
  let lab: Lab;
  let fuseDir = '';
  let fuse: StoppedFuse | undefined;
  let plugin: Awaited<ReturnType<typeof startRclone>> | undefined;
  let serve: ServeProcess | undefined;

  before(async () => {
    lab = await makeLab('hungdisc');
    fuse = await startFuse(lab);
    fuseDir = fuse.dir;
    plugin = await startRclone(lab);
    const client = new PluginClient((await discoverPlugin('rclone', [lab.pluginDir]))!);
    for (const n of ['busy', 'free1']) {
      await mkdir(join(lab.root, 'backing', n), { recursive: true });
      await client.create(n, { type: 'local', path: join(lab.root, 'backing', n) }, { timeoutMs: 5000 });
    }
    // Each task uses `busy` through a driver name whose socket entry leads into the FUSE mount (a symlink does not
    // touch its target when made). Nothing in the mount answers for those names once the daemon is stopped.
    for (const h of HUNG) {
      await symlink(join(fuseDir, `${h}.sock`), join(lab.pluginDir, `${h}.sock`));
      await mkdir(join(lab.checkpoints.dockerVolume, `task-${h}`));
      writeFileSync(join(lab.checkpoints.dockerVolume, `task-${h}`, 'volumes'), JSON.stringify({ volumes: [{ driver: h, name: 'busy' }] }));
    }

    const tokenFile = join(lab.root, 'tokens');
    writeFileSync(tokenFile, `hd:${TOKEN}\n`, { mode: 0o600 });
    const main = resolve(import.meta.dirname, '../../src/main.ts');
    serve = await startServe(['--import', 'tsx', main, 'serve', '--listen', '127.0.0.1:0', '--token-file', tokenFile, '--state-dir', lab.stateDir, '--engine', 'plugin', '--dvdcli', DVDCLI_STANDIN,
      '--plugin-dirs', lab.pluginDir, '--docker-volume-checkpoint-dir', lab.checkpoints.dockerVolume, '--dvdi-checkpoint-dir', lab.checkpoints.dvdiModule, '--docker-socket', 'none']);

    await stopUntilHung(fuse, ['stat', '-L', join(lab.pluginDir, 'h0.sock')]);
  });

  after(() => tearDownStoppedFuse(lab, fuse, serve?.proc, [plugin?.child]));

  test('a volume used through names that do not answer is in use; a dry run of another volume and volume/list still answer', async () => {
    const c = await connect(serve!.url, { token: TOKEN });
    let checking!: () => void;
    const inCheck = new Promise<void>((r) => (checking = r));
    // `get` comes after the agent's own sources are asked (runOne.ts): the names are being discovered by then.
    const watch = setInterval(() => c.notifications.some((n) => n.params.id === 'busy' && n.params.step === 'get') && (clearInterval(watch), checking()), 20);
    const busy = c.request('volume/dryRunMount', { driver: 'rclone', name: 'busy', engine: 'plugin' }, 'busy');
    busy.catch(() => undefined);
    await within(20_000, 'the dry run of busy reaching its plugin Get', inCheck);
    await new Promise((r) => setTimeout(r, 300));

    const d = await connect(serve!.url, { token: TOKEN });
    const free = await within(20_000, 'a dry run of another volume while six names are being discovered', d.request('volume/dryRunMount', { driver: 'rclone', name: 'free1', engine: 'plugin' }, 'free1'));
    assert.equal(free.result?.verdict, 'mounted-and-released', JSON.stringify(free, null, 1));

    const r = (await within(20_000, 'the dry run of busy', busy)).result;
    assert.equal(r?.verdict, 'in-use', JSON.stringify(r, null, 1));
    const use = r.steps.find((s: { step: string }) => s.step === 'in-use');
    for (const h of HUNG) assert.match(use.detail, new RegExp(`container task-${h} uses it through driver ${h}, whose plugin cannot be identified now \\(plugin discovery in ${lab.pluginDir} did not finish within \\d+ ms`), use.detail);
    assert.ok(!r.steps.some((s: { step: string }) => s.step === 'mount'), 'nothing mounted');

    const list = await within(20_000, 'volume/list of the plugin', d.request('volume/list', { driver: 'rclone' }));
    assert.deepEqual(list.result?.volumes.map((v: { name: string; inUse: boolean }) => [v.name, v.inUse]), [['busy', true], ['free1', false]], JSON.stringify(list));
    c.ws.close();
    d.ws.close();
    assert.deepEqual((await mountsUnder(lab.root)).filter((m) => !m.startsWith(`${fuseDir} `)), [], 'only the stopped FUSE mount itself');
    assert.deepEqual(await readdir(join(lab.stateDir, 'journal')), []);
  });

  test('in this process: discovery in a plugin dir inside the mount fails within its timeout, and file operations keep working', async () => {
    const dir = join(fuseDir, 'plugins');
    const lookups = HUNG.map((h) => discoverPlugin(`${h}x`, [dir], 1000).then(() => 'answered', (e: Error) => e.message));
    assert.ok((await within(3000, 'reading mountinfo while six discoveries hang', readFile(MOUNTINFO_PATH, 'utf8'))).length > 0);
    for (const m of await within(10_000, 'six discoveries in the stopped mount', Promise.all(lookups))) {
      assert.match(m, new RegExp(`plugin discovery in ${dir} did not finish within 1000 ms: a filesystem on that path does not answer`), m);
    }
  });

  test('a bridge killed while a discovery waits leaves no child blocked in the mount', async () => {
    const dir = join(fuseDir, 'orphan-plugins');
    const script = join(lab.root, 'discover.mts');
    writeFileSync(script, `import { discoverPlugin } from ${JSON.stringify(resolve(import.meta.dirname, '../../src/plugin/discovery.ts'))};\ndiscoverPlugin('orphan', [${JSON.stringify(dir)}], 1500).catch(() => undefined);\nsetInterval(() => {}, 1000);\n`);
    const waiting = spawn(process.execPath, ['--import', 'tsx', script], { stdio: 'ignore' });
    const children = () => spawnSync('pgrep', ['-f', `${dir}/orphan.sock`], { encoding: 'utf8' }).stdout.trim();
    try {
      for (const end = Date.now() + 10_000; !children(); await new Promise((r) => setTimeout(r, 50))) assert.ok(Date.now() < end, 'the discovery never started its child');
    } finally {
      waiting.kill('SIGKILL');
    }
    // The backstop is the discovery's timeout (1.5 s) plus a second; give it room, with the mount still stopped.
    for (const end = Date.now() + 6_000; children(); await new Promise((r) => setTimeout(r, 100))) {
      assert.ok(Date.now() < end, `a discovery child still blocked in the stopped mount after its bridge died (pids ${children()})`);
    }
  });
});
