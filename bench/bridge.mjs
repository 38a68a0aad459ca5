// Section "bridge": what a safe dry run costs on top of the plugin calls it wraps, against Debian's
// `rclone serve docker` (real FUSE mounts): (1) one dry run (plugin engine) vs the raw Mount+Unmount it performs,
// (2) the docker-volume engine vs running the same two dvdcli commands by hand, (3) 50 concurrent dry runs on
// distinct volumes vs 50 concurrent raw Mount+Unmount. Skipped when rclone/FUSE are missing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

export const title = 'bridge: dry-run mount vs the raw plugin calls it wraps (rclone serve docker, FUSE)';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

async function time(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export async function run({ root, runs, log }) {
  if (spawnSync('rclone', ['version'], { stdio: 'ignore' }).status !== 0 || !existsSync('/dev/fuse')) return ['(skipped: rclone or /dev/fuse missing; scripts/install-test-deps.sh installs them)'];
  const imp = (p) => tsImport(join(root, p), import.meta.url);
  const { createDryRunner } = await imp('agent-bridge/src/dryrun/runner.ts');
  const { PluginClient } = await imp('agent-bridge/src/plugin/client.ts');
  const { readMountinfo } = await imp('agent-bridge/src/inuse/mountinfo.ts');
  const lab = await mkdtemp(join(tmpdir(), 'dvdi-bench-'));
  const pluginDir = join(lab, 'plugins');
  await mkdir(join(lab, 'base'), { recursive: true });
  await mkdir(pluginDir);
  await writeFile(join(lab, 'rclone.conf'), '');
  const sock = join(pluginDir, 'rclone.sock');
  const rclone = spawn('rclone', ['serve', 'docker', '--socket-addr', sock, '--base-dir', join(lab, 'base'), '--cache-dir', join(lab, 'cache'), '--config', join(lab, 'rclone.conf')], { stdio: 'ignore' });
  const leftovers = async () => (await readMountinfo()).filter((m) => m.mountPoint.startsWith(lab)).length;
  try {
    for (let i = 0; i < 200 && !(await stat(sock).catch(() => undefined)); i++) await new Promise((r) => setTimeout(r, 25));
    const client = new PluginClient({ transport: 'unix', socketPath: sock, address: sock, source: sock });
    const call = { timeoutMs: 20_000 };
    const dvdcli = join(root, 'agent-bridge/test/standins/dvdcli');
    process.env.DVDCLI_STANDIN_PLUGIN_DIRS = pluginDir;
    // The agent's proofs of "unused": both isolators' (empty) checkpoint dirs exist; no dockerd.
    await mkdir(join(lab, 'ck-dv'));
    await mkdir(join(lab, 'ck-dvdi'));
    const runner = await createDryRunner({ defaultEngine: 'plugin', dvdcliPath: dvdcli, pluginDirs: [pluginDir], stateDir: join(lab, 'state'), checkpointDirs: { dockerVolume: join(lab, 'ck-dv'), dvdiModule: join(lab, 'ck-dvdi') }, proofs: { dockerSocket: join(lab, 'docker.sock') } });
    const policy = { allowCreate: false, allowDestructiveOptions: [] };
    const dry = (name, engine = 'plugin') => runner.dryRunMount({ driver: 'rclone', name, engine }, { policy, signal: new AbortController().signal, onProgress() {} });
    const n = Math.max(runs * 4, 20);
    for (let i = 0; i < 51; i++) {
      await mkdir(join(lab, 'backing', `v${i}`), { recursive: true });
      await client.create(`v${i}`, { type: 'local', path: join(lab, 'backing', `v${i}`) }, call);
    }
    log(`bench bridge: ${n} sequential runs each, then 50 concurrent`);

    // 1. plugin engine vs raw Mount+Unmount (same ID-carrying calls), interleaved so drift hits both alike.
    const raw = [];
    const bridge = [];
    for (let i = 0; i < n + 2; i++) {
      const r = await time(async () => {
        await client.mount('v50', 'bench', call);
        await client.unmount('v50', 'bench', call);
      });
      let verdict;
      const b = await time(async () => (verdict = (await dry('v50')).verdict));
      if (verdict !== 'mounted-and-released') throw new Error(`bench: dry run gave ${verdict}`);
      if (i >= 2) raw.push(r), bridge.push(b); // two warm-ups
    }
    const lines = ['| what | raw plugin calls | dry run | ratio |', '|---|---:|---:|---:|'];
    lines.push(`| 1 volume, plugin engine (median of ${n}) | ${ms(median(raw))} | ${ms(median(bridge))} | ${(median(bridge) / median(raw)).toFixed(2)}× |`);

    // 2. docker-volume engine vs `dvdcli mount` + `dvdcli unmount` by hand (dominated by dvdcli process start).
    const rawCli = [];
    const dv = [];
    for (let i = 0; i < Math.max(runs, 5); i++) {
      rawCli.push(await time(async () => {
        for (const args of [['mount', '--volumedriver=rclone', '--volumename=v50'], ['unmount', '--volumedriver=rclone', '--volumename=v50']]) {
          await new Promise((res, rej) => spawn(dvdcli, args, { stdio: 'ignore' }).on('exit', (c) => (c === 0 ? res() : rej(new Error(`dvdcli ${args[0]} exit ${c}`)))));
        }
      }));
      dv.push(await time(async () => {
        const r = await dry('v50', 'docker-volume');
        if (r.verdict !== 'mounted-and-released') throw new Error(`bench: docker-volume dry run gave ${r.verdict}`);
      }));
    }
    lines.push(`| 1 volume, docker-volume engine via dvdcli stand-in (median of ${dv.length}) | ${ms(median(rawCli))} | ${ms(median(dv))} | ${(median(dv) / median(rawCli)).toFixed(2)}× |`);

    // 3. 50 concurrent on distinct volumes, against the embedded local driver (real bind mounts): rclone 1.60
    // stalls with dozens of simultaneous FUSE mounts even without the bridge (measured: raw Mounts never return).
    log('bench bridge: 50 concurrent (local driver)');
    const { startLocalDriver } = await imp('agent-bridge/src/local-driver/server.ts');
    const local = await startLocalDriver({ stateDir: join(lab, 'state'), socketDir: pluginDir });
    const lc = new PluginClient({ transport: 'unix', socketPath: local.socketPath, address: local.socketPath, source: local.socketPath });
    const names = Array.from({ length: 50 }, (_, i) => `c${i}`);
    for (const v of names) await lc.create(v, {}, call);
    const rawConc = await time(() => Promise.all(names.map(async (v) => {
      await lc.mount(v, 'bench', call);
      await lc.unmount(v, 'bench', call);
    })));
    let results;
    const conc = await time(async () => (results = await Promise.all(names.map((v) => runner.dryRunMount({ driver: 'local', name: v, engine: 'plugin' }, { policy, signal: new AbortController().signal, onProgress() {} })))));
    const ok = results.filter((r) => r.verdict === 'mounted-and-released').length;
    const leaked = await leftovers();
    const journal = (await readdir(join(lab, 'state', 'journal'))).length;
    await local.close();
    lines.push(`| 50 concurrent, distinct volumes, local driver (wall) | ${ms(rawConc)} | ${ms(conc)} | ${(conc / rawConc).toFixed(2)}× |`);
    lines.push('', `50 concurrent: ${ok}/50 mounted-and-released, ${leaked} mounts left, ${journal} journal entries left`);
    await runner.close();
    return lines;
  } finally {
    const gone = new Promise((r) => rclone.once('exit', r));
    rclone.kill('SIGTERM');
    await gone;
    if ((await leftovers()) === 0) await rm(lab, { recursive: true, force: true });
  }
}
