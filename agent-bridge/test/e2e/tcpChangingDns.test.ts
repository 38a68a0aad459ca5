// One TCP plugin host name whose answer changes between two dry runs of one volume: the two runs must still be one
// plugin to the lock. Before, the lock's key for a TCP plugin was only the addresses its host name resolved to at
// that moment (plugin/endpoint.ts), so a run that saw `plugin-host` as 192.0.2.1 and a run that saw it as 192.0.2.2
// (a DNS change, a round-robin answer, an edited /etc/hosts) took two keys, and both mounted the volume at once: the
// very thing the lock is for. Now the host name as written is a key of its own beside its addresses.
//
// Real parts: Debian's rclone serve docker on TCP (listening on 0.0.0.0), the bridge's own lookup (getent in a
// killable child, plugin/hostAddresses.ts). What cannot be changed for one test on a shared machine runs in namespaces
// of the test's own (unshare: mount, network, pid): /etc/hosts is a bind mount of a file the test writes (a new one
// per answer), and 192.0.2.0/24 (TEST-NET-1, RFC 5737) is routed to this host's loopback without being an address of any interface
// (`ip route add local`), so every address the name is given reaches the one rclone while none of them is "this host"
// to the bridge (plugin/thisHost.ts). The Docker Engine API stand-in answers after 3 s, so each run's in-use checks
// before and after its mount take that long: the first run still holds its mount when the second, started once the
// answer changed, would mount.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { DryRunContext, DryRunMountResult } from '../../src/dryrun/contract';
import { createDryRunner } from '../../src/dryrun/runner';
import { PluginClient } from '../../src/plugin/client';
import { discoverPlugin } from '../../src/plugin/discovery';
import { driverMatcher } from '../../src/inuse/driverMatch';
import { pluginIdentity } from '../../src/plugin/endpoint';
import { hostAddresses } from '../../src/plugin/hostAddresses';
import { until } from '../server/harness';
import { fuseSkipReason, makeLab, mountsUnder, runnerConfig, seedData, startDockerEngine, startRcloneTcp, type Lab } from './harness';
import { journalFiles, releaseLeftovers } from './leftoverCleanup';
import { overlappingRuns } from './overlappingRuns';

const execFileAsync = promisify(execFile);

/** Set inside the namespaces: the file bind-mounted over /etc/hosts there. */
const HOSTS = process.env.DVDI_CHANGING_DNS_HOSTS;
/** .test is reserved (RFC 2606): no DNS anywhere answers for it, only the /etc/hosts written here. */
const HOST = 'dvdi-plugin-host.test';
/** Another name for the same addresses (a CNAME, a second /etc/hosts name). */
const ALIAS = 'dvdi-plugin-alias.test';
/** Longer than the time from a run's start to its first plugin call, so the second run's lookup comes after the change. */
const DOCKER_DELAY_MS = 3_000;

const noNamespaces = spawnSync('unshare', ['--mount', '--net', '--pid', '--fork', 'true']).status !== 0 ? 'cannot make mount, network and pid namespaces here (unshare; needs root)' : undefined;
const noIp = spawnSync('ip', ['-V']).status !== 0 ? 'ip (iproute2) is not installed' : undefined;

describe('one TCP plugin host name, two DNS answers: the two runs are still one plugin to the lock (rclone serve docker on TCP, real FUSE)', { skip: HOSTS ? 'the namespaced runs below' : (fuseSkipReason() ?? noNamespaces ?? noIp) }, () => {
  test('the runs inside their own mount, network and pid namespaces (this file again, below)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dvdi-dnslock-'));
    try {
      const hosts = join(dir, 'hosts');
      writeFileSync(hosts, readFileSync('/etc/hosts'));
      // --kill-child: a test killed on timeout takes every process of the namespace (rclone too) and its mounts along.
      const setup = 'ip link set lo up && ip route add local 192.0.2.0/24 dev lo && mount --bind "$DVDI_CHANGING_DNS_HOSTS" /etc/hosts';
      const r = spawnSync('unshare', ['--mount', '--net', '--pid', '--fork', '--kill-child', '--mount-proc', 'sh', '-c', `${setup} && exec "$0" --import tsx --test --test-reporter=spec "$1"`, process.execPath, fileURLToPath(import.meta.url)], {
        cwd: resolve(import.meta.dirname, '..', '..'),
        // Without the outer runner's NODE_TEST_CONTEXT, which would make the inner one report to it instead of to stdout.
        env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_TEST_CONTEXT')), DVDI_CHANGING_DNS_HOSTS: hosts },
        encoding: 'utf8',
        timeout: 180_000,
        killSignal: 'SIGKILL',
      });
      assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
      assert.match(r.stdout, /ℹ pass [1-9]/, r.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a dry run of a volume through a TCP plugin host name whose answer changed while another run of it holds the mount', { skip: HOSTS ? undefined : 'runs only inside the namespaces the test above makes' }, () => {
  let lab: Lab;
  let rclone: Awaited<ReturnType<typeof startRcloneTcp>>;
  let docker: Awaited<ReturnType<typeof startDockerEngine>>;
  let client: PluginClient;
  let runner: Awaited<ReturnType<typeof createDryRunner>>;
  let answers = 0;

  /**
   * Points the name at `addresses` and waits until the bridge's own lookup (past its short reuse) gives them. The
   * name is written with its trailing dot too (`${HOST}.`, the same name made absolute: RFC 1034 §3.1): a DNS server
   * answers both spellings alike, but glibc's files backend (2.36) matches /etc/hosts names as written.
   */
  async function answer(addresses: string[]): Promise<void> {
    // A fresh file bind-mounted over /etc/hosts, not the old one rewritten: a rewrite truncates before it writes, and a
    // run's lookup in that instant saw no /etc/hosts entry at all ("no such host"). A mount swaps the whole file at once.
    const file = `${HOSTS!}.${++answers}`;
    await writeFile(file, ['127.0.0.1 localhost', ...addresses.map((a) => `${a} ${HOST} ${HOST}. ${ALIAS}`), ''].join('\n'));
    await execFileAsync('mount', ['--bind', file, '/etc/hosts']);
    const want = JSON.stringify([...addresses].sort());
    for (const h of [HOST, `${HOST}.`]) {
      await until(async () => {
        const got = await hostAddresses(h);
        return 'addresses' in got && JSON.stringify([...got.addresses].sort()) === want;
      }, 10_000, `${h} to resolve to ${want}`);
    }
  }

  before(async () => {
    lab = await makeLab('dnslock');
    rclone = await startRcloneTcp(lab, 'rclonedns', '0.0.0.0');
    docker = await startDockerEngine(lab, [], DOCKER_DELAY_MS);
    await answer(['192.0.2.1']);
    await writeFile(join(lab.pluginDir, 'byname.spec'), `tcp://${HOST}:${rclone.port}\n`);
    await writeFile(join(lab.pluginDir, 'bydot.spec'), `tcp://${HOST}.:${rclone.port}\n`);
    await writeFile(join(lab.pluginDir, 'byalias.spec'), `tcp://${ALIAS}:${rclone.port}\n`);
    client = new PluginClient((await discoverPlugin('byname', [lab.pluginDir]))!);
    for (const name of ['d1', 'd2', 'd3', 'd4', 'd5']) {
      await seedData(join(lab.root, 'backing', name));
      await client.create(name, { type: 'local', path: join(lab.root, 'backing', name) }, { timeoutMs: 5000 });
    }
    runner = await createDryRunner(runnerConfig(lab, { leftoverRetryMs: 0 }));
    await runner.recover();
  });

  after(async () => {
    await runner?.close();
    await releaseLeftovers(lab, [client]).catch(() => undefined);
    await docker?.stop();
    await rclone?.stop();
    await lab?.cleanup();
  });

  const step = (r: DryRunMountResult, s: string) => r.steps.find((x) => x.step === s);

  // d3, d4: the second run names the host with its trailing dot (bydot.spec), the same name: before, the name key kept
  // the dot, so the two runs shared no key once the answer changed, and both mounted.
  for (const [name, from, to, drivers] of [
    ['d1', ['192.0.2.1'], ['192.0.2.2'], ['byname', 'byname']],
    ['d2', ['192.0.2.1'], ['127.0.0.1'], ['byname', 'byname']], // from an address of another host to this host's own (one key: thisHost.ts)
    ['d3', ['192.0.2.1'], ['192.0.2.2'], ['byname', 'bydot']],
    ['d4', ['192.0.2.1'], ['192.0.2.2'], ['bydot', 'byname']],
    ['d5', ['192.0.2.1'], ['192.0.2.1'], ['byname', 'byalias']], // two names, one address: one plugin by its address key
  ] as const) {
    test(`${drivers[0]}/${name} while ${HOST} is ${from.join(', ')}, and ${drivers[1]}/${name} once it is ${to.join(', ')}: one mounts and releases, the other gets in-use from the lock; nothing left`, async () => {
      let firstHoldsLock: Promise<void> = Promise.resolve();
      const first = async (c: DryRunContext) => {
        // Set before this function's first await: overlappingRuns starts `second` right after, in the same tick.
        let locked!: () => void;
        firstHoldsLock = new Promise((r) => (locked = r));
        const report = c.onProgress;
        c.onProgress = (s, status) => {
          if (s === 'activate' && status === 'started') locked(); // past the lock: its keys are taken
          report(s, status);
        };
        await answer([...from]);
        return runner.dryRunMount({ driver: drivers[0], name, engine: 'plugin' }, c);
      };
      const second = async (c: DryRunContext) => {
        await firstHoldsLock;
        await answer([...to]);
        return runner.dryRunMount({ driver: drivers[1], name, engine: 'plugin' }, c);
      };
      try {
        const [a, b] = await overlappingRuns(first, second);
        assert.deepEqual([a.verdict, b.verdict], ['mounted-and-released', 'in-use'], JSON.stringify([a, b], null, 1));
        assert.equal(step(b, 'lock')?.ok, false, JSON.stringify(b.steps));
        assert.match(step(b, 'lock')!.detail!, new RegExp(`another operation of this bridge is using ${drivers[1]}/${name} \\(dry-run of ${drivers[0]}/${name} started `));
        assert.ok(!step(b, 'mount'), 'the second run never mounted');
        assert.deepEqual(await mountsUnder(lab.root), []);
        assert.deepEqual(await journalFiles(lab), []);
      } finally {
        await releaseLeftovers(lab, [client]);
      }
    });
  }

  // The in-use checks compare a task's driver name with the run's identity as its lock took it (runOne: pluginKeys),
  // so a task that uses the volume through the other spelling, looked up after the change, must still be a use.
  test(`a task's driver bydot, looked up once ${HOST} changed, is the plugin the run of byname locked (in-use checks)`, async () => {
    await answer(['192.0.2.1']);
    const runs = await pluginIdentity((await discoverPlugin('byname', [lab.pluginDir]))!);
    assert.ok('keys' in runs, JSON.stringify(runs));
    await answer(['192.0.2.2']);
    const match = await driverMatcher('byname', [lab.pluginDir], runs.keys)(['bydot']);
    assert.equal(match.get('bydot')?.same, true, JSON.stringify([runs, match.get('bydot')]));
  });
});
