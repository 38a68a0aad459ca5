// A TCP plugin's host name is looked up for its calls the way it is for its identity (plugin/hostAddresses.ts: getent
// in a killable child), never by node's dns.lookup: that runs getaddrinfo on one of libuv's four pool threads, where a
// resolver that does not answer holds it for as long as resolv.conf lets it retry, and the journal and mountinfo
// reads of every request wait behind it. Before, every call to a plugin named `tcp://localhost:<port>` (Activate,
// Get, Mount, Unmount…) made its own dns.lookup, and could reach another address than the ones the lock was taken on.
// dns.lookup is only counted here (wrapped, still called through); the plugin is Debian's rclone serve docker on TCP.
import assert from 'node:assert/strict';
import dns from 'node:dns';
import { after, before, describe, test } from 'node:test';
import { PluginClient } from '../../src/plugin/client';
import { parseAddress } from '../../src/plugin/discovery';
import { interfaceAddresses } from '../../src/plugin/thisHost';
import { fuseSkipReason, makeLab, startRcloneTcp, type Lab } from './harness';

describe('a TCP plugin named by host name: its calls never look the name up on libuv\'s pool (rclone serve docker on TCP)', { skip: fuseSkipReason() }, () => {
  let lab: Lab;
  let rclone: Awaited<ReturnType<typeof startRcloneTcp>>;
  const original = dns.lookup;
  let lookups: string[] = [];

  before(async () => {
    lab = await makeLab('tcplookup');
    rclone = await startRcloneTcp(lab);
    (dns as { lookup: unknown }).lookup = (host: string, ...rest: unknown[]) => {
      lookups.push(host);
      return (original as (...a: unknown[]) => unknown)(host, ...rest);
    };
  });
  after(async () => {
    (dns as { lookup: unknown }).lookup = original;
    await rclone?.stop();
    await lab?.cleanup();
  });

  test('tcp://localhost:<port>: Activate and List reach rclone, with no dns.lookup', async () => {
    lookups = [];
    const client = new PluginClient(parseAddress(`tcp://localhost:${rclone.port}`, 'byname.spec'));
    assert.ok((await client.activate({ timeoutMs: 5000 })).includes("VolumeDriver"));
    assert.ok(Array.isArray(await client.list({ timeoutMs: 5000 })));
    assert.deepEqual(lookups, []);
  });

  test('tcp://[::1]:<port> (an IPv6 literal, bracketed as a URL writes it): reached (before: ENOTFOUND, the brackets went to the resolver)', { skip: interfaceAddresses().has('::1') ? undefined : 'no ::1 here' }, async () => {
    const v6 = await startRcloneTcp(lab, 'rclonev6', '[::1]');
    try {
      lookups = [];
      const client = new PluginClient(parseAddress(`tcp://[::1]:${v6.port}`, 'v6.spec'));
      assert.ok((await client.activate({ timeoutMs: 5000 })).includes('VolumeDriver'));
      assert.deepEqual(lookups, []);
    } finally {
      await v6.stop();
    }
  });

  test('a host that does not resolve: the call fails naming the host and why, with no dns.lookup', async () => {
    lookups = [];
    const client = new PluginClient(parseAddress(`tcp://no-such-plugin-host.invalid:${rclone.port}`, 'nohost.spec'));
    await assert.rejects(client.activate({ timeoutMs: 5000 }), /Plugin\.Activate: cannot reach plugin at tcp:\/\/no-such-plugin-host\.invalid:\d+: its host no-such-plugin-host\.invalid cannot be looked up: no such host \(not in \/etc\/hosts or DNS\); fix the host's name/);
    assert.deepEqual(lookups, []);
  });
});
