// Plugin discovery as dvdcli does it (dvdi-bridge.md §3.2), now looked at in one killable child per batch
// (plugin/discoveryChild.ts): the order of sockets and spec files, what a broken spec says, the listing of the dirs,
// and the short reuse of answers (plugin/discovery.ts). The hung-mount side is test/e2e/hungDiscovery.test.ts.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DISCOVERY_CACHE_MS, discoverPlugin, discoverPlugins, listPluginNames } from '../../src/plugin/discovery';

describe('plugin discovery in a child process', () => {
  let root: string;
  let socks: string;
  let specs: string;
  const servers: Server[] = [];
  const listen = (p: string) => new Promise<void>((r) => servers.push(createServer().listen(p, r)));

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'dvdi-discovery-'));
    socks = join(root, 'run');
    specs = join(root, 'etc');
    await mkdir(join(socks, 'nested'), { recursive: true });
    await mkdir(join(specs, 'deep'), { recursive: true });
    await listen(join(socks, 'a.sock'));
    await listen(join(socks, 'nested', 'nested.sock'));
    await symlink(join(socks, 'a.sock'), join(socks, 'link.sock'));
    await writeFile(join(socks, 'notsock.sock'), 'a regular file is no socket');
    await writeFile(join(specs, 'a.spec'), 'unix:///never/used.sock\n'); // a socket comes first
    await writeFile(join(specs, 'tcp.spec'), 'tcp://127.0.0.1:9\n');
    await writeFile(join(specs, 'deep', 'deep.json'), JSON.stringify({ Addr: 'unix:///x/deep.sock' }));
    await writeFile(join(specs, 'bad.json'), '{"Addr": ');
    await writeFile(join(specs, 'noscheme.spec'), '/no/scheme.sock');
    await writeFile(join(specs, 'both.spec'), 'tcp://127.0.0.1:10\n');
    await writeFile(join(specs, 'both.json'), JSON.stringify({ Addr: 'tcp://127.0.0.1:11' }));
    await writeFile(join(specs, 'weird\nname.spec'), 'tcp://127.0.0.1:12');
  });
  after(async () => {
    for (const s of servers) s.close();
    await rm(root, { recursive: true, force: true });
  });

  test('many names in one call, each as dvdcli finds it: sockets first (symlinks followed), then .spec before .json', async () => {
    const dirs = [socks, specs];
    const r = await discoverPlugins(['a', 'link', 'nested', 'notsock', 'tcp', 'deep', 'both', 'nobody', 'weird\nname', 'nul\0name'], dirs);
    const addr = (d: string) => {
      const x = r.get(d);
      return x?.kind === 'found' ? x.addr.address : x?.kind;
    };
    assert.equal(addr('a'), join(socks, 'a.sock'));
    assert.equal(addr('link'), join(socks, 'link.sock'));
    const link = r.get('link');
    assert.equal(link?.kind === 'found' && link.addr.resolved, join(socks, 'a.sock'), 'the socket comes with its realpath');
    assert.equal(addr('nested'), join(socks, 'nested', 'nested.sock'));
    assert.equal(addr('notsock'), 'none');
    assert.equal(addr('tcp'), 'tcp://127.0.0.1:9');
    assert.equal(addr('deep'), 'unix:///x/deep.sock');
    assert.equal(addr('both'), 'tcp://127.0.0.1:10');
    assert.equal(addr('nobody'), 'none');
    assert.equal(addr('weird\nname'), 'tcp://127.0.0.1:12');
    assert.equal(addr('nul\0name'), 'none');
  });

  test('a broken spec is an error naming the file, as dvdcli fails on it; not found is undefined', async () => {
    await assert.rejects(discoverPlugin('bad', [socks, specs]), /plugin spec .*bad\.json is not valid JSON/);
    await assert.rejects(discoverPlugin('noscheme', [socks, specs]), /noscheme\.spec holds "\/no\/scheme\.sock", which has no unix:\/\/ or tcp:\/\/ scheme/);
    assert.equal(await discoverPlugin('nobody', [socks, specs]), undefined);
    assert.equal(await discoverPlugin('a', []), undefined);
  });

  test('the dirs listed: every name that can be discovered, first dir first, sorted; a missing dir lists nothing', async () => {
    const { names, unanswered } = await listPluginNames([socks, specs, join(root, 'missing')]);
    assert.equal(unanswered, undefined);
    assert.deepEqual(names, ['a', 'link', 'nested', 'notsock', 'bad', 'both', 'noscheme', 'tcp', 'weird\nname']);
  });

  test('a changed spec is seen at once, found or not before (a name moved to another plugin is that plugin: the lock key); looks in flight are shared', async () => {
    const dir = join(root, 'cache');
    await mkdir(dir);
    assert.equal(await discoverPlugin('later', [dir]), undefined);
    await writeFile(join(dir, 'later.spec'), 'tcp://127.0.0.1:1\n');
    assert.equal((await discoverPlugin('later', [dir]))?.address, 'tcp://127.0.0.1:1', 'a spec written after a "not found" is seen at once');
    await writeFile(join(dir, 'later.spec'), 'tcp://127.0.0.1:2\n');
    assert.equal((await discoverPlugin('later', [dir]))?.address, 'tcp://127.0.0.1:2', 'never reused once its look ended');
    const [x, y] = await Promise.all([discoverPlugins(['later'], [dir]), discoverPlugins(['later'], [dir])]);
    assert.equal(x.get('later'), y.get('later'), 'two looks at once share one child (one answer object)');
    assert.ok(DISCOVERY_CACHE_MS > 0, 'a name whose dirs do not answer is remembered (test/e2e/hungDiscovery.test.ts)');
  });

  // A driver name from an isolator checkpoint or Docker's container list is any string. One longer than an argument
  // may be (128 KiB, execve(2) E2BIG) made spawn throw: the whole batch rejected, the requested driver's own look
  // with it, and the looks in flight were never let go of, so every later discovery of those names failed too.
  test('a record\'s driver name longer than a file name can be is found nowhere (ENAMETOOLONG, as dvdcli\'s stat says); the names beside it are found', async () => {
    const long = 'x'.repeat(200_000);
    const r = await discoverPlugins(['a', long], [socks, specs]);
    assert.equal(r.get(long)?.kind, 'none');
    assert.equal(r.get('a')?.kind, 'found');
    assert.equal((await discoverPlugins(['a'], [socks, specs])).get('a')?.kind, 'found', 'nothing left in flight');
    assert.equal(r.get('y'.repeat(300))?.kind ?? (await discoverPlugins(['y'.repeat(300)], [socks])).get('y'.repeat(300))?.kind, 'none');
  });

  test('a child that cannot be started (an argument too long for execve) is an answer that says so, never a throw', async () => {
    const listed = await listPluginNames(['/' + 'd'.repeat(200_000)]);
    assert.deepEqual(listed.names, []);
    assert.match(listed.unanswered ?? '', /cannot run .*E2BIG/);
  });
});
