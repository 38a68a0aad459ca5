// An older bridge's relative journal paths (journal/olderEntries.ts): anchored only to the state dir the entry lies in,
// only for the embedded driver's own socket, and marked as anchored (recovery wants the driver's proof); anything else
// stays as written, for recovery to keep and explain.
import assert from 'node:assert/strict';
import { isAbsolute, join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import type { JournalEntry } from '../../src/journal/journal';
import { anchorOlderEntry } from '../../src/journal/olderEntries';

const entry = (patch: Partial<JournalEntry>): JournalEntry => ({ id: 'e1', driver: 'local', name: 'keep', engine: 'plugin', bridgePid: 1, startedAt: '2026-12-07T20:47:18.062Z', phase: 'mounted', ...patch });

test('the embedded driver under a relative --state-dir: socket and mountpoint anchored to the state dir', () => {
  const a = anchorOlderEntry(entry({ pluginAddress: 'st/plugins/local.sock', mountpoint: 'st/local-driver/mounts/keep' }), '/srv/bridge/st');
  assert.deepEqual([a.pluginAddress, a.mountpoint], ['/srv/bridge/st/plugins/local.sock', '/srv/bridge/st/local-driver/mounts/keep']);
  // Marked as a guess: the same address names another bridge's driver for a bridge that ran elsewhere with a relative
  // --plugin-dirs; recovery uses it only once that driver lists the entry's caller ID (dryrun/recover.ts).
  assert.equal(a.anchoredFrom, 'st/plugins/local.sock');
  const deeper = anchorOlderEntry(entry({ pluginAddress: './var/st/plugins/local.sock' }), '/srv/var/st/');
  assert.equal(deeper.pluginAddress, '/srv/var/st/plugins/local.sock');
});

test('not provably the state dir\'s own socket: left as written, a relative mountpoint dropped', () => {
  for (const [pluginAddress, stateDir, driver] of [
    ['plugins/local.sock', '/srv/st', 'local'], // a relative --plugin-dirs, not under the state dir
    ['other/plugins/local.sock', '/srv/st', 'local'], // another dir than the one the entry lies in
    ['../st/plugins/local.sock', '/srv/st', 'local'], // names a dir above the one it ran in: unknowable
    ['st/plugins/local.sock', '/srv/st', 'rclone'], // not the embedded driver
    ['st/plugins/rclone.sock', '/srv/st', 'local'],
  ] as const) {
    const a = anchorOlderEntry(entry({ pluginAddress, driver, mountpoint: 'st/local-driver/mounts/keep' }), stateDir);
    assert.deepEqual([a.pluginAddress, a.mountpoint], [pluginAddress, undefined], pluginAddress);
  }
  const current = entry({ pluginAddress: '/srv/st/plugins/local.sock', mountpoint: '/srv/st/local-driver/mounts/keep' });
  assert.equal(anchorOlderEntry(current, '/other'), current);
  assert.equal(anchorOlderEntry(entry({ pluginAddress: 'unix:///run/x.sock' }), '/srv/st').pluginAddress, 'unix:///run/x.sock');
});

// Addresses are drawn from the state dir's own trailing segments too (the only ones that can anchor): from segments
// alone, 2000 runs anchored none, and the checks on an anchored entry never ran. The counts at the end say they do.
test('any address and state dir: never throws; an address becomes absolute only as the state dir\'s embedded socket', () => {
  const segment = fc.constantFrom('st', 'plugins', 'local.sock', '..', '.', '', 'a b', 'mounts', 'local-driver');
  const relPath = fc.array(segment, { maxLength: 6 }).map((s) => s.join('/'));
  const plain = (segs: string[]) => segs.length > 0 && segs.every((x) => x !== '' && x !== '.' && x !== '..');
  const drawn = fc.tuple(fc.array(segment, { maxLength: 6 }), fc.nat(), fc.constantFrom('', '', './', 'x/', '../')).chain(([stateSegs, k, p]) => {
    // One trailing part of the state dir for both paths, as the older bridge wrote them.
    const t = stateSegs.slice(stateSegs.length - (k % (stateSegs.length + 1)));
    const own = (end: string) => fc.constant({ text: `${p}${[...t, end].join('/')}`, proper: p === '' || p === './' ? t : [] });
    const other = fc.oneof(relPath, fc.string()).map((text) => ({ text, proper: [] as string[] }));
    return fc.record({ stateDir: fc.constant(`/${stateSegs.join('/')}`), address: fc.oneof(own('plugins/local.sock'), other), mountpoint: fc.oneof(own('local-driver/mounts/keep'), other) });
  });
  let anchored = 0;
  let mountpoints = 0;
  fc.assert(
    fc.property(drawn, fc.constantFrom('local', 'rclone'), ({ stateDir, address, mountpoint: mp }, driver) => {
      const [pluginAddress, mountpoint] = [address.text, mp.text];
      const a = anchorOlderEntry(entry({ pluginAddress, mountpoint, driver }), stateDir);
      if (a.pluginAddress !== pluginAddress) {
        anchored++;
        assert.equal(driver, 'local');
        assert.equal(a.pluginAddress, join(stateDir, 'plugins', 'local.sock'));
        assert.equal(a.anchoredFrom, pluginAddress);
      } else {
        assert.equal(a.anchoredFrom, undefined);
        // The socket the state dir's own trailing names lead to is anchored (and marked so) whenever it is the embedded driver's.
        assert.ok(driver !== 'local' || !plain(address.proper), `${pluginAddress} under ${stateDir} was not anchored`);
      }
      if (a.mountpoint !== undefined && a.mountpoint !== mountpoint) {
        mountpoints++;
        assert.ok(isAbsolute(a.mountpoint) && a.mountpoint.startsWith(join(stateDir, '/')) && a.pluginAddress !== pluginAddress, a.mountpoint);
      }
    }),
    { numRuns: 2000 },
  );
  assert.ok(anchored > 50 && mountpoints > 25, `${anchored} addresses and ${mountpoints} mountpoints anchored of 2000`);
});
