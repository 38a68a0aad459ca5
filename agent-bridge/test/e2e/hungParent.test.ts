// A plugin whose base dir lies inside a FUSE mount that stopped answering: `rclone mount` of a local dir with its
// daemon SIGSTOPped, and Debian's `rclone serve docker` (the real plugin) keeping its volumes' mountpoints in it.
// rclone's Get still answers (it names each volume's Mountpoint without looking at it), so a dry run reaches the
// in-use check, which looks the mountpoint up in /proc/self/mountinfo. Not listed there as-is, the mountpoint's
// parent dir is resolved (symlinks such as /var/run → /run, inuse/mountinfo.ts), and that walk blocks in the kernel
// at the stopped mount. Done with node's fs it held a libuv threadpool thread per call; five such dry runs held all
// four, and every file operation of the bridge waited forever: a dry run of another, healthy plugin never answered.
// The bridge runs as its own `serve` process, so a wedged bridge cannot wedge the test; the second test calls the
// lookup in this process. The stopped daemon is always continued and every mount taken down in after() (stoppedFuse.ts).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pluginAndKernelUsers } from '../../src/inuse/check';
import { kernelMountsAt, MOUNTINFO_PATH, readMountinfo } from '../../src/inuse/mountinfo';
import { RESOLVE_CACHE_MS } from '../../src/inuse/resolveParent';
import { PluginClient } from '../../src/plugin/client';
import { discoverPlugin } from '../../src/plugin/discovery';
import { startServe, type ServeProcess } from '../serveProcess';
import { connect } from '../server/harness';
import { DVDCLI_STANDIN, fuseSkipReason, makeLab, mountsUnder, startRclone, within, type Lab } from './harness';
import { continueFuse, startFuse, stopUntilHung, tearDownStoppedFuse, type StoppedFuse } from './stoppedFuse';

const TOKEN = 'hungparent-5e0c2a9d7b1f4e3a8c6d0b2f4a6c8e1d';
const HUNG = ['h0', 'h1', 'h2', 'h3', 'h4'];

describe('a plugin base dir inside a FUSE mount whose daemon is stopped (rclone mount + rclone serve docker)', { skip: fuseSkipReason(), timeout: 180_000 }, () => {
  let lab: Lab;
  let fuseDir = '';
  let fuse: StoppedFuse | undefined;
  let hungPlugin: Awaited<ReturnType<typeof startRclone>> | undefined;
  let goodPlugin: Awaited<ReturnType<typeof startRclone>> | undefined;
  let serve: ServeProcess | undefined;

  before(async () => {
    lab = await makeLab('hungparent');
    fuse = await startFuse(lab, ['base']); // the plugin's base dir, made in the backing dir (see startFuse)
    fuseDir = fuse.dir;
    hungPlugin = await startRclone(lab, join(fuseDir, 'base'));
    goodPlugin = await startRclone(lab, join(lab.root, 'rgood', 'base'), 'rgood');
    const hung = new PluginClient((await discoverPlugin('rclone', [lab.pluginDir]))!);
    const good = new PluginClient((await discoverPlugin('rgood', [lab.pluginDir]))!);
    for (const n of HUNG) {
      await mkdir(join(lab.root, 'backing', n), { recursive: true });
      await hung.create(n, { type: 'local', path: join(lab.root, 'backing', n) }, { timeoutMs: 5000 });
    }
    await mkdir(join(lab.root, 'backing', 'g1'), { recursive: true });
    await good.create('g1', { type: 'local', path: join(lab.root, 'backing', 'g1') }, { timeoutMs: 5000 });

    const tokenFile = join(lab.root, 'tokens');
    writeFileSync(tokenFile, `hp:${TOKEN}\n`, { mode: 0o600 });
    const main = resolve(import.meta.dirname, '../../src/main.ts');
    serve = await startServe(['--import', 'tsx', main, 'serve', '--listen', '127.0.0.1:0', '--token-file', tokenFile, '--state-dir', lab.stateDir, '--engine', 'plugin', '--dvdcli', DVDCLI_STANDIN,
      '--plugin-dirs', lab.pluginDir, '--docker-volume-checkpoint-dir', lab.checkpoints.dockerVolume, '--dvdi-checkpoint-dir', lab.checkpoints.dvdiModule, '--docker-socket', 'none']);

    await stopUntilHung(fuse, ['realpath', '-e', join(fuseDir, 'base')]);
  });

  after(() => tearDownStoppedFuse(lab, fuse, serve?.proc, [goodPlugin?.child, hungPlugin?.child]));

  test('dry runs of its volumes are refused, naming the path that does not answer; a healthy plugin is still served', async () => {
    const dryRun = async (driver: string, name: string, onInUse?: () => void) => {
      const c = await connect(serve!.url, { token: TOKEN });
      const id = `${driver}-${name}`;
      const watch = setInterval(() => c.notifications.some((n) => n.params.id === id && n.params.step === 'in-use') && (clearInterval(watch), onInUse?.()), 20);
      try {
        return (await c.request('volume/dryRunMount', { driver, name, engine: 'plugin' }, id)).result;
      } finally {
        clearInterval(watch);
        c.ws.close();
      }
    };
    // More of them than libuv has threadpool threads (4); the healthy run starts once all five are in their in-use check.
    let checking = 0;
    let checked!: () => void;
    const inUseReached = new Promise<void>((r) => (checked = r));
    const hung = Promise.all(HUNG.map((n) => dryRun('rclone', n, () => ++checking === HUNG.length && checked())));
    hung.catch(() => undefined);
    await within(20_000, 'five dry runs reaching their in-use check', inUseReached);
    const good = await within(20_000, 'a dry run on a healthy plugin while five lookups hang', dryRun('rgood', 'g1'));
    assert.equal(good?.verdict, 'mounted-and-released', JSON.stringify(good, null, 1));
    const results = await within(20_000, 'five dry runs whose mountpoints lie in the stopped FUSE mount', hung);
    results.forEach((r, i) => {
      assert.equal(r?.verdict, 'refused', JSON.stringify(r, null, 1));
      const use = r.steps.find((s: { step: string }) => s.step === 'in-use');
      assert.equal(use?.ok, false, JSON.stringify(r.steps));
      assert.match(use.detail, new RegExp(`cannot prove rclone/${HUNG[i]} unused: cannot tell whether ${join(fuseDir, 'base', HUNG[i])} is mounted`), use.detail);
      assert.match(use.detail, new RegExp(`it lies in ${fuseDir}, fuse\\.rclone`), 'names the mount that does not answer');
      assert.ok(!r.steps.some((s: { step: string }) => s.step === 'mount'), 'nothing mounted');
    });
    // volume/list: a volume whose mount state cannot be seen is listed as in use, never as free.
    const c = await connect(serve!.url, { token: TOKEN });
    const list = await within(20_000, 'volume/list of the plugin', c.request('volume/list', { driver: 'rclone' }));
    c.ws.close();
    assert.deepEqual(list.result?.volumes.map((v: { name: string; inUse: boolean }) => [v.name, v.inUse]), HUNG.map((n) => [n, true]), JSON.stringify(list));
    assert.deepEqual((await mountsUnder(lab.root)).filter((m) => !m.startsWith(`${fuseDir} `)), [], 'only the stopped FUSE mount itself');
    assert.deepEqual(await readdir(join(lab.stateDir, 'journal')), []);
  });

  test('in this process: the lookup answers "unknown" within its timeout and file operations keep working', async () => {
    const table = await readMountinfo();
    // Distinct parents (each its own resolution), more than the threadpool has threads.
    const lookups = ['a', 'b', 'c', 'd', 'e', 'f'].map((d) => kernelMountsAt(table, join(fuseDir, 'base', d, 'vol'), 1000));
    assert.ok((await within(3000, 'reading mountinfo while six lookups hang', readFile(MOUNTINFO_PATH, 'utf8'))).length > 0);
    for (const r of await within(10_000, 'six lookups in the stopped mount', Promise.all(lookups))) {
      assert.ok(!Array.isArray(r), `a lookup in the stopped mount answered ${JSON.stringify(r)}`);
      assert.match(r.message, /did not finish within 1000 ms: a filesystem on that path does not answer/);
    }
    const users = await within(15_000, 'the in-use check of one volume', pluginAndKernelUsers({ Name: 'h0', Mountpoint: join(fuseDir, 'base', 'h0') }));
    assert.equal(users.inUse, true, JSON.stringify(users));
    assert.deepEqual(users.reasons, []);
    assert.match(users.problems.join('; '), /cannot tell whether .*\/base\/h0 is mounted/);
  });

  test('a bridge killed while a lookup waits leaves no realpath blocked in the mount', async () => {
    // The lookup's own process (the bridge) dies by SIGKILL: its timer never fires, so only a clock outside it can end the child.
    const dir = join(fuseDir, 'base', 'orphan', 'x');
    const script = join(lab.root, 'lookup.mts');
    writeFileSync(script, `import { resolveParent } from ${JSON.stringify(resolve(import.meta.dirname, '../../src/inuse/resolveParent.ts'))};\nresolveParent(${JSON.stringify(dir)}, 1500);\nsetInterval(() => {}, 1000);\n`);
    const waiting = spawn(process.execPath, ['--import', 'tsx', script], { stdio: 'ignore' });
    const realpaths = () => spawnSync('pgrep', ['-f', `realpath -e -z -- ${dir}`], { encoding: 'utf8' }).stdout.trim();
    for (const end = Date.now() + 10_000; !realpaths(); await new Promise((r) => setTimeout(r, 50))) assert.ok(Date.now() < end, 'the lookup never started its realpath');
    waiting.kill('SIGKILL');
    // The backstop is the lookup's timeout (1.5 s) plus a second; give it room, with the mount still stopped.
    for (const end = Date.now() + 6_000; realpaths(); await new Promise((r) => setTimeout(r, 100))) {
      assert.ok(Date.now() < end, `realpath still blocked in the stopped mount after its bridge died (pids ${realpaths()})`);
    }
  });

  test('once the daemon is continued, the same volumes are looked at again and dry-run normally', async () => {
    continueFuse(fuse);
    // "Does not answer" is remembered for RESOLVE_CACHE_MS, in the bridge as here; then asked again.
    await new Promise((r) => setTimeout(r, RESOLVE_CACHE_MS + 100));
    assert.deepEqual(await kernelMountsAt(await readMountinfo(), join(fuseDir, 'base', 'h0')), []);
    const c = await connect(serve!.url, { token: TOKEN });
    const r = (await within(30_000, 'a dry run after the mount answers again', c.request('volume/dryRunMount', { driver: 'rclone', name: 'h0', engine: 'plugin' }))).result;
    c.ws.close();
    assert.equal(r?.verdict, 'mounted-and-released', JSON.stringify(r, null, 1));
    assert.deepEqual((await mountsUnder(lab.root)).filter((m) => !m.startsWith(`${fuseDir} `)), []);
  });
});
