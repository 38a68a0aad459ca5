// A TCP plugin's host name as the bridge looks it up (getent ahosts in a killable child, plugin/hostAddresses.ts):
// the addresses /etc/hosts or DNS give, one spelling per address, and a clear reason when there are none.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
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

  test('a name nobody knows (.invalid, RFC 2606) is a reason, not an address', async () => {
    assert.deepEqual(await hostAddresses('no-such-plugin-host.invalid'), { unresolved: 'no such host (not in /etc/hosts or DNS)' });
  });

  // A resolver that does not answer, for real: in a mount namespace of the test's own (seen by nothing else on the
  // machine) /etc/resolv.conf names a nameserver on a loopback address whose port 53 this test holds. It answers
  // NXDOMAIN (RFC 1035 §4.1.1: the query's header with QR set and RCODE 3) for no-such-plugin-host and nothing else,
  // so getaddrinfo waits its 5 s (resolv.conf(5) `timeout`) for the other name and the lookup must give up at its own.
  // (A 1 ms timeout with the real resolver was not this: getent can answer an .invalid name before a 1 ms timer fires.)
  // With `noGetent`, getent (glibc's libc-bin) is made unrunnable there too (a bind mount of /dev/null over it): the
  // lookup falls back to this node binary's dns.lookup in a child, the same getaddrinfo(3) answer, still killed.
  const getent = ['/usr/bin/getent', '/bin/getent'].find((p) => existsSync(p));
  const noUnshare = spawnSync('unshare', ['-m', 'true']).status !== 0 ? 'cannot make a mount namespace here (unshare -m; needs root)' : undefined;
  async function lookUpInNamespace(noGetent: boolean): Promise<unknown[]> {
    const dir = mkdtempSync(join(tmpdir(), 'dvdi-hostlookup-'));
    const silent = createSocket('udp4');
    await new Promise<void>((ok, fail) => (silent.once('error', fail), silent.bind(53, '127.77.0.1', ok)));
    silent.on('message', (query, from) => {
      if (!query.includes('no-such-plugin-host') || query.length < 12) return;
      const answer = Buffer.from(query);
      answer[2] |= 0x80; // QR: a response
      answer[3] = (answer[3]! & 0x70) | 0x80 | 3; // RA, RCODE 3: the name does not exist
      silent.send(answer, from.port, from.address);
    });
    try {
      writeFileSync(join(dir, 'resolv.conf'), 'nameserver 127.77.0.1\noptions timeout:5 attempts:1\n');
      const script = join(dir, 'lookup.mts');
      const mod = JSON.stringify(resolve(import.meta.dirname, '../../src/plugin/hostAddresses.ts'));
      writeFileSync(script, `import { hostAddresses } from ${mod};\nconst r = await Promise.all([hostAddresses('LocalHost'), hostAddresses('no-such-plugin-host.invalid'), hostAddresses('timeout-case.invalid', 300)]);\nconsole.log(JSON.stringify(r));\n`);
      const hideGetent = noGetent ? `mount --bind /dev/null ${getent} && ` : '';
      const shell = `${hideGetent}mount --bind "$2" /etc/resolv.conf && exec "$0" --import tsx "$1"`;
      // Not spawnSync: this process's event loop must run to answer the child's queries.
      const stdout = await new Promise<string>((ok, fail) =>
        execFile('unshare', ['-m', 'sh', '-c', shell, process.execPath, script, join(dir, 'resolv.conf')], { cwd: resolve(import.meta.dirname, '..', '..') }, (e, out, err) => (e ? fail(new Error(`${e.message}\n${err}`)) : ok(out))),
      );
      return JSON.parse(stdout) as unknown[];
    } finally {
      silent.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  for (const noGetent of [false, true]) {
    const skip = noUnshare ?? (noGetent && !getent ? 'getent is not installed' : undefined);
    test(`a resolver that does not answer is a reason once the timeout passes; NXDOMAIN and /etc/hosts still answer${noGetent ? ' (without a runnable getent: through node in a child)' : ''}`, { skip }, async () => {
      const [local, none, slow] = (await lookUpInNamespace(noGetent)) as [{ addresses?: string[] }, unknown, unknown];
      assert.ok(local.addresses?.includes('127.0.0.1'), JSON.stringify(local));
      assert.deepEqual(none, { unresolved: 'no such host (not in /etc/hosts or DNS)' });
      assert.deepEqual(slow, { unresolved: 'no answer from the resolver within 300 ms' });
    });
  }
});
