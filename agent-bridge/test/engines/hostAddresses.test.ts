// A TCP plugin's host name as the bridge looks it up (getent ahosts in a killable child, plugin/hostAddresses.ts):
// the addresses /etc/hosts or DNS give, one spelling per address, and a clear reason when there are none.
import assert from 'node:assert/strict';
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
});
