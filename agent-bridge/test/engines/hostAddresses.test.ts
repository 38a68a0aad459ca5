// A TCP plugin's host name as the bridge looks it up (getent ahosts in a killable child, plugin/hostAddresses.ts):
// the addresses /etc/hosts or DNS give, one spelling per address, and a clear reason when there are none.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { canonicalAddress, hostAddresses } from '../../src/plugin/hostAddresses';

describe('plugin host lookup', () => {
  test('a name gives its addresses (localhost from /etc/hosts), whatever its case', async () => {
    const a = await hostAddresses('LOCALHOST');
    assert.ok('addresses' in a && a.addresses.includes('127.0.0.1'), JSON.stringify(a));
  });

  test('an address is its own and only address, in one spelling', async () => {
    assert.deepEqual(await hostAddresses('10.1.2.3'), { addresses: ['10.1.2.3'] });
    assert.deepEqual(await hostAddresses('[0::1]'), { addresses: ['::1'] });
    assert.equal(canonicalAddress('::FFFF:10.1.2.3'), '10.1.2.3');
    assert.equal(canonicalAddress('2001:DB8:0:0:0:0:0:1'), '2001:db8::1');
  });

  test('a name nobody knows (.invalid, RFC 2606) and a lookup that does not answer in time are reasons, not addresses', async () => {
    assert.deepEqual(await hostAddresses('no-such-plugin-host.invalid'), { unresolved: 'no such host (not in /etc/hosts or DNS)' });
    // 1 ms: the child cannot even start in that time, so this is the path of a resolver that does not answer.
    assert.deepEqual(await hostAddresses('timeout-case.invalid', 1), { unresolved: 'no answer from the resolver within 1 ms' });
  });

  // getent (glibc's libc-bin) made unrunnable in a mount namespace of the test's own (a bind mount of /dev/null over
  // it, seen by nothing else on the machine): the lookup falls back to this node binary's dns.lookup in a child, the
  // same getaddrinfo(3) answer, still killed after the timeout.
  const getent = ['/usr/bin/getent', '/bin/getent'].find((p) => existsSync(p));
  const noUnshare = spawnSync('unshare', ['-m', 'true']).status !== 0 ? 'cannot make a mount namespace here (unshare -m; needs root)' : undefined;
  test('without a runnable getent: the same addresses through node in a child, and the same reasons', { skip: noUnshare ?? (getent ? undefined : 'getent is not installed') }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'dvdi-nogetent-'));
    try {
      const script = join(dir, 'lookup.mts');
      const mod = JSON.stringify(resolve(import.meta.dirname, '../../src/plugin/hostAddresses.ts'));
      writeFileSync(script, `import { hostAddresses } from ${mod};\nconst r = await Promise.all([hostAddresses('LocalHost'), hostAddresses('no-such-plugin-host.invalid'), hostAddresses('timeout-case.invalid', 1)]);\nconsole.log(JSON.stringify(r));\n`);
      const r = spawnSync('unshare', ['-m', 'sh', '-c', `mount --bind /dev/null ${getent} && exec "$0" --import tsx "$1"`, process.execPath, script], { encoding: 'utf8', cwd: resolve(import.meta.dirname, '..', '..') });
      assert.equal(r.status, 0, r.stderr);
      const [local, none, slow] = JSON.parse(r.stdout) as [{ addresses?: string[] }, unknown, unknown];
      assert.ok(local.addresses?.includes('127.0.0.1'), r.stdout);
      assert.deepEqual(none, { unresolved: 'no such host (not in /etc/hosts or DNS)' });
      assert.deepEqual(slow, { unresolved: 'no answer from the resolver within 1 ms' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
