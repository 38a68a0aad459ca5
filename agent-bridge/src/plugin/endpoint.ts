/**
 * Which plugin an address reaches, as one string: what the per-volume lock (dryrun/volumeLock.ts) is keyed by.
 * A driver name is not an identity: discovery (discovery.ts, as dvdcli and Docker do it) lets several names lead
 * to one plugin — a `.spec` or `.json` file naming another plugin's socket, a `<b>.sock` symlink to `<a>.sock`, a
 * managed plugin's id beside its alias — and two dry runs of one volume through two such names would both mount
 * it and then see each other as its user.
 *
 * A unix socket is its path with every symlink resolved (`unix:/run/docker/plugins/a.sock`); a TCP plugin is its
 * URL's scheme, host and port as WHATWG URL normalises them (`http://10.0.0.5:8080`). Host names are not looked
 * up: `localhost` and `127.0.0.1` stay two keys. The symlinks are resolved by inuse/resolveParent.ts (`realpath`
 * in a killable child, never a libuv pool thread), because a spec file may name a socket on any filesystem.
 */
import { resolveParent } from '../inuse/resolveParent';
import type { PluginAddress } from './discovery';

/** `key` when the address is known for what it is; `unresolved` (why) when its path cannot be resolved now. */
export type PluginIdentity = { key: string } | { unresolved: string };

export async function pluginIdentity(addr: PluginAddress): Promise<PluginIdentity> {
  if (addr.transport === 'tcp') {
    try {
      const u = new URL(addr.baseUrl ?? addr.address);
      return { key: `${u.protocol}//${u.host}` };
    } catch {
      return { key: addr.baseUrl ?? addr.address };
    }
  }
  const socket = addr.socketPath ?? addr.address;
  const r = await resolveParent(socket);
  if (r.kind === 'resolved') return { key: `unix:${r.path}` };
  return { unresolved: `the plugin socket ${socket} ${r.kind === 'missing' ? 'does not exist (any more)' : `cannot be resolved: ${r.why}`}` };
}
