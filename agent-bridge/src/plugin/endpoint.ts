/**
 * Which plugin an address reaches: what the per-volume lock (dryrun/volumeLock.ts) is keyed by, and what tells a
 * task's driver name in the isolators' checkpoints or Docker's containers apart from the requested one (inuse/check.ts).
 * A driver name is not an identity: discovery (discovery.ts, as dvdcli and Docker do it) lets several names lead
 * to one plugin — a `.spec` or `.json` file naming another plugin's socket, a `<b>.sock` symlink to `<a>.sock`, a
 * managed plugin's id beside its alias, a TCP spec naming the host by name or by address — and two dry runs of one
 * volume through two such names would both mount it and then see each other as its user.
 *
 * An identity is a set of keys; two addresses reach the same plugin when their sets share a key (samePlugin).
 * A unix socket is one key, its path with every symlink resolved (`unix:/run/docker/plugins/a.sock`). A TCP plugin
 * is one key per address its host stands for, with the port (`http://10.0.0.5:8080`), except that every address of
 * this machine (loopback, the unspecified address, any interface's: thisHost.ts) is one host, `tcp://this-host:8080`:
 * `localhost`, `127.0.0.1` and the agent's own `10.x` address are one plugin. A TCP plugin named by a host name has
 * the name as a key too (`tcp-name://plugin-host:8080`, one key with or without the name's trailing dot): the
 * addresses are only the answer of the moment, and one name answered with 10.0.0.1 for one dry run and 10.0.0.2 for
 * another (a DNS change, round-robin DNS, an edited /etc/hosts) is still one plugin
 * (agent-bridge/test/e2e/tcpChangingDns.test.ts). Two runs share a key, and so a lock, when they share the name or
 * any address. Two names are one plugin only while they share an address: a run that saw `a.example` as 10.0.0.1
 * and one that sees its alias `b.example` as 10.0.0.2 after a change share no key. The symlinks are resolved by
 * inuse/resolveParent.ts (or by discovery itself, in its child, for a socket it finds) and host names looked up by
 * hostAddresses.ts, all in killable children, never on a libuv pool thread, because a spec file may name a socket on
 * any filesystem or a host no resolver answers for.
 */
import { isIP } from 'node:net';
import { resolveParent } from '../inuse/resolveParent';
import { discoverPlugins, type PluginAddress } from './discovery';
import { hostAddresses } from './hostAddresses';
import { interfaceAddresses, isThisHost } from './thisHost';

/** The host part of the key of a TCP plugin on this machine, at whichever of its addresses (thisHost.ts). */
export const THIS_HOST_KEY = 'tcp://this-host';
const urlOf = (a: string, port: string) => `http://${a.includes(':') ? `[${a}]` : a}:${port}`;
/**
 * The key of a host name as a spec writes it, whatever it resolves to now (WHATWG URL has lower-cased it: RFC 4343),
 * less the trailing dot of its absolute form: `plugin.example.` is `plugin.example` (RFC 1034 §3.1), and with the dot
 * kept the two spellings shared no key once the answer changed between two runs. A relative name that the resolver's
 * search list would complete elsewhere (`plugin` as `plugin.corp.example`) is then one plugin with `plugin.`: the safe
 * direction, a dry run refused as in use, never two mounts.
 */
const nameKey = (host: string, port: string) => `tcp-name://${host.replace(/\.$/, '')}:${port}`;

/** `keys` (and how to show them) when the address is known for what it is; `unresolved` (why) when it cannot be now. */
export type PluginIdentity = { keys: string[]; shown: string } | { unresolved: string };

export async function pluginIdentity(addr: PluginAddress): Promise<PluginIdentity> {
  if (addr.transport === 'tcp') {
    let u: URL;
    try {
      u = new URL(addr.baseUrl ?? addr.address);
    } catch {
      return { unresolved: `the plugin URL ${addr.address} (from ${addr.source}) cannot be parsed` };
    }
    const port = u.port || '80'; // WHATWG URL drops http's default port; spell it out so both forms are one key
    const found = await hostAddresses(u.hostname);
    if ('unresolved' in found) return { unresolved: `the plugin host ${u.hostname.replace(/^\[|\]$/g, '')} (from ${addr.source}) cannot be looked up: ${found.unresolved}` };
    // Every address of this machine is one host (thisHost.ts): same port, same plugin, however the spec names it.
    const own = interfaceAddresses();
    const keys = [...new Set(found.addresses.map((a) => (isThisHost(a, own) ? `${THIS_HOST_KEY}:${port}` : urlOf(a, port))))];
    // An IP literal is its own address and nothing more; a name is a key of its own besides (see above).
    if (!isIP(u.hostname.replace(/^\[|\]$/g, ''))) keys.unshift(nameKey(u.hostname, port));
    return { keys, shown: found.addresses.map((a) => urlOf(a, port)).join(', ') };
  }
  const socket = addr.socketPath ?? addr.address;
  // Discovery resolved a socket it found in the sockets dir in the same child; a socket a spec names is resolved here.
  if (addr.resolved) return { keys: [`unix:${addr.resolved}`], shown: addr.resolved };
  const r = await resolveParent(socket, undefined, true); // fresh: the symlinks as they are now, not a moment ago
  if (r.kind === 'resolved') return { keys: [`unix:${r.path}`], shown: r.path };
  return { unresolved: `the plugin socket ${socket} ${r.kind === 'missing' ? 'does not exist (any more)' : `cannot be resolved: ${r.why}`}` };
}

/**
 * The identity of the plugin each driver name leads to, found in `dirs` as dvdcli finds it (one discovery child for
 * all of them); unresolved when there is none, or when the dirs do not answer.
 */
export async function driverIdentities(drivers: readonly string[], dirs: readonly string[]): Promise<Map<string, PluginIdentity>> {
  const found = await discoverPlugins(drivers, dirs);
  const out = new Map<string, PluginIdentity>();
  await Promise.all(
    [...found].map(async ([d, r]) => {
      if (r.kind === 'found') out.set(d, await pluginIdentity(r.addr));
      else out.set(d, { unresolved: r.kind === 'none' ? `no socket or spec for it in ${dirs.join(', ')}` : r.why });
    }),
  );
  return out;
}

/** Whether two identities' key sets share a key: then they reach the same plugin. */
export function samePlugin(a: readonly string[], b: readonly string[]): boolean {
  return a.some((k) => b.includes(k));
}
